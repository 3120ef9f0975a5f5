/**
 * Calculator core of Refi Alert: plain TypeScript, no framework imports (zod for the form
 * schemas only). Money in dollars, annual rates in percent, terms in months, full precision;
 * round with roundCents / roundRatePercent for display and storage. See README.md here.
 */
export { CalcInputError, type PaymentType } from "./errors";
export { fromCents, roundCents, roundRatePercent, roundTo, toCents } from "./rounding";

// Spreadsheet-compatible time value of money (signed cash flows, rate per period).
export { cumipmt, cumprinc, fv, ipmt, nper, pmt, ppmt, pv } from "./tvm";
export { rate } from "./tvm-rate";

// Mortgage level (positive amounts, annual percent, months).
export {
  balanceAfter,
  lifetimeInterest,
  monthlyPayment,
  monthlyRateFromPercent,
  percentFromMonthlyRate,
  remainingInterest,
} from "./loan";
export {
  amortizationSchedule,
  yearlySummary,
  type AmortizationInput,
  type AmortizationRow,
  type AmortizationSchedule,
  type YearSummary,
} from "./amortization";
export { findTargetRate, RATE_GRID_STEP_PERCENT, type TargetRateInput, type TargetRateResult } from "./target-rate";
export {
  compareRefinance,
  simpleBreakEven,
  trueBreakEven,
  type BreakEvenPoint,
  type RefinanceComparison,
  type RefinanceInput,
  type TrueBreakEven,
} from "./refinance";
export {
  efficientFrontier,
  type FrontierInput,
  type FrontierPoint,
  type FrontierResult,
  type HomeownerPosition,
} from "./frontier";

// Forms, history and pages.
export {
  amortizationSchema,
  breakEvenSchema,
  calculatorDefaults,
  calculatorSchemas,
  calculatorTypes,
  efficientFrontierSchema,
  isCalculatorType,
  monthlyPaymentSchema,
  MAX_RATE_PERCENT,
  refinanceSavingsSchema,
  refinanceSchema,
  targetRateSchema,
  type CalculatorInput,
  type CalculatorType,
} from "./schemas";
export { runCalculator, type CalculatorOutput } from "./run-calculator";
