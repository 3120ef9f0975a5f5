/**
 * Refinance comparison and break-even.
 *
 * The current loan is described by what is left of it: balance B, its rate and the months
 * left k. Its payment is the payment that amortizes B over k months at its rate, which is the
 * same as its original payment (original principal, rate and term) up to the rounding of B.
 * The original app subtracted the new payment from the ORIGINAL loan's payment computed some
 * other way and returned negative break-evens; here savings <= 0 means "no break-even".
 */
import { requireInteger, requireNonNegative } from "./errors";
import { balanceAtMonthlyRate, monthlyPayment, monthlyRateFromPercent, validateLoan } from "./loan";
import { fromCents, toCents } from "./rounding";

export interface RefinanceInput {
  /** Balance of the current loan today, dollars. */
  balance: number;
  currentRatePercent: number;
  /** Payments left on the current loan. */
  monthsLeft: number;
  newRatePercent: number;
  newTermMonths: number;
  /** Closing costs of the refinance, dollars (paid up front, not rolled into the loan). */
  costs: number;
}

export interface RefinanceComparison {
  currentPayment: number;
  newPayment: number;
  /** currentPayment - newPayment; negative when the new loan costs more each month. */
  monthlySavings: number;
  /** Interest still to pay if the current loan is kept: k * payment - B. */
  currentRemainingInterest: number;
  /** Interest over the new loan's whole term: n * payment - B. */
  newLifetimeInterest: number;
  newInterestPlusCosts: number;
  /** currentRemainingInterest - newInterestPlusCosts; positive means refinancing pays less. */
  lifetimeInterestSavings: number;
  /** Months of payments the new term adds beyond the current loan's end (0 if none). */
  additionalMonths: number;
  /** ceil(costs / monthly savings); null when savings <= 0 (there is no break-even). */
  simpleBreakEvenMonths: number | null;
}

function validateRefinance(input: RefinanceInput): void {
  validateLoan(input.balance, input.currentRatePercent, input.monthsLeft);
  requireNonNegative("newRatePercent", input.newRatePercent);
  requireInteger("newTermMonths", input.newTermMonths, 1);
  requireNonNegative("costs", input.costs);
}

export function compareRefinance(input: RefinanceInput): RefinanceComparison {
  validateRefinance(input);
  const { balance, currentRatePercent, monthsLeft, newRatePercent, newTermMonths, costs } = input;
  const currentPayment = monthlyPayment(balance, currentRatePercent, monthsLeft);
  const newPayment = monthlyPayment(balance, newRatePercent, newTermMonths);
  const monthlySavings = currentPayment - newPayment;
  const currentRemainingInterest = monthsLeft * currentPayment - balance;
  const newLifetimeInterest = newTermMonths * newPayment - balance;
  const newInterestPlusCosts = newLifetimeInterest + costs;
  return {
    currentPayment,
    newPayment,
    monthlySavings,
    currentRemainingInterest,
    newLifetimeInterest,
    newInterestPlusCosts,
    lifetimeInterestSavings: currentRemainingInterest - newInterestPlusCosts,
    additionalMonths: Math.max(0, newTermMonths - monthsLeft),
    // From the payments as billed (to the cent), so it agrees with the savings shown: equal
    // billed payments have no break-even, however the unrounded ones differ.
    simpleBreakEvenMonths: simpleBreakEven(costs, fromCents(toCents(currentPayment) - toCents(newPayment))),
  };
}

/**
 * Months of savings needed to pay back the costs: ceil(costs / savings); null when the
 * savings are <= 0. The 1e-9 absorbs float noise so 300 / 100.00000000001 is 3, not 4.
 */
export function simpleBreakEven(costs: number, monthlySavings: number): number | null {
  requireNonNegative("costs", costs);
  if (!Number.isFinite(monthlySavings) || monthlySavings <= 0) return null;
  return Math.max(0, Math.ceil(costs / monthlySavings - 1e-9));
}

/** Month t of the true break-even comparison (dollars, full precision). */
export interface BreakEvenPoint {
  month: number;
  /** Keeping the loan: payments made so far + the balance still owed. */
  keepCost: number;
  /** Refinancing: costs + new payments so far + the new balance still owed. */
  refiCost: number;
  keepPayments: number;
  refiPayments: number;
  keepBalance: number;
  refiBalance: number;
}

export interface TrueBreakEven {
  /** First month in 1..newTermMonths where refinancing is ahead; null if never. */
  month: number | null;
  /** Months 0..newTermMonths; the two cost lines cross at the break-even. */
  series: BreakEvenPoint[];
}

/**
 * True break-even: month by month, what each choice has cost so far if the homeowner settled
 * the debt that month. Cumulative payments alone overstate a longer new loan (it repays
 * principal more slowly), so each side adds the balance still owed; refinancing is ahead
 * at the first month where its total is lower. Since payments + balance = B + interest paid,
 * that is the first month where the interest saved so far exceeds the costs.
 * O(n) with the closed-form balances.
 */
export function trueBreakEven(input: RefinanceInput): TrueBreakEven {
  validateRefinance(input);
  const { balance, currentRatePercent, monthsLeft, newRatePercent, newTermMonths, costs } = input;
  const currentPayment = monthlyPayment(balance, currentRatePercent, monthsLeft);
  const newPayment = monthlyPayment(balance, newRatePercent, newTermMonths);
  const currentI = monthlyRateFromPercent(currentRatePercent);
  const newI = monthlyRateFromPercent(newRatePercent);

  const series: BreakEvenPoint[] = [];
  let month: number | null = null;
  for (let t = 0; t <= newTermMonths; t++) {
    const keepPayments = currentPayment * Math.min(t, monthsLeft);
    const refiPayments = newPayment * t;
    const keepBalance = balanceAtMonthlyRate(balance, currentI, monthsLeft, t);
    const refiBalance = balanceAtMonthlyRate(balance, newI, newTermMonths, t);
    const keepCost = keepPayments + keepBalance;
    const refiCost = costs + refiPayments + refiBalance;
    series.push({ month: t, keepCost, refiCost, keepPayments, refiPayments, keepBalance, refiBalance });
    // Ahead by at least half a cent, so float noise between equal loans is not a break-even.
    if (month === null && t >= 1 && keepCost - refiCost >= 0.005) month = t;
  }
  return { month, series };
}
