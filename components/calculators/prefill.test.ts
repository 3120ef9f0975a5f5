import { describe, expect, it } from "vitest";
import { calculatorSchemas } from "@/lib/calc";
import { defaultValues } from "./meta";
import { prefillFromMortgage, type PrefillMortgage } from "./prefill";

const home: PrefillMortgage = {
  id: "00000000-0000-4000-8000-000000000001",
  name: "Home",
  originalPrincipalCents: 40_000_000,
  originalTerm: 360,
  originalInterestRate: 4.5,
  currentRate: 4.5,
  remainingPrincipalCents: 36_463_166,
  remainingTerm: 300,
};

describe("prefillFromMortgage", () => {
  it("fills loan calculators from the original loan, in the form's units", () => {
    expect(prefillFromMortgage("monthly_payment", home)).toEqual({
      values: { principal: "400000", ratePercent: "4.5", termYears: "30" },
      roundedTerm: false,
    });
  });

  it("fills refinance calculators from what is left of the loan, refinanced as the dashboard compares it", () => {
    const market = { 30: { ratePercent: 6.3, date: "2026-09-24" }, 15: { ratePercent: 5.49, date: "2026-09-24" } };
    // 300 months left: a 30-year loan at the latest 30-year rate, costs at 2 % of the balance.
    expect(prefillFromMortgage("break_even", home, market).values).toEqual({
      balance: "364631.66",
      currentRatePercent: "4.5",
      monthsLeft: "300",
      newTermYears: "30",
      newRatePercent: "6.3",
      costs: "7293",
    });
    // 15 years or less left: the 15-year product.
    expect(prefillFromMortgage("refinance_savings", { ...home, remainingTerm: 150 }, market).values).toMatchObject({ newTermYears: "15", newRatePercent: "5.49" });
    // An adjustable loan that reset (its newest recorded balance says 7.25 %) compares at 7.25 %.
    expect(prefillFromMortgage("break_even", { ...home, currentRate: 7.25 }, market).values).toMatchObject({ currentRatePercent: "7.25" });
    // Without a market rate the form keeps its own new rate.
    expect(prefillFromMortgage("break_even", home).values).not.toHaveProperty("newRatePercent");
    expect(prefillFromMortgage("target_rate", home, market).values).toEqual({ balance: "364631.66" });
  });

  it("places the homeowner on the frontier at the payments already made", () => {
    expect(prefillFromMortgage("efficient_frontier", home).values.currentMonth).toBe("60");
  });

  it("rounds a term that is not whole years and says so", () => {
    const odd = { ...home, originalTerm: 200, remainingTerm: 150 };
    expect(prefillFromMortgage("monthly_payment", odd)).toMatchObject({ values: { termYears: "17" }, roundedTerm: true });
  });

  it("gives values every calculator's schema accepts, merged over the defaults", () => {
    for (const type of ["monthly_payment", "amortization", "target_rate", "break_even", "refinance_savings", "efficient_frontier"] as const) {
      const values = { ...defaultValues(type), ...prefillFromMortgage(type, home).values };
      expect(calculatorSchemas[type].safeParse(values).success, type).toBe(true);
    }
  });
});
