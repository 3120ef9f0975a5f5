import { describe, expect, it } from "vitest";
import {
  balanceAfter,
  CalcInputError,
  fv,
  lifetimeInterest,
  monthlyPayment,
  pmt,
  remainingInterest,
  roundCents,
} from "./index";

describe("monthlyPayment", () => {
  it("gives the original app's demo payment: 400,000 at 4.5 % for 360 months -> 2,026.74", () => {
    expect(roundCents(monthlyPayment(400000, 4.5, 360))).toBe(2026.74);
  });

  it("agrees with the spreadsheet PMT (sign flipped, percent to monthly decimal)", () => {
    expect(monthlyPayment(250000, 6.875, 180)).toBeCloseTo(-pmt(0.06875 / 12, 180, 250000), 9);
  });

  it("is P / n at 0 %", () => {
    expect(monthlyPayment(360000, 0, 360)).toBe(1000);
  });

  it("is continuous at 0 % (a tiny rate does not lose digits)", () => {
    expect(monthlyPayment(360000, 1e-9, 360)).toBeCloseTo(1000, 6);
  });

  it("1-month term: principal plus one month of interest", () => {
    expect(monthlyPayment(1200, 12, 1)).toBeCloseTo(1212, 9);
    expect(monthlyPayment(1200, 0, 1)).toBe(1200);
  });

  it("throws CalcInputError for invalid input instead of returning 0", () => {
    const bad: Array<[number, number, number]> = [
      [NaN, 4.5, 360],
      [Infinity, 4.5, 360],
      [-400000, 4.5, 360],
      [0, 4.5, 360],
      [400000, NaN, 360],
      [400000, -1, 360],
      [400000, 4.5, 0],
      [400000, 4.5, 12.5],
      [400000, 4.5, Infinity],
    ];
    for (const args of bad) expect(() => monthlyPayment(...args)).toThrow(CalcInputError);
  });
});

describe("balanceAfter", () => {
  it("gives the demo balance after 60 payments: 364,631.67", () => {
    expect(roundCents(balanceAfter(400000, 4.5, 360, 60))).toBe(364631.67);
  });

  it("matches the spreadsheet FV of the loan after m payments", () => {
    const i = 0.045 / 12;
    const balance = -fv(i, 60, pmt(i, 360, 400000), 400000);
    expect(balanceAfter(400000, 4.5, 360, 60)).toBeCloseTo(balance, 6);
  });

  it("starts at the principal and ends at exactly 0", () => {
    expect(balanceAfter(400000, 4.5, 360, 0)).toBe(400000);
    expect(balanceAfter(400000, 4.5, 360, 360)).toBe(0);
    expect(balanceAfter(400000, 4.5, 360, 400)).toBe(0);
    expect(balanceAfter(1000, 5, 1, 1)).toBe(0);
  });

  it("falls linearly at 0 %", () => {
    expect(balanceAfter(360000, 0, 360, 120)).toBe(240000);
  });

  it("the balance that is left amortizes with the same payment over the months left", () => {
    const balance = balanceAfter(400000, 4.5, 360, 60);
    expect(monthlyPayment(balance, 4.5, 300)).toBeCloseTo(monthlyPayment(400000, 4.5, 360), 9);
  });

  it("rejects a negative or fractional payment count", () => {
    expect(() => balanceAfter(400000, 4.5, 360, -1)).toThrow(CalcInputError);
    expect(() => balanceAfter(400000, 4.5, 360, 1.5)).toThrow(CalcInputError);
  });
});

describe("lifetimeInterest and remainingInterest", () => {
  it("use the closed form n * PMT - P", () => {
    const payment = monthlyPayment(400000, 4.5, 360);
    expect(lifetimeInterest(400000, 4.5, 360)).toBeCloseTo(360 * payment - 400000, 6);
    expect(remainingInterest(400000, 4.5, 360, 0)).toBeCloseTo(lifetimeInterest(400000, 4.5, 360), 6);
    expect(remainingInterest(400000, 4.5, 360, 60)).toBeCloseTo(300 * payment - balanceAfter(400000, 4.5, 360, 60), 6);
    expect(remainingInterest(400000, 4.5, 360, 360)).toBe(0);
  });

  it("is 0 at 0 %", () => {
    expect(lifetimeInterest(360000, 0, 360)).toBe(0);
  });
});
