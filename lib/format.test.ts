import { describe, expect, it } from "vitest";
import { displayFormatOf, formatBasisPoints, formatCents, formatDate, formatDateTime, formatDollars, formatMonths, formatPercent, formatterFor } from "./format";

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
    expect(formatDollars(-12.5)).toBe("\u2212$12.50"); // a minus sign, not a hyphen
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

  it("shows a homeowner's amounts with the symbol of the currency they chose, never converted", () => {
    expect(formatterFor(displayFormatOf({ currency: "EUR", dateFormat: "MM/DD/YYYY" })).cents(123456789)).toBe("€1,234,567.89");
    expect(formatterFor(displayFormatOf({ currency: "GBP", dateFormat: "MM/DD/YYYY" })).dollars(-12.5)).toBe("\u2212£12.50");
    expect(formatterFor(displayFormatOf({ currency: "CAD", dateFormat: "MM/DD/YYYY" })).cents(150050, { whole: true })).toBe("CA$1,501");
    expect(formatterFor(displayFormatOf({ currency: "AUD", dateFormat: "MM/DD/YYYY" })).cents(99)).toBe("A$0.99");
    expect(formatterFor(displayFormatOf({ currency: "EUR", dateFormat: "MM/DD/YYYY" })).cents(null)).toBe("—");
    expect(["USD", "CAD", "EUR", "GBP", "AUD"].map((c) => formatterFor(displayFormatOf({ currency: c })).symbol)).toEqual(["$", "CA$", "€", "£", "A$"]);
  });

  it("orders a date's parts as the homeowner chose, in UTC", () => {
    const dayFirst = formatterFor(displayFormatOf({ currency: "USD", dateFormat: "DD/MM/YYYY" }));
    const iso = formatterFor(displayFormatOf({ currency: "USD", dateFormat: "YYYY-MM-DD" }));
    expect(dayFirst.date("2026-09-24")).toBe("24 Sep 2026");
    expect(iso.date("1971-04-02T00:00:00Z")).toBe("1971-04-02");
    expect(dayFirst.dateTime(new Date("2026-11-22T14:05:00Z"))).toBe("22 Nov 2026, 14:05 UTC");
    expect(iso.dateTime(new Date("2026-11-22T00:05:00Z"))).toBe("2026-11-22 00:05 UTC");
    expect(formatDateTime(new Date("2026-11-22T00:05:00Z"))).toBe("Nov 22, 2026, 12:05 AM UTC");
    expect(iso.date("not a date")).toBe("—");
    expect(iso.dateTime(new Date(Number.NaN))).toBe("—");
  });

  it("reads an unknown stored preference as the default, and makes each formatter once", () => {
    expect(displayFormatOf({ currency: "usd", dateFormat: "DD/MM/YYYY" })).toEqual({ currency: "USD", dateFormat: "DD/MM/YYYY", timeZone: "UTC" });
    expect(displayFormatOf({ currency: "XYZ", dateFormat: "D.M.Y" })).toEqual({ currency: "USD", dateFormat: "MM/DD/YYYY", timeZone: "UTC" });
    expect(displayFormatOf(null)).toEqual({ currency: "USD", dateFormat: "MM/DD/YYYY", timeZone: "UTC" });
    expect(displayFormatOf({ currency: 7, dateFormat: ["YYYY-MM-DD"] })).toEqual({ currency: "USD", dateFormat: "MM/DD/YYYY", timeZone: "UTC" });
    expect(formatterFor(displayFormatOf({ currency: "EUR", dateFormat: "YYYY-MM-DD" }))).toBe(formatterFor(displayFormatOf({ currency: "EUR", dateFormat: "YYYY-MM-DD" })));
  });

  it("tells the time in the reader's time zone, named, including across a daylight-saving change", () => {
    const chicago = formatterFor(displayFormatOf({ timeZone: "America/Chicago" }));
    expect(chicago.dateTime(new Date("2026-11-22T14:05:00Z"))).toBe("Nov 22, 2026, 8:05 AM CST");
    expect(chicago.dateTime(new Date("2026-07-01T04:30:00Z"))).toBe("Jun 30, 2026, 11:30 PM CDT");
    const paris = formatterFor(displayFormatOf({ dateFormat: "DD/MM/YYYY", timeZone: "Europe/Paris" }));
    expect(paris.dateTime(new Date("2026-11-22T23:05:00Z"))).toBe("23 Nov 2026, 00:05 GMT+1");
    const tokyo = formatterFor(displayFormatOf({ dateFormat: "YYYY-MM-DD", timeZone: "Asia/Tokyo" }));
    expect(tokyo.dateTime(new Date("2026-11-22T15:00:00Z"))).toBe("2026-11-23 00:00 GMT+9");
    // Calendar dates have no time of day: a week's date never moves with the zone.
    expect(tokyo.date("2026-11-22")).toBe("2026-11-22");
  });

  it("refuses a time zone the runtime does not know, reading it as UTC", () => {
    expect(displayFormatOf({ timeZone: "Mars/Olympus_Mons" }).timeZone).toBe("UTC");
    expect(displayFormatOf({ timeZone: "America/Chicago; drop" }).timeZone).toBe("UTC");
    expect(displayFormatOf({ timeZone: "x".repeat(65) }).timeZone).toBe("UTC");
    expect(displayFormatOf({ timeZone: "Europe/Lisbon" }).timeZone).toBe("Europe/Lisbon");
  });
});
