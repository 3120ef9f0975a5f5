/**
 * zod input schemas for the calculator forms, their demo defaults, and the calculator list.
 *
 * Units, by field name (every term says its unit):
 * - money in dollars: principal, balance, costs, extraMonthlyPrincipal, targetPayment;
 * - rates in annual percent: *RatePercent (4.5 means 4.5 %);
 * - termYears / newTermYears: whole YEARS (1-50), as lenders quote terms;
 * - monthsLeft / currentMonth: whole MONTHS (1-600 / 0-599), as a statement shows them.
 * Fields coerce form and URL strings ("$364,631.66", " 4.5 % ") to numbers. A blank field
 * is an error, not 0, except the optional extra principal (blank = no extra).
 * NaN and Infinity are rejected (zod 4 numbers are finite).
 */
import { z } from "zod";
import { decimalCommaRate, stripNumberText } from "./number-text";

import { MAX_RATE_PERCENT, type CalculatorType } from "./types";

export { calculatorDefaults, calculatorTypes, isCalculatorType, MAX_RATE_PERCENT, type CalculatorType } from "./types";

/** Strip what people type around numbers; blank (or a non-number type) becomes NaN. */
function cleanNumberText(value: unknown): unknown {
  if (typeof value === "number") return value;
  if (typeof value !== "string") return NaN;
  const cleaned = stripNumberText(value);
  return cleaned === "" ? NaN : cleaned;
}

interface FieldBounds {
  min: number;
  max: number;
  message: string;
  integer?: boolean;
  /** Exclusive minimum (target payment must be > 0). */
  aboveMin?: boolean;
  /** Money: whole cents only (what a lender bills, and what the history stores). */
  cents?: string;
}

const CENTS_EPSILON = 1e-6;
const isWholeCents = (v: number) => Math.abs(v * 100 - Math.round(v * 100)) < CENTS_EPSILON;

function numberField({ min, max, message, integer = false, aboveMin = false, rate = false, cents }: FieldBounds & { rate?: boolean }) {
  let schema = z.coerce.number({ error: message });
  schema = aboveMin ? schema.gt(min, { error: message }) : schema.min(min, { error: message });
  schema = schema.max(max, { error: message });
  if (integer) schema = schema.int({ error: message });
  const checked = cents ? schema.refine(isWholeCents, { error: `Enter ${cents} in dollars and cents (at most 2 decimals)` }) : schema;
  return z.preprocess((v) => cleanNumberText(rate ? decimalCommaRate(v) : v), checked);
}

const principal = numberField({
  min: 1_000,
  max: 100_000_000,
  message: "Enter a principal between 1,000 and 100,000,000",
  cents: "the principal",
});
const balance = numberField({
  min: 1_000,
  max: 100_000_000,
  message: "Enter a balance between 1,000 and 100,000,000",
  cents: "the balance",
});
const rateField = (what: string) =>
  numberField({ min: 0, max: MAX_RATE_PERCENT, message: `Enter ${what} between 0% and ${MAX_RATE_PERCENT}%`, rate: true });
const termYears = (what: string) =>
  numberField({ min: 1, max: 50, integer: true, message: `Enter ${what} between 1 and 50 whole years` });
const monthsLeft = numberField({
  min: 1,
  max: 600,
  integer: true,
  message: "Enter the months left on your loan, a whole number between 1 and 600",
});
const costs = numberField({ min: 0, max: 1_000_000, message: "Enter closing costs between 0 and 1,000,000", cents: "the closing costs" });
const extraMonthlyPrincipal = z.preprocess(
  (value) => (value === undefined || value === null || (typeof value === "string" && value.trim() === "") ? 0 : value),
  numberField({ min: 0, max: 1_000_000, message: "Enter an extra monthly principal between 0 and 1,000,000", cents: "the extra principal" }),
);
const targetPayment = numberField({
  min: 0,
  max: 10_000_000,
  aboveMin: true,
  message: "Enter a target monthly payment above 0 (up to 10,000,000)",
  cents: "the target payment",
});

export const monthlyPaymentSchema = z.object({
  principal,
  ratePercent: rateField("an interest rate"),
  termYears: termYears("a loan term"),
});

// Extra principal of the whole loan or more would pay it off with the first payment: almost
// certainly a typo (a balance in the extra field), and the result would read "plus $400,000.00".
export const amortizationSchema = monthlyPaymentSchema.extend({ extraMonthlyPrincipal }).refine((input) => input.extraMonthlyPrincipal < input.principal, {
  error: "Enter an extra monthly principal below the loan amount",
  path: ["extraMonthlyPrincipal"],
});

export const targetRateSchema = z.object({
  balance,
  newTermYears: termYears("a new loan term"),
  targetPayment,
});

/** Current loan (what is left of it) and the refinance offer. */
export const refinanceSchema = z.object({
  balance,
  currentRatePercent: rateField("your current rate"),
  monthsLeft,
  newRatePercent: rateField("the new rate"),
  newTermYears: termYears("a new loan term"),
  costs,
});
export const breakEvenSchema = refinanceSchema;
export const refinanceSavingsSchema = refinanceSchema;

export const efficientFrontierSchema = z
  .object({
    principal,
    ratePercent: rateField("the original rate"),
    termYears: termYears("the original loan term"),
    newTermYears: termYears("a new loan term"),
    costs,
    currentMonth: numberField({
      min: 0,
      max: 599,
      integer: true,
      message: "Enter the months since the loan started, a whole number between 0 and 599",
    }),
    offeredRatePercent: rateField("the rate you are offered"),
  })
  .refine((input) => input.currentMonth < input.termYears * 12, {
    error: "The months since the loan started must be less than the loan term",
    path: ["currentMonth"],
  });

export const calculatorSchemas = {
  monthly_payment: monthlyPaymentSchema,
  amortization: amortizationSchema,
  target_rate: targetRateSchema,
  break_even: breakEvenSchema,
  refinance_savings: refinanceSavingsSchema,
  efficient_frontier: efficientFrontierSchema,
} satisfies Record<CalculatorType, z.ZodType>;

/** Parsed (validated, numeric) input of a calculator. */
export type CalculatorInput<T extends CalculatorType> = z.output<(typeof calculatorSchemas)[T]>;
