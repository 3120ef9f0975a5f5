import { describe, expect, it } from "vitest";
import { formatBasisPoints, formatCents, formatDate, formatDateTime, formatDollars, formatMonths, formatPercent } from "./format";

describe("display formatting", () => {
  it("shows rates with two to three decimals", () => {
    expect(formatPercent(6.8)).toBe("6.80%");
    expect(formatPercent(6.875)).toBe("6.875%");
    expect(formatPercent(6.8755)).toBe("6.876%");
    expect(formatPercent(6.875, 2)).toBe("6.88%");
    expect(formatPercent(1234.5)).toBe("1,234.50%");
    expect(formatPercent(null)).toBe("—");
    expect(formatPercent(Number.NaN)).toBe("—");
  });

  it("shows money from cents or dollars", () => {
    expect(formatCents(123456789)).toBe("$1,234,567.89");
    expect(formatCents(150050, { whole: true })).toBe("$1,501");
    expect(formatDollars(-12.5)).toBe("-$12.50");
    expect(formatCents(undefined)).toBe("—");
  });

  it("shows calendar dates without shifting them by time zone", () => {
    expect(formatDate("2026-09-24")).toBe("Sep 24, 2026");
    expect(formatDate("1971-04-02T00:00:00Z")).toBe("Apr 2, 1971");
    expect(formatDate(null)).toBe("—");
    expect(formatDateTime(new Date("2026-11-22T14:05:00Z"))).toBe("Nov 22, 2026, 2:05 PM UTC");
  });

  it("shows basis points and months in words people use", () => {
    expect(formatBasisPoints(-0.12)).toBe("-12 bp");
    expect(formatBasisPoints(0.25)).toBe("+25 bp");
    expect(formatMonths(30)).toBe("2 yr 6 mo");
    expect(formatMonths(24)).toBe("2 yr");
    expect(formatMonths(7)).toBe("7 mo");
  });
});
