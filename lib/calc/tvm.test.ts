import { describe, expect, it } from "vitest";
import { CalcInputError, cumipmt, cumprinc, fv, ipmt, nper, pmt, ppmt, pv, rate } from "./index";

/** Relative closeness for full-precision results: |a - b| <= tol * max(1, |b|). */
function expectClose(actual: number, expected: number, tol = 1e-10) {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(tol * Math.max(1, Math.abs(expected)));
}

describe("pmt", () => {
  it("matches the Excel PMT documentation examples", () => {
    // https://support.microsoft.com/office/pmt-function (8 % a year, 10 months, 10,000)
    expect(pmt(0.08 / 12, 10, 10000)).toBeCloseTo(-1037.03, 2);
    // Same page: saving 50,000 in 18 years at 6 %
    expect(pmt(0.06 / 12, 18 * 12, 0, 50000)).toBeCloseTo(-129.08, 2);
  });

  it("matches the numpy-financial pmt docstring", () => {
    // numpy_financial.pmt docstring: npf.pmt(0.075/12, 12*15, 200000) -> -1854.0247200054619
    expectClose(pmt(0.075 / 12, 12 * 15, 200000), -1854.0247200054619);
  });

  it("handles rate 0 like a spreadsheet: -(pv + fv) / nper", () => {
    expect(pmt(0, 10, 1000)).toBe(-100);
    expect(pmt(0, 10, 1000, 500)).toBe(-150);
    expect(pmt(0, 10, 1000, 0, 1)).toBe(-100);
  });

  it("type = 1 (payments in advance) is the end payment discounted by one period", () => {
    const r = 0.08 / 12;
    expectClose(pmt(r, 10, 10000, 0, 1), pmt(r, 10, 10000) / (1 + r));
    // Excel: PMT(8%/12, 10, 10000, 0, 1) = -1,030.16
    expect(pmt(r, 10, 10000, 0, 1)).toBeCloseTo(-1030.16, 2);
  });

  it("answers NaN (#NUM!) for nper = 0 instead of Infinity", () => {
    expect(pmt(0.01, 0, 1000)).toBeNaN();
    expect(pmt(0, 0, 1000)).toBeNaN();
  });
});

describe("fv and pv", () => {
  it("matches the numpy-financial fv and pv docstrings", () => {
    // numpy_financial.fv docstring: npf.fv(0.05/12, 10*12, -100, -100) -> 15692.928894335748
    expectClose(fv(0.05 / 12, 10 * 12, -100, -100), 15692.928894335748);
    // numpy_financial.pv docstring: npf.pv(0.05/12, 10*12, -100, 15692.93) -> -100.00067131625819
    expectClose(pv(0.05 / 12, 10 * 12, -100, 15692.93), -100.00067131625819, 1e-9);
  });

  it("matches the Excel FV and PV documentation examples", () => {
    // https://support.microsoft.com/office/fv-function: FV(6%/12, 10, -200, -500, 1) = 2,581.40
    expect(fv(0.06 / 12, 10, -200, -500, 1)).toBeCloseTo(2581.4, 2);
    // https://support.microsoft.com/office/pv-function: PV(8%/12, 12*20, 500, , 0) = -59,777.15
    expect(pv(0.08 / 12, 12 * 20, 500, 0, 0)).toBeCloseTo(-59777.15, 2);
  });

  it("handles rate 0: fv = -(pv + pmt * nper), pv = -(fv + pmt * nper)", () => {
    expect(fv(0, 12, -100, -1000)).toBe(2200);
    expect(fv(0, 12, -100, -1000, 1)).toBe(2200);
    expect(pv(0, 12, -100, 200)).toBe(1000);
  });

  it("pv, fv and pmt are consistent (round trip)", () => {
    const r = 0.045 / 12;
    const payment = pmt(r, 360, 400000, 0, 1);
    expectClose(pv(r, 360, payment, 0, 1), 400000);
    expectClose(fv(r, 360, payment, 400000, 1), 0, 1e-9);
  });
});

describe("nper", () => {
  it("matches the numpy-financial nper docstring", () => {
    // numpy_financial.nper docstring: npf.nper(0.07/12, -150, 8000) -> 64.07334877066185
    expectClose(nper(0.07 / 12, -150, 8000), 64.07334877066185);
  });

  it("matches the Excel NPER documentation examples (including type 1 and a negative answer)", () => {
    // https://support.microsoft.com/office/nper-function
    expectClose(nper(0.12 / 12, -100, -1000, 10000, 1), 59.6738657, 1e-8);
    expectClose(nper(0.12 / 12, -100, -1000, 10000), 60.0821229, 1e-8);
    expectClose(nper(0.12 / 12, -100, -1000), -9.57859404, 1e-8);
  });

  it("handles rate 0 and answers NaN when the payment never repays the loan", () => {
    expect(nper(0, -100, 1000)).toBe(10);
    expect(nper(0, 0, 1000)).toBeNaN(); // #DIV/0!
    expect(nper(0.01, -5, 1000)).toBeNaN(); // interest 10 a month > payment 5: #NUM!
  });
});

describe("ipmt and ppmt", () => {
  it("matches the numpy-financial ipmt docstring table (2,500 at 8.24 % for 12 months)", () => {
    // numpy_financial.ipmt docstring: principal / interest per month, interest sum -112.98
    const r = 0.0824 / 12;
    const expected: Array<[number, number]> = [
      [-200.58, -17.17], [-201.96, -15.79], [-203.35, -14.4], [-204.74, -13.01],
      [-206.15, -11.6], [-207.56, -10.18], [-208.99, -8.76], [-210.42, -7.32],
      [-211.87, -5.88], [-213.32, -4.42], [-214.79, -2.96], [-216.26, -1.49],
    ];
    let interest = 0;
    expected.forEach(([principalPart, interestPart], index) => {
      const per = index + 1;
      expect(ppmt(r, per, 12, 2500)).toBeCloseTo(principalPart, 2);
      expect(ipmt(r, per, 12, 2500)).toBeCloseTo(interestPart, 2);
      expectClose(ipmt(r, per, 12, 2500) + ppmt(r, per, 12, 2500), pmt(r, 12, 2500));
      interest += ipmt(r, per, 12, 2500);
    });
    expect(interest).toBeCloseTo(-112.98, 2);
  });

  it("matches the Excel IPMT and PPMT documentation examples", () => {
    // https://support.microsoft.com/office/ipmt-function
    expect(ipmt(0.1 / 12, 1, 3 * 12, 8000)).toBeCloseTo(-66.67, 2);
    expect(ipmt(0.1, 3, 3, 8000)).toBeCloseTo(-292.45, 2);
    // https://support.microsoft.com/office/ppmt-function
    expect(ppmt(0.1 / 12, 1, 2 * 12, 2000)).toBeCloseTo(-75.62, 2);
    expect(ppmt(0.08, 10, 10, 200000)).toBeCloseTo(-27598.05, 2);
  });

  it("type = 1: no interest in the first period, later interest discounted one period", () => {
    const r = 0.1 / 12;
    expect(ipmt(r, 1, 36, 8000, 0, 1)).toBe(0);
    expectClose(ppmt(r, 1, 36, 8000, 0, 1), pmt(r, 36, 8000, 0, 1));
    expectClose(ipmt(r, 2, 36, 8000, 0, 1), (fv(r, 1, pmt(r, 36, 8000, 0, 1), 8000, 1) * r) / (1 + r));
  });

  it("rate 0: no interest, level principal", () => {
    expect(ipmt(0, 3, 10, 1000)).toBe(0);
    expect(ppmt(0, 3, 10, 1000)).toBe(-100);
  });

  it("rejects a period outside 1..nper with CalcInputError", () => {
    expect(() => ipmt(0.01, 0, 10, 1000)).toThrow(CalcInputError);
    expect(() => ppmt(0.01, 11, 10, 1000)).toThrow(CalcInputError);
  });
});

describe("cumipmt and cumprinc", () => {
  it("match the Excel CUMIPMT and CUMPRINC documentation examples", () => {
    // https://support.microsoft.com/office/cumipmt-function (125,000 at 9 % for 30 years)
    expectClose(cumipmt(0.09 / 12, 30 * 12, 125000, 13, 24, 0), -11135.23213, 1e-9);
    expectClose(cumipmt(0.09 / 12, 30 * 12, 125000, 1, 1, 0), -937.5);
    // https://support.microsoft.com/office/cumprinc-function
    expectClose(cumprinc(0.09 / 12, 30 * 12, 125000, 13, 24, 0), -934.1071234, 1e-9);
    expectClose(cumprinc(0.09 / 12, 30 * 12, 125000, 1, 1, 0), -68.27827118, 1e-9);
  });

  it("over the whole term: principal repays pv, interest is n * pmt - pv (type 0 and 1)", () => {
    for (const type of [0, 1] as const) {
      const r = 0.045 / 12;
      expectClose(cumprinc(r, 360, 400000, 1, 360, type), -400000);
      expectClose(cumipmt(r, 360, 400000, 1, 360, type), 360 * pmt(r, 360, 400000, 0, type) + 400000);
    }
  });

  it("rate 0 gives 0 interest and straight-line principal (Excel would say #NUM!)", () => {
    expect(cumipmt(0, 12, 1200, 1, 12)).toBe(0);
    expect(cumprinc(0, 12, 1200, 4, 6)).toBe(-300);
  });

  it("rejects bad period ranges", () => {
    expect(() => cumipmt(0.01, 12, 1000, 0, 3)).toThrow(CalcInputError);
    expect(() => cumipmt(0.01, 12, 1000, 5, 3)).toThrow(CalcInputError);
    expect(() => cumprinc(0.01, 12, 1000, 1, 13)).toThrow(CalcInputError);
    expect(() => cumprinc(0.01, 12, 1000, 1.5, 3)).toThrow(CalcInputError);
  });
});

describe("rate", () => {
  it("matches the numpy-financial rate docstring", () => {
    // numpy_financial.rate docstring: npf.rate(10, 0, -3500, 10000) -> 0.11069085371426901.
    // numpy stops Newton at a 1e-6 step; the exact root (10000/3500)^(1/10) - 1 is
    // 0.1106908537107528..., which is what we return.
    expectClose(rate(10, 0, -3500, 10000), 0.11069085371426901, 1e-9);
    expectClose(rate(10, 0, -3500, 10000), (10000 / 3500) ** (1 / 10) - 1, 1e-13);
  });

  it("matches the Excel RATE documentation example", () => {
    // https://support.microsoft.com/office/rate-function: RATE(4*12, -200, 8000) = 0.77 % a month
    expect(rate(4 * 12, -200, 8000)).toBeCloseTo(0.0077014725, 10);
  });

  it("inverts pmt, with type 1 and for a rate of 0", () => {
    const r = 0.045 / 12;
    expectClose(rate(360, pmt(r, 360, 400000), 400000), r, 1e-12);
    expectClose(rate(360, pmt(r, 360, 400000, 0, 1), 400000, 0, 1), r, 1e-12);
    expect(Math.abs(rate(10, -100, 1000))).toBeLessThan(1e-12);
  });

  it("falls back to bisection when Newton from the guess fails", () => {
    // A guess far out (Newton wanders) still finds the root near the guess.
    expectClose(rate(360, -2026.741239303523, 400000, 0, 0, 50), 0.00375, 1e-10);
  });

  it("returns NaN (#NUM!) when no rate solves it", () => {
    expect(rate(10, 100, 1000)).toBeNaN(); // receiving money both ways: no rate balances it
    expect(rate(10, 0, -1000, 0)).toBeNaN();
  });
});

describe("invalid arguments", () => {
  it("throw CalcInputError instead of returning a number", () => {
    expect(() => pmt(NaN, 10, 1000)).toThrow(CalcInputError);
    expect(() => pmt(0.01, Infinity, 1000)).toThrow(CalcInputError);
    expect(() => fv(0.01, 10, -100, Number.NEGATIVE_INFINITY)).toThrow(CalcInputError);
    expect(() => pv(0.01, 10, -100, 0, 2 as 0)).toThrow(CalcInputError);
    expect(() => nper(0.01, -100, NaN)).toThrow(CalcInputError);
    expect(() => rate(10, -100, 1000, 0, 0, NaN)).toThrow(CalcInputError);
  });
});
