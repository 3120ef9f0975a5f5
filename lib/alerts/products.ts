// Which published market series an alert watches. Freddie Mac's PMMS publishes a 30-year and a
// 15-year fixed rate (the 5/1 ARM ended in 2022), so every target term maps to the nearer of the
// two: 360 months -> 30-year, 180 -> 15-year, anything else to the closer one (ties go to the
// 30-year). Pure: the form, the pages, the backtest and the sweep's SQL all use the same split.

export type AlertProduct = "30_year_fixed" | "15_year_fixed";

export const PRODUCT_TERM_MONTHS: Record<AlertProduct, number> = { "30_year_fixed": 360, "15_year_fixed": 180 };
export const PRODUCT_LABELS: Record<AlertProduct, string> = { "30_year_fixed": "30-year fixed", "15_year_fixed": "15-year fixed" };
/** Shorter labels for sentences: "the 30-year rate". */
export const PRODUCT_SHORT: Record<AlertProduct, string> = { "30_year_fixed": "30-year", "15_year_fixed": "15-year" };

/** Terms at or above this many months watch the 30-year rate; below it, the 15-year rate. */
export const THIRTY_YEAR_FROM_MONTHS = 270;

export function productForTerm(termMonths: number): AlertProduct {
  return termMonths >= THIRTY_YEAR_FROM_MONTHS ? "30_year_fixed" : "15_year_fixed";
}

/** A note for the UI when the term is not the product's own term; null when it is. */
export function productNote(termMonths: number): string | null {
  const product = productForTerm(termMonths);
  if (PRODUCT_TERM_MONTHS[product] === termMonths) return null;
  return `Freddie Mac publishes 30-year and 15-year rates only, so a ${termMonths}-month term is watched against the nearest one, the ${PRODUCT_LABELS[product]} rate.`;
}
