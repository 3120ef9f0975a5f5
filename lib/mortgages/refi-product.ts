/**
 * Which refinance the app compares a mortgage with, and the cost it assumes. No imports: the
 * calculators' client code uses it too ("Fill from my mortgage"), and lib/calc's index would bring
 * zod to the browser.
 */

/** Share of the balance used as refinance costs when the owner gave no estimate. */
export const ESTIMATED_COST_SHARE = 0.02;

export interface Product {
  rateType: "30_year_fixed" | "15_year_fixed";
  label: string;
  termMonths: number;
  why: string;
}

/** A 15-year loan for 15 years or less left, else a 30-year one: the terms Freddie Mac surveys. */
export function productFor(monthsLeft: number): Product {
  return monthsLeft > 180
    ? { rateType: "30_year_fixed", label: "30-year fixed", termMonths: 360, why: "more than 15 years left" }
    : { rateType: "15_year_fixed", label: "15-year fixed", termMonths: 180, why: "15 years or less left" };
}
