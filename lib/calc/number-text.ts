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
