// Rate types, labels and chart ranges. No server imports: the browser chart uses these too.

/** Every value of the rate_type enum (db/schema/enums.ts), in display order. */
export const RATE_TYPES = ["30_year_fixed", "15_year_fixed", "5_1_ARM", "FHA_30", "VA_30", "7_1_ARM", "10_1_ARM"] as const;
export type RateType = (typeof RATE_TYPES)[number];

/** The series Freddie Mac's PMMS actually publishes (or published). Others have no real history. */
export const PMMS_RATE_TYPES = ["30_year_fixed", "15_year_fixed", "5_1_ARM"] as const satisfies readonly RateType[];

export const RATE_TYPE_LABELS: Record<RateType, string> = {
  "30_year_fixed": "30-year fixed",
  "15_year_fixed": "15-year fixed",
  "5_1_ARM": "5/1 ARM",
  FHA_30: "FHA 30-year",
  VA_30: "VA 30-year",
  "7_1_ARM": "7/1 ARM",
  "10_1_ARM": "10/1 ARM",
};

/** Freddie Mac's last 5/1 ARM week: the survey dropped it when its method changed on 2022-11-17. */
export const ARM_5_1_LAST_DATE = "2022-11-10";

export function isRateType(value: unknown): value is RateType {
  return typeof value === "string" && (RATE_TYPES as readonly string[]).includes(value);
}

export const RATE_RANGES = ["1M", "6M", "1Y", "5Y", "10Y", "MAX"] as const;
export type RateRange = (typeof RATE_RANGES)[number];

export const RANGE_LABELS: Record<RateRange, string> = { "1M": "1M", "6M": "6M", "1Y": "1Y", "5Y": "5Y", "10Y": "10Y", MAX: "Max" };

/** One published week of one series, as the API sends it. */
export type RatePoint = { date: string; rate: number; points: number | null };

/**
 * The first date of a range that ends at `newest` (yyyy-mm-dd), or null for the whole history.
 * Calendar arithmetic in UTC; a month back from Mar 31 is Feb 28/29 rather than Mar 3.
 */
export function rangeStart(range: RateRange, newest: string): string | null {
  if (range === "MAX") return null;
  const months = { "1M": 1, "6M": 6, "1Y": 12, "5Y": 60, "10Y": 120 }[range];
  const [y, m, d] = newest.split("-").map(Number) as [number, number, number];
  const target = new Date(Date.UTC(y, m - 1 - months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d, lastDay));
  // "The last year" ends at `newest` and starts the day after the same date a year earlier.
  target.setUTCDate(target.getUTCDate() + 1);
  return target.toISOString().slice(0, 10);
}
