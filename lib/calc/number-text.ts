/**
 * What people type around a number, stripped: spaces, thousands commas, "%", and the sign of any
 * currency the app shows amounts in ($, US$, CA$, C$, A$, AU$, €, £), so "€400,000" and
 * "CA$ 1,850" read as numbers. Returns the rest unchanged, for the caller to check.
 */
export function stripNumberText(value: string): string {
  return value.replace(/(?:US|CA|AU|C|A)?\$|[€£\s,%]/gi, "");
}

/**
 * A form field as a number for zod's preprocess: blank (or not text) becomes undefined, so
 * required-or-optional decides, and anything that is not a plain number after stripping, NaN
 * (a field error).
 */
export function numberFromText(value: unknown): unknown {
  if (typeof value === "number") return value;
  if (typeof value !== "string") return undefined;
  const cleaned = stripNumberText(value);
  if (cleaned === "") return undefined;
  return /^[-+]?(\d+\.?\d*|\.\d+)$/.test(cleaned) ? Number(cleaned) : NaN;
}

/**
 * A rate typed with a decimal comma ("4,5", "6,875 %") as a decimal point. Rates never need a
 * thousands separator (they stop at 25 %), so one comma followed by 1 to 3 digits can only be a
 * decimal comma; without this "4,5" read as 45 and was refused as out of range.
 */
export function decimalCommaRate(value: unknown): unknown {
  if (typeof value !== "string") return value;
  return /^\s*[-+]?\d+,\d{1,3}\s*%?\s*$/.test(value) ? value.replace(",", ".") : value;
}

/** numberFromText for a rate field (decimalCommaRate first). */
export function rateFromText(value: unknown): unknown {
  return numberFromText(decimalCommaRate(value));
}
