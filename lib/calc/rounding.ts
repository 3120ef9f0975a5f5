/**
 * Rounding for display and storage only. Calculations keep full precision; money is rounded
 * to cents (half away from zero, like a bank) when it leaves the core.
 */

/**
 * Round to `digits` decimals, half away from zero, on the decimal value the number prints
 * as: 1.005 -> 1.01 (a plain Math.round(x * 100) / 100 gives 1.00 because 1.005 * 100 is
 * 100.49999...). Never returns -0.
 */
export function roundTo(value: number, digits: number): number {
  if (!Number.isFinite(value)) return value;
  const sign = value < 0 ? -1 : 1;
  const result = sign * shiftDecimal(Math.round(shiftDecimal(Math.abs(value), digits)), -digits);
  return result === 0 ? 0 : result;
}

/**
 * value * 10^places done on the decimal string, so the printed digits stay exact
 * ("1.005" -> "100.5", where 1.005 * 100 would give 100.49999999999999).
 */
function shiftDecimal(value: number, places: number): number {
  const [mantissa, exponent = "0"] = String(value).split("e");
  return Number(`${mantissa}e${Number(exponent) + places}`);
}

/** Dollars rounded to cents. */
export function roundCents(dollars: number): number {
  return roundTo(dollars, 2);
}

/** Dollars to whole cents (for exact cent arithmetic, e.g. the amortization schedule). */
export function toCents(dollars: number): number {
  return Math.round(shiftDecimal(roundCents(dollars), 2));
}

/** Whole cents back to dollars. */
export function fromCents(cents: number): number {
  return cents / 100;
}

/** Rates in percent are stored with 3 decimals (6.875 %), as in the database. */
export function roundRatePercent(ratePercent: number): number {
  return roundTo(ratePercent, 3);
}
