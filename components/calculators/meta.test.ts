import { describe, expect, it } from "vitest";
import { calculatorDefaults, calculatorSchemas, calculatorTypes } from "@/lib/calc";
import { calculatorBySlug, calculatorList, calculatorUrl, defaultValues, valuesFromQuery } from "./meta";

describe("calculator pages metadata", () => {
  it("has one page per calculator with unique slugs, and every schema field in the form", () => {
    expect(calculatorList.map((c) => c.type)).toEqual([...calculatorTypes]);
    expect(new Set(calculatorList.map((c) => c.slug)).size).toBe(calculatorTypes.length);
    for (const c of calculatorList) {
      expect(calculatorBySlug(c.slug)).toBe(c);
      expect(c.fields.map((f) => f.name).sort()).toEqual(Object.keys(calculatorDefaults[c.type]).sort());
    }
    expect(calculatorBySlug("nope")).toBeNull();
  });

  it("the default form values are the demo loan and valid", () => {
    expect(defaultValues("monthly_payment")).toEqual({ principal: "400000", ratePercent: "4.5", termYears: "30" });
    expect(defaultValues("amortization").extraMonthlyPrincipal).toBe("");
    for (const type of calculatorTypes) expect(calculatorSchemas[type].safeParse(defaultValues(type)).success, type).toBe(true);
  });

  it("a calculation's URL restores exactly its inputs", () => {
    for (const type of calculatorTypes) {
      const input = calculatorSchemas[type].parse({ ...defaultValues(type), ...(type === "amortization" ? { extraMonthlyPrincipal: "150" } : {}) });
      const url = new URL(calculatorUrl(type, input as Record<string, unknown>), "http://x");
      expect(url.pathname).toBe(`/calculators/${calculatorList.find((c) => c.type === type)!.slug}`);
      const { values, hasInputs } = valuesFromQuery(type, Object.fromEntries(url.searchParams));
      expect(hasInputs).toBe(true);
      expect(calculatorSchemas[type].parse(values)).toEqual(input);
    }
  });

  it("takes only the calculator's own fields from a query, first value, bounded length; defaults for the rest", () => {
    const { values, hasInputs } = valuesFromQuery("monthly_payment", { principal: ["250000", "1"], evil: "x", ratePercent: "9".repeat(100) });
    expect(hasInputs).toBe(true);
    expect(values).toEqual({ principal: "250000", ratePercent: "9".repeat(40), termYears: "30" });
    expect(valuesFromQuery("monthly_payment", { utm_source: "mail" }).hasInputs).toBe(false);
  });
});
