import { describe, expect, it } from "vitest";
import {
  balanceAfter,
  CalcInputError,
  efficientFrontier,
  lifetimeInterest,
  monthlyPayment,
  remainingInterest,
} from "./index";

const demo = { principal: 400000, annualRatePercent: 4.5, termMonths: 360, newTermMonths: 360, costs: 5000 };

/** Interest plus costs of refinancing the balance at month m at `ratePercent`. */
function refiCost(m: number, ratePercent: number, input = demo): number {
  const balance = balanceAfter(input.principal, input.annualRatePercent, input.termMonths, m);
  return lifetimeInterest(balance, ratePercent, input.newTermMonths) + input.costs;
}

describe("efficientFrontier", () => {
  const result = efficientFrontier({ ...demo, homeowner: { month: 60, ratePercent: 2 } });

  it("has one point per month since origination, 0..n-1", () => {
    expect(result.points).toHaveLength(360);
    expect(result.points[0]).toMatchObject({ month: 0, balance: 400000 });
    expect(result.points[359].month).toBe(359);
  });

  it("the frontier rate is where refinancing costs exactly the interest left on the loan", () => {
    for (const m of [0, 60, 200, 323]) {
      const point = result.points[m];
      const rate = point.maxRatePercent;
      expect(rate).not.toBeNull();
      if (rate === null) continue;
      const keep = remainingInterest(400000, 4.5, 360, m);
      expect(point.remainingInterest).toBeCloseTo(keep, 6);
      expect(refiCost(m, rate)).toBeCloseTo(keep, 4);
      expect(refiCost(m, rate * 0.99)).toBeLessThan(keep);
      expect(refiCost(m, rate * 1.01)).toBeGreaterThan(keep);
    }
  });

  it("with costs and the same 360-month term, the frontier stays below the loan's own rate", () => {
    expect(result.points[0].maxRatePercent).toBeLessThan(4.5);
    expect(result.points[0].maxRatePercent).toBeCloseTo(4.4415, 4);
    expect(result.points[60].maxRatePercent).toBeCloseTo(3.6841, 4);
  });

  it("reports the month after which no rate helps (remaining interest <= costs)", () => {
    expect(result.lastHelpfulMonth).toBe(323);
    expect(result.noRateHelpsFromMonth).toBe(324);
    expect(result.points[324].maxRatePercent).toBeNull();
    expect(result.points[324].remainingInterest).toBeLessThanOrEqual(5000);
    expect(result.points[323].remainingInterest).toBeGreaterThan(5000);
    expect(result.points.slice(324).every((point) => point.maxRatePercent === null)).toBe(true);
  });

  it("places the homeowner's point below (pays less) or above (pays more) the frontier", () => {
    expect(result.homeowner).toMatchObject({ month: 60, ratePercent: 2, position: "below" });
    expect(result.homeowner?.interestSavings).toBeGreaterThan(0);
    const above = efficientFrontier({ ...demo, homeowner: { month: 60, ratePercent: 4 } }).homeowner;
    expect(above?.position).toBe("above");
    expect(above?.interestSavings).toBeLessThan(0);
    const late = efficientFrontier({ ...demo, homeowner: { month: 340, ratePercent: 0 } }).homeowner;
    expect(late).toMatchObject({ position: "above", frontierRatePercent: null });
  });

  it("without costs, refinancing for the same remaining term at the loan's rate is the break point", () => {
    const sameTerm = efficientFrontier({ ...demo, costs: 0, newTermMonths: 300 });
    expect(sameTerm.points[60].maxRatePercent).toBeCloseTo(4.5, 9);
    expect(sameTerm.noRateHelpsFromMonth).toBeNull();
  });

  it("a shorter new term can tolerate a higher rate than the loan's", () => {
    const shorter = efficientFrontier({ ...demo, costs: 0, newTermMonths: 120 });
    expect(shorter.points[0].maxRatePercent).toBeGreaterThan(4.5);
  });

  it("costs larger than all the interest: no month helps", () => {
    const none = efficientFrontier({ ...demo, costs: 1_000_000 });
    expect(none.lastHelpfulMonth).toBeNull();
    expect(none.noRateHelpsFromMonth).toBe(0);
  });

  it("0 % original loan: no rate > 0 helps and 1-month loans work", () => {
    const free = efficientFrontier({ ...demo, annualRatePercent: 0, costs: 0 });
    expect(free.lastHelpfulMonth).toBeNull();
    const single = efficientFrontier({ ...demo, termMonths: 1, newTermMonths: 1, costs: 0 });
    expect(single.points).toHaveLength(1);
    expect(single.points[0].maxRatePercent).toBeCloseTo(4.5, 9);
  });

  it("rejects invalid input and a homeowner month past the loan", () => {
    expect(() => efficientFrontier({ ...demo, principal: NaN })).toThrow(CalcInputError);
    expect(() => efficientFrontier({ ...demo, newTermMonths: 0 })).toThrow(CalcInputError);
    expect(() => efficientFrontier({ ...demo, costs: -5 })).toThrow(CalcInputError);
    expect(() => efficientFrontier({ ...demo, homeowner: { month: 360, ratePercent: 2 } })).toThrow(CalcInputError);
    expect(() => efficientFrontier({ ...demo, homeowner: { month: 1, ratePercent: -1 } })).toThrow(CalcInputError);
  });

  // Sanity timing (not a test): on the dev machine a 360-month frontier takes ~0.5-1.5 ms warm
  // and amortizationSchedule for 360 months ~0.2-0.5 ms.
  it("uses the closed-form payment (consistency with monthlyPayment)", () => {
    expect(result.points[0].remainingInterest).toBeCloseTo(360 * monthlyPayment(400000, 4.5, 360) - 400000, 6);
  });
});
