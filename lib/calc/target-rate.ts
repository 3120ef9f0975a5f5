/**
 * Target rate finder: which rate would bring the payment on the current balance, over a new
 * term, down to a target payment? The original app walked a 0.125 % grid and crashed when no
 * rate fitted; here the exact rate comes from a solver, the grid rate from the exact rate, and
 * "no rate reaches this payment" is an ordinary answer.
 */
import { requireInteger, requirePositive } from "./errors";
import { toCents } from "./rounding";
import {
  monthlyRateFromPercent,
  paymentAtMonthlyRate,
  percentFromMonthlyRate,
  solveMonthlyRateForPayment,
} from "./loan";

/** Rates are quoted in steps of 1/8 %, as lenders (and the original app) do. */
export const RATE_GRID_STEP_PERCENT = 0.125;

export interface TargetRateInput {
  balance: number;
  newTermMonths: number;
  targetPayment: number;
}

export type TargetRateResult =
  | {
      found: true;
      /** Highest rate on the 0.125 % grid whose payment does not exceed the target. */
      gridRatePercent: number;
      paymentAtGridRate: number;
      /** The rate whose payment is exactly the target (spreadsheet RATE), annual percent. */
      exactRatePercent: number;
      /** The lowest payment any rate can give: balance / term, at 0 %. */
      zeroRatePayment: number;
    }
  | {
      found: false;
      /** Why: the target is below the 0 % payment, so even a free loan costs more. */
      reason: "no rate reaches this payment";
      zeroRatePayment: number;
    };

export function findTargetRate({ balance, newTermMonths, targetPayment }: TargetRateInput): TargetRateResult {
  requirePositive("balance", balance);
  requireInteger("newTermMonths", newTermMonths, 1);
  requirePositive("targetPayment", targetPayment);

  const zeroRatePayment = balance / newTermMonths;
  if (targetPayment < zeroRatePayment) {
    return { found: false, reason: "no rate reaches this payment", zeroRatePayment };
  }

  const exactRatePercent = percentFromMonthlyRate(solveMonthlyRateForPayment(balance, newTermMonths, targetPayment));
  const paymentAt = (ratePercent: number) =>
    paymentAtMonthlyRate(balance, monthlyRateFromPercent(ratePercent), newTermMonths);

  // Start from the grid step below the exact rate, then correct by one step either way:
  // the division can land a hair off a grid point, and the payment test is what decides. The
  // test is in cents, as payments are billed: a target of exactly the payment shown at a grid
  // rate (1,347.13 at 3.5 % on 300,000) must reach that rate, though the unrounded payment
  // (1,347.1341) is a fraction of a cent over it.
  const targetCents = toCents(targetPayment);
  const fits = (steps: number) => toCents(paymentAt(steps * RATE_GRID_STEP_PERCENT)) <= targetCents;
  let steps = Math.floor(exactRatePercent / RATE_GRID_STEP_PERCENT);
  while (steps > 0 && !fits(steps)) steps--;
  while (fits(steps + 1)) steps++;
  const gridRatePercent = steps * RATE_GRID_STEP_PERCENT;

  return {
    found: true,
    gridRatePercent,
    paymentAtGridRate: paymentAt(gridRatePercent),
    exactRatePercent,
    zeroRatePayment,
  };
}
