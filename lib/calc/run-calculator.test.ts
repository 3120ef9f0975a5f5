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
    // Every shown figure adds up to the cent from the shown parts.
    const c = (x: number) => Math.round(x * 100);
    expect(c(summary.monthlySavings)).toBe(c(summary.currentPayment) - c(summary.newPayment));
    expect(c(summary.newInterestPlusCosts)).toBe(c(summary.newLifetimeInterest) + c(summary.costs));
    expect(c(summary.lifetimeInterestSavings)).toBe(c(summary.currentRemainingInterest) - c(summary.newInterestPlusCosts));
    expect(chart.interest.map((bar) => bar.option)).toEqual(["keep", "refinance"]);
  });

  it("break-even and refinance savings: the shown savings are the shown payments' difference, for any loan", () => {
    const c = (x: number) => Math.round(x * 100);
    const loans = [
      { balance: 161_613.01, currentRatePercent: 7.125, monthsLeft: 150, newRatePercent: 6, newTermYears: 15, costs: 4_000 },
      { balance: 200_000, currentRatePercent: 7, monthsLeft: 360, newRatePercent: 6.5, newTermYears: 30, costs: 3_000 },
    ];
    for (let i = 0; i < 40; i++) {
      loans.push({ balance: 50_000 + i * 12_345.67, currentRatePercent: 3 + (i % 9) * 0.625, monthsLeft: 60 + i * 7, newRatePercent: 2.5 + (i % 7) * 0.5, newTermYears: [10, 15, 20, 30][i % 4]!, costs: 1_000 + i * 111 });
    }
    for (const loan of loans) {
      for (const type of ["break_even", "refinance_savings"] as const) {
        const s = runCalculator(type, loan).summary;
        expect(c(s.monthlySavings), `${type} ${JSON.stringify(loan)}`).toBe(c(s.currentPayment) - c(s.newPayment));
      }
    }
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
