import { z } from "zod";

/**
 * A whole number as people write one: decimal digits. `z.coerce.number()` reads "0x10" as 16, "1e3" as
 * 1000, "" as 0 and "5abc"… not at all but " 5" as 5, so a typo in a setting or a query would pass as
 * some other number. A number (a Worker's TOML var arrives as one) is read as its decimal spelling.
 */
export function wholeNumber() {
  return z.preprocess(
    (v) => (typeof v === "number" ? String(v) : v),
    z
      .string()
      .trim()
      .regex(/^\d{1,15}$/, "a whole number of at most 15 decimal digits")
      .transform(Number),
  );
}
