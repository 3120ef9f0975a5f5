import { describe, expect, it } from "vitest";
import { formatterFor } from "@/lib/format";
import { backtest } from "./backtest";
import { describeTarget, paymentCents, targetMet } from "./evaluate";
import { productForTerm, productNote } from "./products";
import { alertStatus } from "./status";

describe("alert evaluation", () => {
  it("maps terms to the nearest published product and says so", () => {
    expect(productForTerm(360)).toBe("30_year_fixed");
    expect(productForTerm(180)).toBe("15_year_fixed");
    expect(productForTerm(300)).toBe("30_year_fixed");
    expect(productForTerm(240)).toBe("15_year_fixed");
    expect(productNote(360)).toBeNull();
    expect(productNote(240)).toContain("15-year fixed");
  });

  it("a payment target is met when the payment on balance plus costs is at or below it", () => {
    // 400,000 at 4.5 % over 360 months is $2,026.74 (the calculators' reference case).
    expect(paymentCents(40_000_000, 4.5, 360)).toBe(202_674);
    const target = { alertType: "monthly_payment" as const, targetMonthlyPaymentCents: 202_674, targetTerm: 360 };
    expect(targetMet(target, 4.5, 40_000_000)).toBe(true);
    expect(targetMet(target, 4.5, 40_000_100)).toBe(false);
    expect(describeTarget({ alertType: "interest_rate", targetInterestRate: 5.25, targetTerm: 360 })).toBe("Fires when the 30-year rate is at or below 5.25%.");
    expect(describeTarget(target)).toContain("costs $2,026.74 a month or less");
    // In the homeowner's currency, as the figures beside it are.
    const euros = formatterFor({ currency: "EUR", dateFormat: "DD/MM/YYYY", timeZone: "UTC" });
    expect(describeTarget(target, (c) => euros.cents(c))).toContain("costs €2,026.74 a month or less");
  });

  it("replays history: weeks fired, first and last", () => {
    const series = { dates: ["2020-01-02", "2020-01-09", "2020-01-16", "2020-01-23"], rates: [4, 3.5, 3.75, 3.4] };
    const r = backtest(series, { alertType: "interest_rate", targetInterestRate: 3.5, targetTerm: 360 }, 0);
    expect(r).toEqual({ weeks: 2, totalWeeks: 4, since: "2020-01-02", first: "2020-01-09", last: "2020-01-23" });
  });

  it("status: paused and dismissed win; unpaid waits; past due is watched until the period ends", () => {
    const live = { isActive: true, pausedAt: null, userDismissed: false, deletedAt: null };
    const now = new Date("2026-01-01T00:00:00Z");
    expect(alertStatus(live, null, now)).toBe("awaiting_payment");
    expect(alertStatus(live, { status: "active", currentPeriodEnd: null }, now)).toBe("monitoring");
    expect(alertStatus(live, { status: "past_due", currentPeriodEnd: new Date("2026-01-02") }, now)).toBe("grace");
    expect(alertStatus(live, { status: "past_due", currentPeriodEnd: new Date("2025-12-31") }, now)).toBe("payment_lapsed");
    expect(alertStatus({ ...live, isActive: false, pausedAt: now }, { status: "active", currentPeriodEnd: null }, now)).toBe("paused");
    expect(alertStatus({ ...live, userDismissed: true }, { status: "active", currentPeriodEnd: null }, now)).toBe("dismissed");
  });
});
