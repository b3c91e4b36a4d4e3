/** A mail's, an issue's or a chat's blockquote marks before a line ("> ", nested or not): the engine and the chat doors alike. */
export const QUOTE_MARKS = /^[ \t]*(?:>[ \t]?)+/;
