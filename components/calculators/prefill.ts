/**
 * Form values a calculator takes from one of the user's mortgages. Loan-level calculators use
 * the original loan; refinance calculators what is left of it, refinanced the way the dashboard
 * compares it: at the latest survey rate for the loan it would be (15-year with 15 years or less
 * left, else 30-year), with costs estimated at 2 % of the balance. Terms the forms take in whole
 * years are rounded to the nearest year (`roundedTerm` says when that happened).
 */
import type { CalculatorType } from "@/lib/calc";
import { ESTIMATED_COST_SHARE, productFor } from "@/lib/mortgages/refi-product";
import type { FormValues } from "./meta";
import type { MarketRates } from "./results";

export type PrefillMortgage = {
  id: string;
  name: string;
  originalPrincipalCents: number;
  originalTerm: number;
  originalInterestRate: number;
  /** The rate now (newest recorded balance's, else the original): the dashboard's. */
  currentRate: number;
  remainingPrincipalCents: number;
  remainingTerm: number;
};

const dollars = (cents: number) => String(cents / 100);
const years = (months: number) => String(Math.max(1, Math.round(months / 12)));

export function prefillFromMortgage(type: CalculatorType, m: PrefillMortgage, market: MarketRates = {}): { values: FormValues; roundedTerm: boolean } {
  const original = {
    principal: dollars(m.originalPrincipalCents),
    ratePercent: String(m.originalInterestRate),
    termYears: years(m.originalTerm),
  };
  const roundedTerm = m.originalTerm % 12 !== 0;
  const current = {
    balance: dollars(m.remainingPrincipalCents),
    currentRatePercent: String(m.currentRate),
    monthsLeft: String(m.remainingTerm),
  };
  switch (type) {
    case "monthly_payment":
    case "amortization":
      return { values: original, roundedTerm };
    case "target_rate":
      return { values: { balance: current.balance }, roundedTerm: false };
    case "break_even":
    case "refinance_savings": {
      const termYears = productFor(m.remainingTerm).termMonths / 12;
      const rate = termYears === 15 || termYears === 30 ? market[termYears] : undefined;
      const refinance = {
        newTermYears: String(termYears),
        costs: String(Math.round((m.remainingPrincipalCents * ESTIMATED_COST_SHARE) / 100)),
        ...(rate ? { newRatePercent: String(rate.ratePercent) } : {}),
      };
      return { values: { ...current, ...refinance }, roundedTerm: false };
    }
    case "efficient_frontier":
      return { values: { ...original, currentMonth: String(Math.max(0, m.originalTerm - m.remainingTerm)) }, roundedTerm };
  }
}
