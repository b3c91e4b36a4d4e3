/** Character classes shared by the dpkg, rpm and pacman version comparisons (ASCII only, as they are). */
export const isDigit = (c: string) => c >= "0" && c <= "9";
export const isAlpha = (c: string) => (c >= "a" && c <= "z") || (c >= "A" && c <= "Z");
export const isAlnum = (c: string) => isDigit(c) || isAlpha(c);
