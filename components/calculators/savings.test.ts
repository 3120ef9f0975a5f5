import { describe, expect, it } from "vitest";
import { runCalculator } from "@/lib/calc";
import { savingWords } from "./savings";

describe("savingWords (a negative saving is said in words, never with a minus sign)", () => {
  it("a saving keeps its label and amount", () => {
    expect(savingWords("monthly", 120.5)).toEqual({ label: "Monthly savings", amount: 120.5, costsMore: false });
    expect(savingWords("lifetime", 12_000)).toEqual({ label: "Lifetime interest savings", amount: 12_000, costsMore: false });
    // Exactly even is no cost.
    expect(savingWords("lifetime", 0).costsMore).toBe(false);
  });

  it("a cost reads as one, with the amount as a positive number", () => {
    expect(savingWords("monthly", -670.4)).toEqual({ label: "Monthly payment rises by", amount: 670.4, costsMore: true });
    expect(savingWords("lifetime", -4_906.42)).toEqual({ label: "Costs more over the loan's life", amount: 4_906.42, costsMore: true });
  });

  it("words a real refinance that lowers the payment but costs more in all (a longer loan)", () => {
    // 150 months left at 7.125 %, into a new 30-year loan at 6 %: a lower payment for 210 more months.
    const { summary } = runCalculator("refinance_savings", { balance: 161613.01, currentRatePercent: 7.125, monthsLeft: 150, newRatePercent: 6, newTermYears: 30, costs: 4000 });
    expect(savingWords("monthly", summary.monthlySavings).costsMore).toBe(false);
    const lifetime = savingWords("lifetime", summary.lifetimeInterestSavings);
    expect(lifetime.costsMore).toBe(true);
    expect(lifetime.amount).toBe(-summary.lifetimeInterestSavings);
  });
});
