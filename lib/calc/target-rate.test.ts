import { describe, expect, it } from "vitest";
import { CalcInputError, findTargetRate, monthlyPayment, rate } from "./index";

describe("findTargetRate", () => {
  it("demo: 1,500 a month on 364,631.66 over 360 months -> 2.75 % on the grid", () => {
    const result = findTargetRate({ balance: 364631.66, newTermMonths: 360, targetPayment: 1500 });
    expect(result.found).toBe(true);
    if (!result.found) return;
    expect(result.gridRatePercent).toBe(2.75);
    expect(result.paymentAtGridRate).toBeCloseTo(1488.58, 2);
    // The next grid step is over the target.
    expect(monthlyPayment(364631.66, 2.875, 360)).toBeGreaterThan(1500);
    // The exact rate agrees with the spreadsheet RATE and gives the target payment.
    expect(result.exactRatePercent).toBeCloseTo(rate(360, -1500, 364631.66) * 1200, 10);
    expect(monthlyPayment(364631.66, result.exactRatePercent, 360)).toBeCloseTo(1500, 8);
  });

  it("a target exactly on a grid payment keeps that grid rate", () => {
    const target = monthlyPayment(300000, 3.5, 360);
    const result = findTargetRate({ balance: 300000, newTermMonths: 360, targetPayment: target });
    expect(result.found && result.gridRatePercent).toBe(3.5);
  });

  it("a target of the payment as billed at a grid rate reaches that rate (payments compare in cents)", () => {
    // 1,347.13 is what 300,000 at 3.5 % over 30 years bills; unrounded it is 1,347.1341.
    expect(monthlyPayment(300000, 3.5, 360)).toBeGreaterThan(1347.13);
    const result = findTargetRate({ balance: 300000, newTermMonths: 360, targetPayment: 1347.13 });
    expect(result.found && result.gridRatePercent).toBe(3.5);
    // A cent less does not reach it.
    const under = findTargetRate({ balance: 300000, newTermMonths: 360, targetPayment: 1347.12 });
    expect(under.found && under.gridRatePercent).toBe(3.375);
  });

  it("target payment below balance / term: no rate reaches it (no crash)", () => {
    const result = findTargetRate({ balance: 364631.66, newTermMonths: 360, targetPayment: 1000 });
    expect(result).toEqual({
      found: false,
      reason: "no rate reaches this payment",
      zeroRatePayment: 364631.66 / 360,
    });
  });

  it("target payment equal to the 0 % payment: 0 %", () => {
    const result = findTargetRate({ balance: 1200, newTermMonths: 12, targetPayment: 100 });
    expect(result).toMatchObject({ found: true, gridRatePercent: 0, exactRatePercent: 0, paymentAtGridRate: 100 });
  });

  it("1-month term: payment = balance * (1 + i)", () => {
    const result = findTargetRate({ balance: 100000, newTermMonths: 1, targetPayment: 100500 });
    expect(result.found && result.exactRatePercent).toBeCloseTo(6, 9);
    expect(result.found && result.gridRatePercent).toBe(6);
  });

  it("throws CalcInputError for invalid input", () => {
    expect(() => findTargetRate({ balance: -1, newTermMonths: 360, targetPayment: 1500 })).toThrow(CalcInputError);
    expect(() => findTargetRate({ balance: 1000, newTermMonths: 0, targetPayment: 1500 })).toThrow(CalcInputError);
    expect(() => findTargetRate({ balance: 1000, newTermMonths: 360, targetPayment: 0 })).toThrow(CalcInputError);
    expect(() => findTargetRate({ balance: 1000, newTermMonths: 360, targetPayment: NaN })).toThrow(CalcInputError);
  });
});
