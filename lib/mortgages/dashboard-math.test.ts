import { describe, expect, it } from "vitest";
import { compareRefinance, monthlyPayment, toCents, trueBreakEven } from "@/lib/calc";
import { buildCard, productFor, verdictOf, type DashboardAlert, type DashboardRow } from "./dashboard-math";

// The original app's demo loan: 400,000 at 4.5 % for 360 months, 300 months left, balance
// 364,631.66 (calculators.md).
const demo: DashboardRow = {
  id: "m1",
  name: "Maple Street home",
  remainingPrincipalCents: 36_463_166,
  remainingTerm: 300,
  currentRate: 4.5,
  estimatedPropertyValueCents: 65_000_000,
  balanceRecordedOn: null,
  alert: null,
};
const rates = [
  { rateType: "30_year_fixed", date: "2026-01-08", rate: 3.25 },
  { rateType: "15_year_fixed", date: "2026-01-08", rate: 2.75 },
];

const alertBase: DashboardAlert = { id: "a", isActive: true, pausedAt: null, userDismissed: false, estimateRefinanceCostCents: null, subscription: null, lastTriggeredAt: null };

describe("dashboard card for the original app's demo loan", () => {
  const card = buildCard(demo, rates);

  it("shows the loan's own payment, balance, months left, equity and loan-to-value", () => {
    // The payment on the rest of the loan is the original loan's payment (2,026.74).
    expect(card.currentPaymentCents).toBe(toCents(monthlyPayment(400_000, 4.5, 360)));
    expect(card.currentPaymentCents).toBe(202_674);
    expect(card.balanceCents).toBe(toCents(364_631.66));
    expect(card.monthsLeft).toBe(300);
    expect(card.equityCents).toBe(65_000_000 - toCents(364_631.66));
    expect(card.loanToValuePercent).toBeCloseTo((364_631.66 / 650_000) * 100, 1);
  });

  it("compares with the 30-year rate (more than 180 months left) over a 360-month new loan, costs estimated at 2 %", () => {
    expect(card.product.rateType).toBe("30_year_fixed");
    expect(card.market).toEqual(rates[0]);
    const costs = Math.round(toCents(364_631.66) * 0.02) / 100;
    const input = { balance: toCents(364_631.66) / 100, currentRatePercent: 4.5, monthsLeft: 300, newRatePercent: 3.25, newTermMonths: 360, costs };
    const core = compareRefinance(input);
    expect(card.refinance).toMatchObject({
      costSource: "estimate",
      costCents: toCents(costs),
      newPaymentCents: toCents(core.newPayment),
      monthlySavingsCents: toCents(core.monthlySavings),
      simpleBreakEvenMonths: core.simpleBreakEvenMonths,
      trueBreakEvenMonths: trueBreakEven(input).month,
      lifetimeInterestSavingsCents: toCents(core.lifetimeInterestSavings),
      verdict: "pays",
    });
    expect(core.lifetimeInterestSavings).toBeGreaterThan(0);
  });

  it("uses the owner's own cost estimate from their alert when there is one", () => {
    const withAlert = buildCard(
      { ...demo, alert: { ...alertBase, estimateRefinanceCostCents: 500_000, subscription: { status: "active", currentPeriodEnd: null } } },
      rates,
    );
    const input = { balance: toCents(364_631.66) / 100, currentRatePercent: 4.5, monthsLeft: 300, newRatePercent: 3.25, newTermMonths: 360, costs: 5_000 };
    expect(withAlert.refinance).toMatchObject({ costSource: "alert", costCents: 500_000, simpleBreakEvenMonths: compareRefinance(input).simpleBreakEvenMonths });
    expect(withAlert.alert).toEqual({ id: "a", status: "monitoring", lastTriggeredAt: null });
  });

  it("says it is not worth it when today's rate is higher, with no break-even", () => {
    const card = buildCard(demo, [{ rateType: "30_year_fixed", date: "2026-01-08", rate: 6.5 }]);
    expect(card.refinance).toMatchObject({ verdict: "not_worth_it", simpleBreakEvenMonths: null, trueBreakEvenMonths: null });
    expect(card.refinance!.monthlySavingsCents).toBeLessThan(0);
  });
});

describe("dashboard card edge cases", () => {
  it("15 years or less left compares with the 15-year rate over 180 months", () => {
    expect(productFor(181).rateType).toBe("30_year_fixed");
    expect(productFor(180)).toMatchObject({ rateType: "15_year_fixed", termMonths: 180 });
    const card = buildCard({ ...demo, remainingTerm: 150, remainingPrincipalCents: 16_000_000, currentRate: 7.125 }, rates);
    expect(card.market?.rateType).toBe("15_year_fixed");
    expect(card.refinance!.newPaymentCents).toBe(toCents(monthlyPayment(160_000, 2.75, 180)));
  });

  it("without market data there is a payment but no comparison; a paid-off loan has neither", () => {
    expect(buildCard(demo, [])).toMatchObject({ market: null, refinance: null, currentPaymentCents: 202_674 });
    expect(buildCard({ ...demo, remainingPrincipalCents: 0, remainingTerm: 0 }, rates)).toMatchObject({ paidOff: true, refinance: null, currentPaymentCents: 0 });
  });

  it("no property value means no equity or loan-to-value", () => {
    expect(buildCard({ ...demo, estimatedPropertyValueCents: null }, rates)).toMatchObject({ equityCents: null, loanToValuePercent: null });
  });

  it("alert status speaks the words of /alerts: dismissed, paused, awaiting payment, in grace, monitoring", () => {
    const status = (alert: Partial<DashboardAlert>) => buildCard({ ...demo, alert: { ...alertBase, ...alert } }, rates).alert!.status;
    const paid = { status: "active", currentPeriodEnd: new Date(Date.now() + 86_400_000) };
    expect(status({ subscription: null })).toBe("awaiting_payment");
    expect(status({ subscription: { ...paid, status: "incomplete" } })).toBe("awaiting_payment");
    expect(status({ subscription: paid, userDismissed: true })).toBe("dismissed");
    expect(status({ subscription: null, userDismissed: true })).toBe("dismissed");
    expect(status({ subscription: paid, isActive: false })).toBe("paused");
    expect(status({ subscription: { ...paid, status: "past_due" } })).toBe("grace");
    expect(status({ subscription: { status: "past_due", currentPeriodEnd: new Date(Date.now() - 1000) } })).toBe("payment_lapsed");
    expect(status({ subscription: paid })).toBe("monitoring");
  });
});

describe("the dashboard's verdict weighs break-even and lifetime interest, as the calculators do", () => {
  it("a longer new loan whose lower payments cover the costs, but which pays more interest overall, is not called a win", () => {
    // 12.5 years left at 7.125 %, refinanced into 15 years at 6.42 %: the payment falls, the
    // costs come back, but three more years of interest outweigh the lower rate.
    const card = buildCard({ ...demo, remainingTerm: 150, remainingPrincipalCents: 16_000_000, currentRate: 7.125 }, [{ rateType: "15_year_fixed", date: "2026-01-08", rate: 6.42 }]);
    const refi = card.refinance!;
    expect(refi.monthlySavingsCents).toBeGreaterThan(0);
    expect(refi.trueBreakEvenMonths).not.toBeNull();
    expect(refi.lifetimeInterestSavingsCents).toBeLessThan(0);
    expect(refi.verdict).toBe("pays_but_costs_more");
  });

  it("verdictOf: no savings or no break-even is never worth it; otherwise lifetime interest decides", () => {
    expect(verdictOf(null, 10_000, 1_000_000)).toBe("not_worth_it");
    expect(verdictOf(40, 0, 1_000_000)).toBe("not_worth_it");
    expect(verdictOf(40, 10_000, 0)).toBe("pays");
    expect(verdictOf(40, 10_000, -1)).toBe("pays_but_costs_more");
  });
});
