/**
 * The calculator list and the forms' demo values, without zod: client components (the calculator
 * pages' forms) import these from here so the schemas stay on the server (zod is ~30 KB gzipped).
 */
import type { CalculatorInput } from "./schemas";

/** The highest rate any calculator (or form) takes, in percent. */
export const MAX_RATE_PERCENT = 25;

export const calculatorTypes = [
  "monthly_payment",
  "amortization",
  "target_rate",
  "break_even",
  "refinance_savings",
  "efficient_frontier",
] as const;

export type CalculatorType = (typeof calculatorTypes)[number];

export function isCalculatorType(value: unknown): value is CalculatorType {
  return typeof value === "string" && (calculatorTypes as readonly string[]).includes(value);
}

/** The original app's demo loan: 400,000 at 4.5 % for 360 months, 60 payments made. */
const demoLoan = { principal: 400_000, ratePercent: 4.5, termYears: 30 } as const;
/** Its balance after 60 payments as the original app showed it, with 300 months left. */
const demoRefinance = {
  balance: 364_631.66,
  currentRatePercent: 4.5,
  monthsLeft: 300,
  newRatePercent: 2,
  newTermYears: 30,
  costs: 5_000,
} as const;

/** Form defaults per calculator: the original app's demo values. */
export const calculatorDefaults: { readonly [T in CalculatorType]: CalculatorInput<T> } = {
  monthly_payment: { ...demoLoan },
  amortization: { ...demoLoan, extraMonthlyPrincipal: 0 },
  target_rate: { balance: 364_631.66, newTermYears: 30, targetPayment: 1_500 },
  break_even: { ...demoRefinance },
  refinance_savings: { ...demoRefinance },
  efficient_frontier: { ...demoLoan, newTermYears: 30, costs: 5_000, currentMonth: 60, offeredRatePercent: 2 },
};
