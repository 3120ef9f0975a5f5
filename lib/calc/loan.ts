/**
 * Mortgage-level basics. Units at this boundary, used throughout lib/calc:
 * - money in dollars as plain numbers (full precision; round with `roundCents` for display),
 * - annual rates in PERCENT (4.5 means 4.5 %), converted to a monthly decimal here only,
 * - terms and month counts in whole MONTHS.
 * Payments are positive amounts (the homeowner's view), unlike the signed spreadsheet
 * functions in tvm.ts.
 */
import { requireInteger, requireNonNegative, requirePositive } from "./errors";
import { growthFactor } from "./tvm";

/** Annual percent (4.5) to the monthly decimal rate (0.00375). */
export function monthlyRateFromPercent(annualRatePercent: number): number {
  return annualRatePercent / 100 / 12;
}

/** Monthly decimal rate (0.00375) back to annual percent (4.5). */
export function percentFromMonthlyRate(monthlyRate: number): number {
  return monthlyRate * 12 * 100;
}

/**
 * Level payment that repays `principal` in `termMonths` at `monthlyRate` (decimal), no checks:
 * P * i / (1 - (1+i)^-n), which equals P * i * (1+i)^n / ((1+i)^n - 1); P / n at i = 0.
 * expm1/log1p keep the digits for tiny rates, so the payment is continuous at 0.
 */
export function paymentAtMonthlyRate(principal: number, monthlyRate: number, termMonths: number): number {
  if (monthlyRate === 0) return principal / termMonths;
  return (principal * monthlyRate) / -Math.expm1(-termMonths * Math.log1p(monthlyRate));
}

export function validateLoan(principal: number, annualRatePercent: number, termMonths: number): void {
  requirePositive("principal", principal);
  requireNonNegative("annualRatePercent", annualRatePercent);
  requireInteger("termMonths", termMonths, 1);
}

/** Monthly principal-and-interest payment, full precision. 400,000 at 4.5 % for 360 -> 2026.74. */
export function monthlyPayment(principal: number, annualRatePercent: number, termMonths: number): number {
  validateLoan(principal, annualRatePercent, termMonths);
  return paymentAtMonthlyRate(principal, monthlyRateFromPercent(annualRatePercent), termMonths);
}

/**
 * Balance after `paymentsMade` scheduled payments (closed form, full precision):
 * P(1+i)^m - PMT((1+i)^m - 1)/i, or P - m * P/n at 0 %. Exactly 0 after the last payment.
 */
export function balanceAfter(
  principal: number,
  annualRatePercent: number,
  termMonths: number,
  paymentsMade: number,
): number {
  validateLoan(principal, annualRatePercent, termMonths);
  requireInteger("paymentsMade", paymentsMade, 0);
  if (paymentsMade >= termMonths) return 0;
  return balanceAtMonthlyRate(principal, monthlyRateFromPercent(annualRatePercent), termMonths, paymentsMade);
}

/** The closed form without checks, for loops that already validated their input. */
export function balanceAtMonthlyRate(principal: number, i: number, termMonths: number, paymentsMade: number): number {
  if (paymentsMade >= termMonths) return 0;
  if (paymentsMade === 0) return principal;
  if (i === 0) return principal - (principal / termMonths) * paymentsMade;
  // Same value as P(1+i)^m - PMT((1+i)^m - 1)/i, rewritten as
  // P * (1+i)^m * ((1+i)^(n-m) - 1) / ((1+i)^n - 1): no difference of two large numbers,
  // so late-term balances keep their digits.
  const log = Math.log1p(i);
  const leftFactor = Math.expm1((termMonths - paymentsMade) * log); // (1+i)^(n-m) - 1
  return (principal * growthFactor(i, paymentsMade) * leftFactor) / Math.expm1(termMonths * log);
}

/** Interest over the whole life of a loan: n * PMT - P (the closed form the frontier relies on). */
export function lifetimeInterest(principal: number, annualRatePercent: number, termMonths: number): number {
  return termMonths * monthlyPayment(principal, annualRatePercent, termMonths) - principal;
}

/**
 * Interest still to pay on a loan that has made `paymentsMade` payments:
 * (n - m) * PMT - B_m (what is left to pay minus what is left to repay).
 */
export function remainingInterest(
  principal: number,
  annualRatePercent: number,
  termMonths: number,
  paymentsMade: number,
): number {
  const balance = balanceAfter(principal, annualRatePercent, termMonths, paymentsMade);
  const left = Math.max(0, termMonths - paymentsMade);
  return left * monthlyPayment(principal, annualRatePercent, termMonths) - balance;
}

/**
 * Monthly decimal rate at which a loan of `principal` over `termMonths` has exactly
 * `payment`. The payment rises strictly with the rate, so a bracketed search is safe:
 * Newton steps (about 5 suffice) inside a shrinking bracket, with a bisection step whenever
 * Newton would leave it. The caller must ensure payment >= principal / termMonths (the 0 %
 * payment), else no rate >= 0 exists. Initial bracket: at i = payment / principal the
 * interest alone is the payment, so the level payment there is higher.
 * Precise to about 1e-14 relative; callers that need "payment <= target" test the payment.
 */
export function solveMonthlyRateForPayment(principal: number, termMonths: number, payment: number): number {
  if (payment <= principal / termMonths) return 0;
  let lo = 0;
  let hi = payment / principal;
  let x = hi / 2;
  for (let step = 0; step < 100; step++) {
    const excess = paymentAtMonthlyRate(principal, x, termMonths) - payment;
    if (excess === 0) return x;
    if (excess > 0) hi = x;
    else lo = x;
    const next = x - excess / paymentSlope(principal, x, termMonths);
    if (Math.abs(next - x) <= 1e-15 * x) return next;
    x = next > lo && next < hi ? next : (lo + hi) / 2;
    if (hi - lo <= 1e-15 * hi) return lo;
  }
  return x;
}

/** d(payment)/d(rate) for paymentAtMonthlyRate (i > 0): P/D - P*i*n*(1+i)^(-n-1)/D^2, D = 1 - (1+i)^-n. */
function paymentSlope(principal: number, i: number, termMonths: number): number {
  const discount = Math.exp(-termMonths * Math.log1p(i)); // (1+i)^-n
  const d = 1 - discount;
  return principal / d - (principal * i * termMonths * discount) / ((1 + i) * d * d);
}
