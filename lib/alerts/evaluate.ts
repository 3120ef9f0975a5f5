// The alert condition in plain TypeScript, identical to the sweep's SQL (lib/alerts/sweep.ts):
// the form uses it to say whether a target is already met, the backtest to replay history.
import { paymentAtMonthlyRate } from "@/lib/calc/loan";
import { PRODUCT_SHORT, productForTerm } from "./products";

export type AlertTarget =
  | { alertType: "interest_rate"; targetInterestRate: number; targetTerm: number }
  | { alertType: "monthly_payment"; targetMonthlyPaymentCents: number; targetTerm: number };

/** The refinance cost an alert counts: the homeowner's estimate, else ours, else nothing. */
export function refinanceCostCents(a: { estimateRefinanceCostCents: number | null; calculatedRefinanceCostCents: number | null }): number {
  return a.estimateRefinanceCostCents ?? a.calculatedRefinanceCostCents ?? 0;
}

/**
 * Monthly payment in cents (rounded to the cent) on `principalCents` at `ratePercent` over
 * `termMonths`: P*i*(1+i)^n/((1+i)^n-1), P/n at 0 %.
 */
export function paymentCents(principalCents: number, ratePercent: number, termMonths: number): number {
  return Math.round(paymentAtMonthlyRate(principalCents, ratePercent / 1200, termMonths));
}

/**
 * Whether the market meets the target: a rate alert when the rate is at or below the target; a
 * payment alert when the payment on (balance + refinance cost) at the market rate over the
 * target term is at or below the target payment.
 */
export function targetMet(target: AlertTarget, marketRate: number, financedCents: number): boolean {
  if (target.alertType === "interest_rate") return marketRate <= target.targetInterestRate;
  return paymentCents(financedCents, marketRate, target.targetTerm) <= target.targetMonthlyPaymentCents;
}

// Made once: toLocaleString(…, options) would build a formatter per call.
const pctFormat = new Intl.NumberFormat("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 3 });
const usdFormat = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD" });
const pct = (v: number) => `${pctFormat.format(v)}%`;
const usd = (cents: number) => usdFormat.format(cents / 100);

/**
 * What the target means, in words: "Fires when the 30-year rate is at or below 5.25%."
 * `money`: the homeowner's formatter for cents (lib/format's `fmt.cents`), so the sentence shows
 * their currency like the figures beside it; the site's dollars by default.
 */
export function describeTarget(target: AlertTarget, money: (cents: number) => string = usd): string {
  const product = PRODUCT_SHORT[productForTerm(target.targetTerm)];
  if (target.alertType === "interest_rate") return `Fires when the ${product} rate is at or below ${pct(target.targetInterestRate)}.`;
  return `Fires when a ${target.targetTerm}-month loan of your balance plus refinance costs, at the ${product} rate, costs ${money(target.targetMonthlyPaymentCents)} a month or less.`;
}
