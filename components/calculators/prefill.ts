/**
 * Form values a calculator takes from one of the user's mortgages. Loan-level calculators use
 * the original loan; refinance calculators what is left of it. Terms the forms take in whole
 * years are rounded to the nearest year (`roundedTerm` says when that happened).
 */
import type { CalculatorType } from "@/lib/calc";
import type { FormValues } from "./meta";

export type PrefillMortgage = {
  id: string;
  name: string;
  originalPrincipalCents: number;
  originalTerm: number;
  originalInterestRate: number;
  remainingPrincipalCents: number;
  remainingTerm: number;
};

const dollars = (cents: number) => String(cents / 100);
const years = (months: number) => String(Math.max(1, Math.round(months / 12)));

export function prefillFromMortgage(type: CalculatorType, m: PrefillMortgage): { values: FormValues; roundedTerm: boolean } {
  const original = {
    principal: dollars(m.originalPrincipalCents),
    ratePercent: String(m.originalInterestRate),
    termYears: years(m.originalTerm),
  };
  const roundedTerm = m.originalTerm % 12 !== 0;
  const current = {
    balance: dollars(m.remainingPrincipalCents),
    currentRatePercent: String(m.originalInterestRate),
    monthsLeft: String(m.remainingTerm),
  };
  switch (type) {
    case "monthly_payment":
    case "amortization":
      return { values: original, roundedTerm };
    case "target_rate":
      return { values: { balance: current.balance }, roundedTerm: false };
    case "break_even":
    case "refinance_savings":
      return { values: current, roundedTerm: false };
    case "efficient_frontier":
      return { values: { ...original, currentMonth: String(Math.max(0, m.originalTerm - m.remainingTerm)) }, roundedTerm };
  }
}
