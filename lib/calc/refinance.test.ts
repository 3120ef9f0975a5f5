import { describe, expect, it } from "vitest";
import {
  balanceAfter,
  CalcInputError,
  compareRefinance,
  monthlyPayment,
  type RefinanceInput,
  roundCents,
  simpleBreakEven,
  trueBreakEven,
} from "./index";

/** The original app's demo: 364,631.66 left with 300 months at 4.5 %, refinance at 2 % for 360. */
const demo: RefinanceInput = {
  balance: 364631.66,
  currentRatePercent: 4.5,
  monthsLeft: 300,
  newRatePercent: 2,
  newTermMonths: 360,
  costs: 5000,
};

describe("compareRefinance", () => {
  const result = compareRefinance(demo);

  it("savings are the CURRENT payment minus the new payment", () => {
    // The current payment amortizes the balance over the months left: the original 2,026.74.
    expect(roundCents(result.currentPayment)).toBe(2026.74);
    expect(result.currentPayment).toBeCloseTo(monthlyPayment(400000, 4.5, 360), 2);
    expect(roundCents(result.newPayment)).toBe(1347.75);
    expect(result.monthlySavings).toBeCloseTo(result.currentPayment - result.newPayment, 9);
  });

  it("compares the rest of the current loan's interest with the new loan's interest plus costs", () => {
    expect(result.currentRemainingInterest).toBeCloseTo(300 * result.currentPayment - 364631.66, 6);
    expect(result.newLifetimeInterest).toBeCloseTo(360 * result.newPayment - 364631.66, 6);
    expect(result.newInterestPlusCosts).toBeCloseTo(result.newLifetimeInterest + 5000, 6);
    expect(result.lifetimeInterestSavings).toBeCloseTo(result.currentRemainingInterest - result.newInterestPlusCosts, 6);
    expect(result.additionalMonths).toBe(60);
    expect(result.simpleBreakEvenMonths).toBe(Math.ceil(5000 / result.monthlySavings));
    expect(result.simpleBreakEvenMonths).toBe(8);
  });

  it("no additional months when the new term is shorter", () => {
    expect(compareRefinance({ ...demo, newTermMonths: 180 }).additionalMonths).toBe(0);
  });

  it("savings <= 0: no break-even (the original returned a negative number of months)", () => {
    const worse = compareRefinance({ ...demo, newRatePercent: 6, newTermMonths: 300 });
    expect(worse.monthlySavings).toBeLessThan(0);
    expect(worse.simpleBreakEvenMonths).toBeNull();
  });

  it("the simple break-even divides by the savings as billed, so it agrees with the savings shown", () => {
    // Both payments bill as 1,238.47: no saving to show, so no break-even (not 2.7 million months).
    const equal = compareRefinance({ balance: 200_000, currentRatePercent: 4.25, monthsLeft: 240, newRatePercent: 6.304, newTermMonths: 360, costs: 5000 });
    expect([roundCents(equal.currentPayment), roundCents(equal.newPayment)]).toEqual([1238.47, 1238.47]);
    expect(equal.simpleBreakEvenMonths).toBeNull();
    // Savings shown as 116.28: 5,000 / 116.28 is 43 months (the unrounded 116.2786 gave 44).
    const near = compareRefinance({ balance: 100_000, currentRatePercent: 4.5, monthsLeft: 300, newRatePercent: 3.329, newTermMonths: 360, costs: 5000 });
    expect(roundCents(near.currentPayment) - roundCents(near.newPayment)).toBeCloseTo(116.28, 9);
    expect(near.simpleBreakEvenMonths).toBe(Math.ceil(5000 / 116.28));
  });

  it("throws CalcInputError for invalid input", () => {
    expect(() => compareRefinance({ ...demo, balance: NaN })).toThrow(CalcInputError);
    expect(() => compareRefinance({ ...demo, monthsLeft: 0 })).toThrow(CalcInputError);
    expect(() => compareRefinance({ ...demo, newTermMonths: 0 })).toThrow(CalcInputError);
    expect(() => compareRefinance({ ...demo, costs: -1 })).toThrow(CalcInputError);
    expect(() => compareRefinance({ ...demo, newRatePercent: Infinity })).toThrow(CalcInputError);
  });
});

describe("simpleBreakEven", () => {
  it("is ceil(costs / savings), 0 without costs, null when savings <= 0", () => {
    expect(simpleBreakEven(5000, 678.99)).toBe(8);
    expect(simpleBreakEven(300, 100)).toBe(3);
    expect(simpleBreakEven(300, 100.0000000001)).toBe(3);
    expect(simpleBreakEven(0, 50)).toBe(0);
    expect(simpleBreakEven(5000, 0)).toBeNull();
    expect(simpleBreakEven(5000, -10)).toBeNull();
    expect(simpleBreakEven(5000, NaN)).toBeNull();
  });
});

describe("trueBreakEven", () => {
  it("demo: the first month where refinancing is ahead, with both cost series from month 0", () => {
    const result = trueBreakEven(demo);
    expect(result.month).toBe(7);
    expect(result.series).toHaveLength(361);
    expect(result.series[0]).toMatchObject({ month: 0, keepCost: 364631.66, refiCost: 369631.66 });
    const at = (t: number) => result.series[t];
    expect(at(6).refiCost).toBeGreaterThan(at(6).keepCost);
    expect(at(7).refiCost).toBeLessThan(at(7).keepCost);
  });

  it("each side is payments so far plus the balance still owed (refi side plus costs)", () => {
    const point = trueBreakEven(demo).series[24];
    const keepPayment = monthlyPayment(demo.balance, 4.5, 300);
    const newPayment = monthlyPayment(demo.balance, 2, 360);
    expect(point.keepCost).toBeCloseTo(24 * keepPayment + balanceAfter(demo.balance, 4.5, 300, 24), 6);
    expect(point.refiCost).toBeCloseTo(5000 + 24 * newPayment + balanceAfter(demo.balance, 2, 360, 24), 6);
  });

  it("equals the first month where the interest saved so far exceeds the costs", () => {
    // Independent month-by-month simulation at full precision.
    const i1 = 0.045 / 12;
    const i2 = 0.02 / 12;
    const p1 = monthlyPayment(demo.balance, 4.5, 300);
    const p2 = monthlyPayment(demo.balance, 2, 360);
    let b1 = demo.balance;
    let b2 = demo.balance;
    let saved = 0;
    let month = 0;
    while (saved <= demo.costs) {
      month++;
      saved += b1 * i1 - b2 * i2;
      b1 -= p1 - b1 * i1;
      b2 -= p2 - b2 * i2;
    }
    expect(trueBreakEven(demo).month).toBe(month);
  });

  it("a longer term at the same rate lowers the payment but never breaks even", () => {
    const input = { ...demo, newRatePercent: 4.5 };
    expect(compareRefinance(input).simpleBreakEvenMonths).toBe(28);
    expect(trueBreakEven(input).month).toBeNull();
  });

  it("a shorter term at a lower rate breaks even although the payment rises", () => {
    const input = { balance: 100000, currentRatePercent: 7, monthsLeft: 360, newRatePercent: 3, newTermMonths: 180, costs: 2000 };
    expect(compareRefinance(input).simpleBreakEvenMonths).toBeNull();
    expect(trueBreakEven(input).month).toBe(6);
  });

  it("the same loan with no costs is never ahead (float noise is not a break-even)", () => {
    const same = { ...demo, newRatePercent: 4.5, newTermMonths: 300, costs: 0 };
    expect(trueBreakEven(same).month).toBeNull();
  });

  it("0 % new rate and 1-month terms are answered", () => {
    // At 0 % every month saves the old loan's interest (~1,367 at first): 4 months pass 5,000.
    expect(trueBreakEven({ ...demo, newRatePercent: 0 }).month).toBe(4);
    const oneMonth = trueBreakEven({ ...demo, monthsLeft: 1, newTermMonths: 1 });
    expect(oneMonth.series).toHaveLength(2);
    expect(oneMonth.month).toBeNull(); // 1 month of interest saved at 2 % vs 4.5 % is < 5,000
  });
});
