import { describe, expect, it } from "vitest";
import { amortizationSchedule } from "@/lib/calc";
import { addMonths, isIsoDate, latestTodayOnEarth, monthsBetween, todayIn, todayIso } from "./dates";
import { balanceSeries, positionAsOf } from "./projection";
import { mortgageFormSchema, snapshotFormSchema } from "./schemas";
import { mortgageColumns } from "./values";

const valid = { name: "Home", zipCode: "94110", originalPrincipal: "$400,000", termYears: "30", originalRate: "4.5 %" };

function fieldErrors(input: Record<string, string>) {
  const result = mortgageFormSchema.safeParse(input);
  if (result.success) return {};
  return Object.fromEntries(result.error.issues.map((i) => [String(i.path[0]), i.message]));
}

describe("mortgage form bounds", () => {
  it("accepts what people type around numbers", () => {
    expect(mortgageFormSchema.parse(valid)).toMatchObject({ originalPrincipal: 400_000, originalRate: 4.5, termYears: 30, occupancyType: "primary", clearLoanNumber: false });
  });

  it("each bound is a message on its own field", () => {
    expect(Object.keys(fieldErrors({ ...valid, originalPrincipal: "999.99" }))).toEqual(["originalPrincipal"]);
    expect(Object.keys(fieldErrors({ ...valid, originalPrincipal: "100000000.01" }))).toEqual(["originalPrincipal"]);
    expect(fieldErrors({ ...valid, originalPrincipal: "100,000,000" })).toEqual({});
    expect(Object.keys(fieldErrors({ ...valid, originalRate: "25.001" }))).toEqual(["originalRate"]);
    expect(fieldErrors({ ...valid, originalRate: "0" })).toEqual({});
    expect(Object.keys(fieldErrors({ ...valid, termYears: "51" }))).toEqual(["termYears"]);
    expect(Object.keys(fieldErrors({ ...valid, termYears: "0" }))).toEqual(["termYears"]);
    expect(Object.keys(fieldErrors({ ...valid, termYears: "12.5" }))).toEqual(["termYears"]);
    expect(Object.keys(fieldErrors({ ...valid, zipCode: "1234" }))).toEqual(["zipCode"]);
    expect(Object.keys(fieldErrors({ ...valid, creditScore: "299" }))).toEqual(["creditScore"]);
    expect(Object.keys(fieldErrors({ ...valid, originalPrincipal: "abc" }))).toEqual(["originalPrincipal"]);
    expect(Object.keys(fieldErrors({ ...valid, originationDate: "2099-01-01" }))).toEqual(["originationDate"]);
    expect(Object.keys(fieldErrors({ ...valid, originationDate: "2021-02-30" }))).toEqual(["originationDate"]);
  });

  it("the remaining principal can't exceed the original, nor the months left the original term", () => {
    expect(fieldErrors({ ...valid, remainingPrincipal: "400,000.01" })).toEqual({ remainingPrincipal: "The remaining principal can't be more than the original principal." });
    expect(Object.keys(fieldErrors({ ...valid, remainingTerm: "361" }))).toEqual(["remainingTerm"]);
    expect(Object.keys(fieldErrors({ ...valid, remainingTerm: "0", remainingPrincipal: "10" }))).toEqual(["remainingTerm"]);
  });

  it("a snapshot with a balance needs months left", () => {
    const r = snapshotFormSchema.safeParse({ mortgageId: "x", recordedOn: "2024-01-01", balance: "1000", rate: "4", monthsLeft: "0" });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.path).toEqual(["monthsLeft"]);
  });
});

describe("dates", () => {
  it("counts payments by whole months, clamping month ends", () => {
    expect(monthsBetween("2020-01-15", "2025-01-15")).toBe(60);
    expect(monthsBetween("2020-01-15", "2025-01-14")).toBe(59);
    expect(monthsBetween("2025-01-15", "2020-01-15")).toBe(0);
    // A payment on the 31st falls on a shorter month's last day, where the chart dates it.
    expect(monthsBetween("2024-01-31", "2024-02-28")).toBe(0);
    expect(monthsBetween("2024-01-31", "2024-02-29")).toBe(1);
    expect(monthsBetween("2024-01-31", "2024-04-30")).toBe(3);
    expect(monthsBetween("2024-01-31", "2024-04-29")).toBe(2);
    for (let m = 0; m <= 24; m++) expect(monthsBetween("2024-01-31", addMonths("2024-01-31", m))).toBe(m);
    expect(addMonths("2024-01-31", 1)).toBe("2024-02-29");
    expect(addMonths("2024-03-15", -3)).toBe("2023-12-15");
    expect(isIsoDate("2023-02-29")).toBe(false);
  });
});

describe("today, where the homeowner is", () => {
  it("is the date in their time zone, not UTC's", () => {
    const evening = new Date("2026-11-30T02:00:00Z"); // 8 pm on Nov 29 in Chicago
    expect(todayIso(evening)).toBe("2026-11-30");
    expect(todayIn("America/Chicago", evening)).toBe("2026-11-29");
    const morning = new Date("2026-11-29T22:00:00Z"); // 9 am on Nov 30 in Sydney
    expect(todayIn("Australia/Sydney", morning)).toBe("2026-11-30");
    expect(todayIn("UTC", morning)).toBe("2026-11-29");
    expect(todayIn("Not/AZone", morning)).toBe("2026-11-29");
  });

  it("never calls a homeowner's own today 'in the future', in any zone; tomorrow everywhere is refused", () => {
    const today = latestTodayOnEarth();
    // Whatever the zone, its today is at most the latest today on Earth (UTC+14).
    for (const zone of ["Pacific/Kiritimati", "Australia/Sydney", "UTC", "America/Chicago", "Pacific/Pago_Pago"]) expect(todayIn(zone) <= today).toBe(true);
    const snapshot = (recordedOn: string) => snapshotFormSchema.safeParse({ mortgageId: "8d4b3c4e-6d1b-4f0e-9f43-2a8f8f6c1a11", recordedOn, balance: "350000", rate: "6.5", monthsLeft: "298" });
    expect(snapshot(todayIn("Pacific/Kiritimati")).success).toBe(true);
    const after = snapshot(todayIso(new Date(Date.parse(today) + 86_400_000)));
    expect(after.success).toBe(false);
    expect(after.error!.issues.map((i) => i.message)).toContain("The date can't be in the future.");
  });
});

describe("schedule position and balance series", () => {
  const loan = { principal: 400_000, ratePercent: 4.5, termMonths: 360 };
  const rows = amortizationSchedule({ principal: 400_000, annualRatePercent: 4.5, termMonths: 360 }).rows;

  it("five years in, the demo loan has 300 months left at the schedule's balance (364,631.66 in the original app)", () => {
    const p = positionAsOf(loan, "2020-01-01", "2025-01-01");
    expect(p).toEqual({ paymentsMade: 60, balance: rows[59]!.balance, monthsLeft: 300 });
    expect(p.balance).toBeCloseTo(364_631.66, 0);
    expect(positionAsOf(loan, "1980-01-01", "2025-01-01")).toEqual({ paymentsMade: 360, balance: 0, monthsLeft: 0 });
  });

  it("fills fields blank on the form from the schedule, or from the original loan without an origination date", () => {
    const withDate = mortgageColumns(mortgageFormSchema.parse({ ...valid, originationDate: "2020-01-01" }), "2025-01-01");
    expect(withDate).toMatchObject({ remainingTerm: 300, remainingPrincipalCents: Math.round(rows[59]!.balance * 100), originalTerm: 360 });
    const typed = mortgageColumns(mortgageFormSchema.parse({ ...valid, originationDate: "2020-01-01", remainingPrincipal: "350000" }), "2025-01-01");
    expect(typed).toMatchObject({ remainingTerm: 300, remainingPrincipalCents: 35_000_000 });
    expect(mortgageColumns(mortgageFormSchema.parse(valid), "2025-01-01")).toMatchObject({ remainingTerm: 360, remainingPrincipalCents: 40_000_000 });
  });

  it("places snapshots on the projected line; the gap is the principal paid ahead of schedule", () => {
    const series = balanceSeries(loan, "2020-01-01", [{ recordedOn: "2023-01-10", balance: 370_000, ratePercent: 4.5, monthsLeft: 324 }], "2025-01-01");
    expect(series.points).toHaveLength(361);
    expect(series.points[0]).toMatchObject({ month: 0, date: "2020-01-01", projected: 400_000 });
    expect(series.points[360]!.projected).toBe(0);
    expect(series.todayMonth).toBe(60);
    expect(series.points[36]!.recorded).toBe(370_000);
    expect(series.snapshots[0]).toMatchObject({ month: 36, projected: rows[35]!.balance });
    expect(series.snapshots[0]!.gap).toBeCloseTo(rows[35]!.balance - 370_000, 2);
  });

  it("a balance recorded on the date the chart gives a payment sits on that payment (a loan started on the 31st)", () => {
    const series = balanceSeries(loan, "2024-01-31", [{ recordedOn: "2024-02-29", balance: rows[0]!.balance - 1.35, ratePercent: 4.5, monthsLeft: 359 }], "2024-03-15");
    expect(series.points[1]!.date).toBe("2024-02-29");
    expect(series.snapshots[0]).toMatchObject({ month: 1, projected: rows[0]!.balance });
    expect(series.snapshots[0]!.gap).toBeCloseTo(1.35, 2);
  });
});
