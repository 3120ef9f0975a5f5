import { describe, expect, it } from "vitest";
import { ZodError } from "zod";
import { calculatorDefaults, calculatorTypes, runCalculator } from "./index";

/** Every number in a stored result is finite and has at most `digits` decimals. */
function allNumbers(value: unknown, out: number[] = []): number[] {
  if (typeof value === "number") out.push(value);
  else if (Array.isArray(value)) value.forEach((item) => allNumbers(item, out));
  else if (value && typeof value === "object") Object.values(value).forEach((item) => allNumbers(item, out));
  return out;
}

describe("runCalculator", () => {
  it("every calculator's demo result survives JSON unchanged (no NaN, no Infinity, no -0)", () => {
    for (const type of calculatorTypes) {
      const output = runCalculator(type, calculatorDefaults[type]);
      expect(output.type).toBe(type);
      expect(JSON.parse(JSON.stringify(output))).toEqual(output);
      for (const n of allNumbers(output)) {
        expect(Number.isFinite(n)).toBe(true);
        expect(Math.abs(n * 1000 - Math.round(n * 1000))).toBeLessThan(1e-6); // rounded for storage
      }
    }
  });

  it("monthly payment: the demo loan", () => {
    const { summary, chart } = runCalculator("monthly_payment", calculatorDefaults.monthly_payment);
    expect(summary).toMatchObject({ monthlyPayment: 2026.74, numberOfPayments: 360 });
    expect(summary.totalPaid).toBeCloseTo(400000 + summary.totalInterest, 2);
    expect(chart.yearly).toHaveLength(30);
  });

  it("amortization: extra principal reports months and interest saved", () => {
    const { summary, chart } = runCalculator("amortization", { ...calculatorDefaults.amortization, extraMonthlyPrincipal: 500 });
    expect(summary.monthsSaved).toBe(360 - summary.payoffMonths);
    expect(summary.interestSaved).toBeGreaterThan(0);
    expect(chart.yearly.at(-1)?.endBalance).toBe(0);
  });

  it("target rate: 2.75 % for the demo, and a clear answer when no rate fits", () => {
    const found = runCalculator("target_rate", calculatorDefaults.target_rate).summary;
    expect(found).toMatchObject({ found: true, gridRatePercent: 2.75, paymentAtGridRate: 1488.58, exactRatePercent: 2.809 });
    const none = runCalculator("target_rate", { ...calculatorDefaults.target_rate, targetPayment: 900 }).summary;
    expect(none).toMatchObject({ found: false, gridRatePercent: null, exactRatePercent: null, zeroRatePayment: 1012.87 });
    expect(none.message).toMatch(/no rate reaches this payment/i);
  });

  it("break-even: simple and true break-even, with the two cost series", () => {
    const { summary, chart } = runCalculator("break_even", calculatorDefaults.break_even);
    expect(summary).toMatchObject({ currentPayment: 2026.74, newPayment: 1347.75, simpleBreakEvenMonths: 8, trueBreakEvenMonth: 7 });
    expect(chart.series).toHaveLength(361);
    expect(chart.series[0]).toEqual({ month: 0, keepCost: 364631.66, refiCost: 369631.66 });
    const worse = runCalculator("break_even", { ...calculatorDefaults.break_even, newRatePercent: 6 }).summary;
    expect(worse.simpleBreakEvenMonths).toBeNull();
    expect(worse.trueBreakEvenMonth).toBeNull();
  });

  it("refinance savings: interest comparison and additional months", () => {
    const { summary, chart } = runCalculator("refinance_savings", calculatorDefaults.refinance_savings);
    expect(summary).toMatchObject({ monthlySavings: 678.99, additionalMonths: 60, simpleBreakEvenMonths: 8 });
    expect(summary.lifetimeInterestSavings).toBeCloseTo(summary.currentRemainingInterest - summary.newInterestPlusCosts, 1);
    expect(chart.interest.map((bar) => bar.option)).toEqual(["keep", "refinance"]);
  });

  it("efficient frontier: the homeowner at month 60 offered 2 % is below the line", () => {
    const { summary, chart } = runCalculator("efficient_frontier", calculatorDefaults.efficient_frontier);
    expect(summary).toMatchObject({ position: "below", frontierRatePercent: 3.684, lastHelpfulMonth: 323, noRateHelpsFromMonth: 324 });
    expect(chart.frontier).toHaveLength(360);
    expect(chart.frontier[359].maxRatePercent).toBeNull();
    expect(chart.homeowner).toEqual({ month: 60, ratePercent: 2 });
  });

  it("validates raw form input and throws the schema's ZodError when invalid", () => {
    const output = runCalculator("monthly_payment", { principal: "400,000", ratePercent: "4.5", termYears: "30" });
    expect(output.summary.monthlyPayment).toBe(2026.74);
    expect(() => runCalculator("monthly_payment", { principal: "0", ratePercent: "4.5", termYears: "30" })).toThrow(ZodError);
  });
});
