import { describe, expect, it } from "vitest";
import { calculatorDefaults, calculatorSchemas, calculatorTypes, isCalculatorType } from "./index";

function messages(result: { success: boolean; error?: { issues: Array<{ path: PropertyKey[]; message: string }> } }) {
  return Object.fromEntries((result.error?.issues ?? []).map((issue) => [issue.path.join("."), issue.message]));
}

describe("calculator schemas", () => {
  it("list the six calculators, each with a schema and defaults that pass it", () => {
    expect(calculatorTypes).toEqual([
      "monthly_payment",
      "amortization",
      "target_rate",
      "break_even",
      "refinance_savings",
      "efficient_frontier",
    ]);
    for (const type of calculatorTypes) {
      expect(calculatorSchemas[type].parse(calculatorDefaults[type])).toEqual(calculatorDefaults[type]);
    }
    expect(isCalculatorType("break_even")).toBe(true);
    expect(isCalculatorType("points")).toBe(false);
  });

  it("defaults are the original app's demo values", () => {
    expect(calculatorDefaults.monthly_payment).toEqual({ principal: 400000, ratePercent: 4.5, termYears: 30 });
    expect(calculatorDefaults.target_rate).toEqual({ balance: 364631.66, newTermYears: 30, targetPayment: 1500 });
    expect(calculatorDefaults.break_even).toEqual({
      balance: 364631.66,
      currentRatePercent: 4.5,
      monthsLeft: 300,
      newRatePercent: 2,
      newTermYears: 30,
      costs: 5000,
    });
    expect(calculatorDefaults.efficient_frontier).toMatchObject({ currentMonth: 60, offeredRatePercent: 2, costs: 5000 });
  });

  it("coerce form and URL strings, with $ , % and spaces", () => {
    const parsed = calculatorSchemas.monthly_payment.parse({ principal: "$400,000", ratePercent: " 4.5 % ", termYears: "30" });
    expect(parsed).toEqual({ principal: 400000, ratePercent: 4.5, termYears: 30 });
    expect(calculatorSchemas.refinance_savings.parse({
      balance: "364631.66",
      currentRatePercent: "4.5",
      monthsLeft: "300",
      newRatePercent: "2",
      newTermYears: "30",
      costs: "5000",
    })).toEqual(calculatorDefaults.refinance_savings);
  });

  it("reject NaN, Infinity, blanks and out-of-range values with human messages", () => {
    const result = calculatorSchemas.monthly_payment.safeParse({ principal: "abc", ratePercent: "Infinity", termYears: "" });
    expect(messages(result)).toEqual({
      principal: "Enter a principal between 1,000 and 100,000,000",
      ratePercent: "Enter an interest rate between 0% and 25%",
      termYears: "Enter a loan term between 1 and 50 whole years",
    });
    const bad = [
      { principal: NaN },
      { principal: Infinity },
      { principal: -400000 },
      { principal: 999 },
      { principal: 100_000_001 },
      { ratePercent: -0.1 },
      { ratePercent: 25.01 },
      { ratePercent: null },
      { termYears: 0 },
      { termYears: 51 },
      { termYears: 12.5 },
    ];
    for (const change of bad) {
      expect(calculatorSchemas.monthly_payment.safeParse({ ...calculatorDefaults.monthly_payment, ...change }).success).toBe(false);
    }
  });

  it("accept the bounds themselves", () => {
    expect(calculatorSchemas.monthly_payment.safeParse({ principal: 1000, ratePercent: 0, termYears: 1 }).success).toBe(true);
    expect(calculatorSchemas.monthly_payment.safeParse({ principal: 100_000_000, ratePercent: 25, termYears: 50 }).success).toBe(true);
  });

  it("months left is in whole months 1-600; new term in years", () => {
    const base = calculatorDefaults.break_even;
    expect(calculatorSchemas.break_even.safeParse({ ...base, monthsLeft: 600 }).success).toBe(true);
    expect(messages(calculatorSchemas.break_even.safeParse({ ...base, monthsLeft: 601 }))).toEqual({
      monthsLeft: "Enter the months left on your loan, a whole number between 1 and 600",
    });
    expect(calculatorSchemas.break_even.safeParse({ ...base, monthsLeft: 0 }).success).toBe(false);
    expect(calculatorSchemas.break_even.safeParse({ ...base, costs: 1_000_001 }).success).toBe(false);
    expect(calculatorSchemas.break_even.safeParse({ ...base, costs: 0 }).success).toBe(true);
  });

  it("extra principal is optional (blank = 0) but never negative", () => {
    const base = calculatorDefaults.monthly_payment;
    expect(calculatorSchemas.amortization.parse(base).extraMonthlyPrincipal).toBe(0);
    expect(calculatorSchemas.amortization.parse({ ...base, extraMonthlyPrincipal: "" }).extraMonthlyPrincipal).toBe(0);
    expect(calculatorSchemas.amortization.parse({ ...base, extraMonthlyPrincipal: "250" }).extraMonthlyPrincipal).toBe(250);
    expect(calculatorSchemas.amortization.safeParse({ ...base, extraMonthlyPrincipal: -1 }).success).toBe(false);
  });

  it("extra principal of the whole loan or more is refused on its field", () => {
    const base = { principal: "300000", ratePercent: "6", termYears: "30" };
    const r = calculatorSchemas.amortization.safeParse({ ...base, extraMonthlyPrincipal: "400000" });
    expect(r.success).toBe(false);
    if (!r.success) expect(r.error.issues.map((i) => [i.path[0], i.message])).toEqual([["extraMonthlyPrincipal", "Enter an extra monthly principal below the loan amount"]]);
    expect(calculatorSchemas.amortization.safeParse({ ...base, extraMonthlyPrincipal: "299999.99" }).success).toBe(true);
  });

  it("money is whole cents: a third decimal is a field error, not a silent rounding", () => {
    const m = messages(calculatorSchemas.amortization.safeParse({ principal: "1000.005", ratePercent: "5", termYears: "30", extraMonthlyPrincipal: "10.001" }));
    expect(m).toEqual({
      principal: "Enter the principal in dollars and cents (at most 2 decimals)",
      extraMonthlyPrincipal: "Enter the extra principal in dollars and cents (at most 2 decimals)",
    });
    const b = messages(calculatorSchemas.break_even.safeParse({ ...calculatorDefaults.break_even, balance: "364631.665", costs: "5000.5" }));
    expect(b).toEqual({ balance: "Enter the balance in dollars and cents (at most 2 decimals)" });
    expect(calculatorSchemas.target_rate.safeParse({ ...calculatorDefaults.target_rate, targetPayment: "1347.13" }).success).toBe(true);
  });

  it("target payment must be above 0", () => {
    const base = calculatorDefaults.target_rate;
    expect(messages(calculatorSchemas.target_rate.safeParse({ ...base, targetPayment: 0 }))).toEqual({
      targetPayment: "Enter a target monthly payment above 0 (up to 10,000,000)",
    });
  });

  it("efficient frontier: the current month must fall inside the original term", () => {
    const base = calculatorDefaults.efficient_frontier;
    expect(calculatorSchemas.efficient_frontier.safeParse({ ...base, termYears: 30, currentMonth: 359 }).success).toBe(true);
    expect(messages(calculatorSchemas.efficient_frontier.safeParse({ ...base, termYears: 5, currentMonth: 60 }))).toEqual({
      currentMonth: "The months since the loan started must be less than the loan term",
    });
  });
});
