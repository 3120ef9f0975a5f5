// What refinancing at the market rate would mean for the homeowner, for emails and the trigger
// page: new payment, savings against the current payment, break-even (lib/calc). Pure.
import { compareRefinance } from "@/lib/calc/refinance";
import { fromCents, toCents } from "@/lib/calc/rounding";

export type RefiNumbers = {
  currentPaymentCents: number;
  newPaymentCents: number;
  monthlySavingsCents: number;
  costCents: number;
  /** Months of savings that pay the costs back; null when the new payment saves nothing. */
  breakEvenMonths: number | null;
  lifetimeInterestSavingsCents: number;
};

export function refiNumbers(input: {
  balanceCents: number;
  currentRate: number;
  monthsLeft: number;
  marketRate: number;
  targetTerm: number;
  costCents: number;
}): RefiNumbers | null {
  if (input.balanceCents <= 0 || input.monthsLeft <= 0) return null;
  try {
    const c = compareRefinance({
      balance: fromCents(input.balanceCents),
      currentRatePercent: input.currentRate,
      monthsLeft: input.monthsLeft,
      newRatePercent: input.marketRate,
      newTermMonths: input.targetTerm,
      costs: fromCents(input.costCents),
    });
    return {
      currentPaymentCents: toCents(c.currentPayment),
      newPaymentCents: toCents(c.newPayment),
      // From the rounded parts, so the email's figures add up to the cent.
      monthlySavingsCents: toCents(c.currentPayment) - toCents(c.newPayment),
      costCents: input.costCents,
      breakEvenMonths: c.simpleBreakEvenMonths,
      lifetimeInterestSavingsCents: toCents(c.currentRemainingInterest) - toCents(c.newLifetimeInterest) - input.costCents,
    };
  } catch {
    return null;
  }
}
