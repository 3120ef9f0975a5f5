/** Property tests (fast-check) over the whole mortgage input range the forms allow. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  amortizationSchedule,
  balanceAfter,
  compareRefinance,
  efficientFrontier,
  lifetimeInterest,
  monthlyPayment,
  pmt,
  rate,
  simpleBreakEven,
  toCents,
} from "./index";

const dollars = (min: number, max: number) => fc.integer({ min: min * 100, max: max * 100 }).map((cents) => cents / 100);
const principal = dollars(1_000, 100_000_000);
const ratePercent = fc.integer({ min: 0, max: 2500 }).map((hundredths) => hundredths / 100); // 0-25 %
const termMonths = fc.integer({ min: 1, max: 600 });

describe("amortization schedule properties", () => {
  it("principal column sums to the loan (within a cent), interest column to the total, balance ends at 0", () => {
    fc.assert(
      fc.property(principal, ratePercent, termMonths, dollars(0, 5_000), (p, r, n, extra) => {
        const schedule = amortizationSchedule({ principal: p, annualRatePercent: r, termMonths: n, extraMonthlyPrincipal: extra });
        const principalCents = schedule.rows.reduce((sum, row) => sum + toCents(row.principal), 0);
        const interestCents = schedule.rows.reduce((sum, row) => sum + toCents(row.interest), 0);
        expect(Math.abs(principalCents - toCents(p))).toBeLessThanOrEqual(1);
        expect(interestCents).toBe(toCents(schedule.totalInterest));
        expect(schedule.rows.at(-1)?.balance).toBe(0);
        expect(schedule.payoffMonths).toBeLessThanOrEqual(n);
      }),
      { numRuns: 200 },
    );
  });

  it("the balance never rises month to month, and every row is consistent", () => {
    // Plain booleans (not an expect per row) keep 200 runs of up to 600 rows fast.
    fc.assert(
      fc.property(principal, ratePercent, termMonths, dollars(0, 5_000), (p, r, n, extra) => {
        let previousCents = toCents(p);
        return amortizationSchedule({ principal: p, annualRatePercent: r, termMonths: n, extraMonthlyPrincipal: extra }).rows.every((row) => {
          const balanceCents = toCents(row.balance);
          const ok =
            balanceCents <= previousCents &&
            row.principal >= 0 &&
            toCents(row.payment) === toCents(row.interest) + toCents(row.principal) &&
            balanceCents === previousCents - toCents(row.principal);
          previousCents = balanceCents;
          return ok;
        });
      }),
      { numRuns: 200 },
    );
  });

  it("the closed-form balance never rises either", () => {
    fc.assert(
      fc.property(principal, ratePercent, termMonths, (p, r, n) => {
        let previous = p;
        for (let m = 1; m <= n; m += Math.max(1, Math.floor(n / 24))) {
          const balance = balanceAfter(p, r, n, m);
          expect(balance).toBeLessThanOrEqual(previous * (1 + 1e-12));
          expect(balance).toBeGreaterThanOrEqual(0);
          previous = balance;
        }
      }),
    );
  });
});

describe("payment properties", () => {
  it("the payment rises with the rate, and is at least the 0 % payment P / n", () => {
    fc.assert(
      fc.property(principal, ratePercent, ratePercent, termMonths, (p, r1, r2, n) => {
        fc.pre(r1 !== r2);
        const [low, high] = r1 < r2 ? [r1, r2] : [r2, r1];
        expect(monthlyPayment(p, high, n)).toBeGreaterThan(monthlyPayment(p, low, n));
        expect(monthlyPayment(p, low, n)).toBeGreaterThanOrEqual((p / n) * (1 - 1e-12));
      }),
    );
  });

  it("RATE inverts PMT", () => {
    fc.assert(
      fc.property(principal, fc.integer({ min: 1, max: 2500 }).map((x) => x / 100), fc.integer({ min: 2, max: 600 }), (p, r, n) => {
        const i = r / 1200;
        expect(Math.abs(rate(n, pmt(i, n, p), p) - i)).toBeLessThan(1e-9);
      }),
    );
  });
});

describe("refinance properties", () => {
  const refinance = fc.record({
    balance: dollars(1_000, 10_000_000),
    currentRatePercent: ratePercent,
    monthsLeft: termMonths,
    newRatePercent: ratePercent,
    newTermMonths: termMonths,
    costs: dollars(0, 100_000),
  });

  it("break-even is none whenever the billed monthly savings are <= 0, and pays the costs back otherwise", () => {
    fc.assert(
      fc.property(refinance, (input) => {
        const result = compareRefinance(input);
        // The savings a homeowner sees: the difference of the two payments as billed (cents).
        const billed = (toCents(result.currentPayment) - toCents(result.newPayment)) / 100;
        if (billed <= 0) {
          expect(result.simpleBreakEvenMonths).toBeNull();
        } else {
          const months = result.simpleBreakEvenMonths;
          expect(months).not.toBeNull();
          expect((months ?? 0) * billed).toBeGreaterThanOrEqual(input.costs * (1 - 1e-9));
          // and not one month more than needed
          expect(((months ?? 0) - 1) * billed).toBeLessThan(input.costs * (1 + 1e-9) + 1e-9);
        }
      }),
    );
  });

  it("simpleBreakEven is null for any savings <= 0", () => {
    fc.assert(
      fc.property(dollars(0, 1_000_000), fc.double({ min: -1e6, max: 0, noNaN: true }), (costs, savings) => {
        expect(simpleBreakEven(costs, savings)).toBeNull();
      }),
    );
  });
});

describe("efficient frontier properties", () => {
  it("each frontier rate is >= 0, makes refinancing cost exactly the interest left, and is at most the loan's rate when the new term is not shorter", () => {
    fc.assert(
      fc.property(
        dollars(1_000, 10_000_000),
        fc.integer({ min: 1, max: 2500 }).map((x) => x / 100),
        fc.integer({ min: 1, max: 480 }),
        fc.integer({ min: 1, max: 480 }),
        dollars(0, 50_000),
        (p, r, n, newTermMonths, costs) => {
          const result = efficientFrontier({ principal: p, annualRatePercent: r, termMonths: n, newTermMonths, costs });
          const from = result.noRateHelpsFromMonth ?? n;
          return result.points.every((point) => {
            // Helpful months are exactly the months before noRateHelpsFromMonth.
            if ((point.maxRatePercent !== null) !== point.month < from) return false;
            if (point.maxRatePercent === null) return point.remainingInterest - costs < 0.005;
            if (point.maxRatePercent < 0) return false;
            if (newTermMonths >= n - point.month && point.maxRatePercent > r * (1 + 1e-9)) return false;
            const refi = lifetimeInterest(point.balance, point.maxRatePercent, newTermMonths) + costs;
            return Math.abs(refi - point.remainingInterest) < 1e-6 * Math.max(1, point.remainingInterest);
          });
        },
      ),
      { numRuns: 60 },
    );
  });
});
