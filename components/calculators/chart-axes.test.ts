import { describe, expect, it } from "vitest";
import { breakEvenAxes, frontierAxes, paymentByRateAxes, rangeAxis, scheduleAxes, valueAxis } from "./chart-axes";

describe("calculator chart axes (one source for the picture and the interactive drawing)", () => {
  it("a value axis starts at zero, holds the largest value, and is ticked on round steps at both ends", () => {
    const axis = valueAxis(2_398.2);
    expect(axis.domain[0]).toBe(0);
    expect(axis.domain[1]).toBeGreaterThanOrEqual(2_398.2);
    expect(axis.ticks[0]).toBe(axis.domain[0]);
    expect(axis.ticks[axis.ticks.length - 1]).toBe(axis.domain[1]);
    expect(axis.ticks.length).toBeLessThanOrEqual(5);
    // Negative costs (a refinance that pays cash back) take the axis below zero.
    expect(breakEvenAxes([{ month: 0, keepCost: 0, refiCost: -1_500 }, { month: 36, keepCost: 9_000, refiCost: 6_000 }]).y.domain[0]).toBeLessThan(-1_499);
  });

  it("a range axis spans exactly [0, max], with no tick past the end", () => {
    const axis = rangeAxis(347);
    expect(axis.domain).toEqual([0, 347]);
    expect(axis.ticks.every((t) => t >= 0 && t <= 347)).toBe(true);
    expect(axis.ticks[0]).toBe(0);
  });

  it("the payment chart's rates end at its last point; its payments reach the target even above every point", () => {
    const axes = paymentByRateAxes({ points: [{ ratePercent: 2, payment: 1_500 }, { ratePercent: 8, payment: 2_900 }], targetPayment: 3_100 });
    expect(axes.x.domain).toEqual([0, 8]);
    expect(axes.y.domain[1]).toBeGreaterThanOrEqual(3_100);
  });

  it("the frontier's months reach the homeowner's own point past the frontier's end", () => {
    const axes = frontierAxes({ frontier: [{ month: 0, maxRatePercent: 6 }, { month: 120, maxRatePercent: 4.5 }], homeowner: { month: 150, ratePercent: 7 } });
    expect(axes.x.domain).toEqual([0, 150]);
    expect(axes.y.domain[1]).toBeGreaterThanOrEqual(7);
  });

  it("the homeowner's point never sits on the frontier chart's top edge", () => {
    const axes = frontierAxes({ frontier: [{ month: 0, maxRatePercent: 6 }, { month: 120, maxRatePercent: 4.5 }], homeowner: { month: 60, ratePercent: 6 } });
    expect(axes.y.domain[1]).toBeGreaterThanOrEqual(6 * 1.1);
  });

  it("the schedule labels at most eight years, always the last", () => {
    const yearly = Array.from({ length: 30 }, (_, i) => ({ year: i + 1, principal: 5_000, interest: 15_000, endBalance: 400_000 - i * 5_000 }));
    const { labelled, paid, balance } = scheduleAxes(yearly);
    expect(labelled.length).toBeLessThanOrEqual(8);
    expect(labelled[labelled.length - 1]).toBe(29);
    expect(paid.domain[1]).toBeGreaterThanOrEqual(20_000);
    expect(balance.domain[1]).toBeGreaterThanOrEqual(400_000);
  });
});
