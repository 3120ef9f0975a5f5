import { describe, expect, it } from "vitest";
import { runCalculator } from "@/lib/calc";
import { displayFormatOf, formatterFor } from "@/lib/format";
import { describeInputs, describeResult } from "./describe";

describe("describeInputs / describeResult", () => {
  it("names each input with its unit, leaving out a zero optional extra", () => {
    expect(describeInputs("amortization", { principal: 400000, ratePercent: 4.5, termYears: 30, extraMonthlyPrincipal: 0 })).toBe(
      "Loan amount $400,000 · Interest rate 4.50% · Loan term 30 yr",
    );
    expect(describeInputs("break_even", { balance: 364631.66, monthsLeft: 300 })).toBe("Current balance $364,631.66 · Payments left 300 mo");
  });

  it("states the main result of a real run", () => {
    const run = runCalculator("monthly_payment", { principal: 400000, ratePercent: 4.5, termYears: 30 });
    expect(describeResult("monthly_payment", run.summary)).toMatch(/^Payment \$2,026\.74, total interest \$[\d,]+\.\d\d$/);
    const none = runCalculator("target_rate", { balance: 364631.66, newTermYears: 30, targetPayment: 500 });
    expect(describeResult("target_rate", none.summary)).toBe("No rate reaches this payment");
    // A target reached only at rates nobody lends at (here 160 %+) is "any rate", and its chart stops near 25 %.
    const huge = runCalculator("target_rate", { balance: 364631.66, newTermYears: 30, targetPayment: 50_000 });
    expect(describeResult("target_rate", huge.summary)).toBe("Any rate up to 25% reaches it");
    expect(Math.max(...huge.chart.paymentByRate.map((p) => p.ratePercent))).toBe(27);
    const never = runCalculator("break_even", { balance: 300000, currentRatePercent: 4, monthsLeft: 300, newRatePercent: 6, newTermYears: 30, costs: 5000 });
    expect(describeResult("break_even", never.summary)).toMatch(/^Never breaks even, costs \$[\d,.]+\/mo more$/);
  });

  it("says plainly when a lower payment costs more over the loan's life, with no minus signs", () => {
    // 150 months left at 7.125 %, into a new 15-year loan at 6 %: a lower payment for 30 more months.
    const longer = runCalculator("refinance_savings", { balance: 161613.01, currentRatePercent: 7.125, monthsLeft: 150, newRatePercent: 6, newTermYears: 15, costs: 4000 });
    expect(describeResult("refinance_savings", longer.summary)).toMatch(/^Saves \$[\d,.]+\/mo, costs \$[\d,.]+ more over the loan's life$/);
    const shorter = runCalculator("refinance_savings", { balance: 300000, currentRatePercent: 7, monthsLeft: 300, newRatePercent: 5.5, newTermYears: 20, costs: 4000 });
    expect(describeResult("refinance_savings", shorter.summary)).toMatch(/^Saves \$[\d,.]+\/mo, \$[\d,.]+ over the loan's life$/);
  });

  it("uses the homeowner's currency when given their formatter, converting nothing", () => {
    const euro = formatterFor(displayFormatOf({ currency: "EUR", dateFormat: "DD/MM/YYYY" }));
    expect(describeInputs("break_even", { balance: 364631.66, monthsLeft: 300 }, euro)).toBe("Current balance €364,631.66 · Payments left 300 mo");
    const run = runCalculator("monthly_payment", { principal: 400000, ratePercent: 4.5, termYears: 30 });
    expect(describeResult("monthly_payment", run.summary, euro)).toMatch(/^Payment €2,026\.74, total interest €[\d,]+\.\d\d$/);
  });

  it("copes with old or partial rows instead of failing", () => {
    expect(describeResult("break_even", { note: "demo entry" })).toBe("—");
    expect(describeInputs("monthly_payment", { principal: "oops", rate: 4.5 })).toBe("");
  });
});
