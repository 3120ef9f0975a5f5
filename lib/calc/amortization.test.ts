import { describe, expect, it } from "vitest";
import { amortizationSchedule, CalcInputError, monthlyPayment, roundCents, toCents, yearlySummary } from "./index";

const demo = { principal: 400000, annualRatePercent: 4.5, termMonths: 360 };

function sumCents(values: number[]): number {
  return values.reduce((total, value) => total + toCents(value), 0) / 100;
}

describe("amortizationSchedule", () => {
  const schedule = amortizationSchedule(demo);

  it("bills the rounded payment for 359 months and adjusts the last one to end at 0.00", () => {
    expect(schedule.scheduledPayment).toBe(2026.74);
    expect(schedule.rows).toHaveLength(360);
    expect(schedule.payoffMonths).toBe(360);
    expect(schedule.rows.slice(0, 359).every((row) => row.payment === 2026.74)).toBe(true);
    const last = schedule.rows[359];
    expect(last.balance).toBe(0);
    expect(last.payment).toBe(roundCents(last.interest + last.principal));
  });

  it("first row: interest is one month on the principal", () => {
    expect(schedule.rows[0]).toEqual({
      month: 1,
      payment: 2026.74,
      interest: 1500,
      principal: 526.74,
      extraPrincipal: 0,
      balance: 399473.26,
    });
  });

  it("a month's interest that lands on half a cent rounds up, like the rest of the money", () => {
    // 200,000.80 at 7.5 %: exactly 1,250.005 of interest in month 1.
    expect(amortizationSchedule({ principal: 200000.8, annualRatePercent: 7.5, termMonths: 360 }).rows[0]!.interest).toBe(1250.01);
    // And a quarter of a cent stays down: 200,000.40 -> 1,250.0025.
    expect(amortizationSchedule({ principal: 200000.4, annualRatePercent: 7.5, termMonths: 360 }).rows[0]!.interest).toBe(1250);
  });

  it("columns add up to the cent: principal to the loan, interest to the total", () => {
    expect(sumCents(schedule.rows.map((row) => row.principal))).toBe(400000);
    expect(sumCents(schedule.rows.map((row) => row.interest))).toBe(schedule.totalInterest);
    expect(sumCents(schedule.rows.map((row) => row.payment))).toBe(schedule.totalPaid);
    expect(roundCents(schedule.totalPaid - schedule.totalInterest)).toBe(400000);
    // Within a few dollars of the closed form n * PMT - P (rounding of each month).
    expect(Math.abs(schedule.totalInterest - (360 * monthlyPayment(400000, 4.5, 360) - 400000))).toBeLessThan(5);
  });

  it("extra monthly principal shortens the schedule and saves interest", () => {
    const faster = amortizationSchedule({ ...demo, extraMonthlyPrincipal: 500 });
    expect(faster.payoffMonths).toBeLessThan(360);
    expect(faster.totalInterest).toBeLessThan(schedule.totalInterest);
    expect(faster.rows.at(-1)?.balance).toBe(0);
    expect(faster.rows[0]).toMatchObject({ payment: 2526.74, principal: 1026.74, extraPrincipal: 500 });
    expect(sumCents(faster.rows.map((row) => row.principal))).toBe(400000);
  });

  it("an extra payment larger than the loan repays it in the first month", () => {
    const once = amortizationSchedule({ principal: 1000, annualRatePercent: 6, termMonths: 12, extraMonthlyPrincipal: 5000 });
    expect(once.rows).toHaveLength(1);
    expect(once.rows[0]).toMatchObject({ interest: 5, principal: 1000, payment: 1005, balance: 0 });
  });

  it("0 %: no interest, equal payments, remainder in the last one", () => {
    const free = amortizationSchedule({ principal: 1000, annualRatePercent: 0, termMonths: 3 });
    expect(free.scheduledPayment).toBe(333.33);
    expect(free.rows.map((row) => row.payment)).toEqual([333.33, 333.33, 333.34]);
    expect(free.totalInterest).toBe(0);
  });

  it("1-month term: one payment of principal plus a month of interest", () => {
    const single = amortizationSchedule({ principal: 1200, annualRatePercent: 12, termMonths: 1 });
    expect(single.rows).toEqual([{ month: 1, payment: 1212, interest: 12, principal: 1200, extraPrincipal: 0, balance: 0 }]);
  });

  it("throws CalcInputError for invalid input", () => {
    expect(() => amortizationSchedule({ ...demo, principal: NaN })).toThrow(CalcInputError);
    expect(() => amortizationSchedule({ ...demo, termMonths: 0 })).toThrow(CalcInputError);
    expect(() => amortizationSchedule({ ...demo, extraMonthlyPrincipal: -1 })).toThrow(CalcInputError);
  });
});

describe("yearlySummary", () => {
  it("groups 12 months a year and keeps the schedule's totals", () => {
    const schedule = amortizationSchedule(demo);
    const years = yearlySummary(schedule.rows);
    expect(years).toHaveLength(30);
    expect(years[0].year).toBe(1);
    expect(years[0].endBalance).toBe(schedule.rows[11].balance);
    expect(years[29].endBalance).toBe(0);
    expect(sumCents(years.map((year) => year.interest))).toBe(schedule.totalInterest);
    expect(sumCents(years.map((year) => year.principal))).toBe(400000);
  });

  it("ends with a partial year when the schedule is shorter", () => {
    const years = yearlySummary(amortizationSchedule({ ...demo, termMonths: 18 }).rows);
    expect(years.map((year) => year.year)).toEqual([1, 2]);
    expect(years[1].endBalance).toBe(0);
  });

  it("is empty for an empty schedule", () => {
    expect(yearlySummary([])).toEqual([]);
  });
});
