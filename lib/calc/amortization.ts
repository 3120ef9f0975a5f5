/**
 * Amortization schedule, row by row in whole cents.
 *
 * This is where rounding happens on purpose: a lender charges cents, so each row's interest
 * is rounded to the cent and the balance carried in exact integer cents. That makes the
 * columns add up exactly (the interest column IS the total interest, the principal column IS
 * the loan), and the last payment absorbs the leftover cents so the balance ends at 0.00.
 */
import { requireNonNegative } from "./errors";
import { fromCents, toCents } from "./rounding";
import { monthlyPayment, monthlyRateFromPercent, validateLoan } from "./loan";

export interface AmortizationInput {
  principal: number;
  annualRatePercent: number;
  termMonths: number;
  /** Paid on top of every scheduled payment, straight to principal; shortens the schedule. */
  extraMonthlyPrincipal?: number;
}

/** One month. payment = interest + principal; balance = previous balance - principal. */
export interface AmortizationRow {
  month: number;
  payment: number;
  interest: number;
  /** All principal repaid this month, extra included. */
  principal: number;
  /** The part of `principal` that was extra. */
  extraPrincipal: number;
  balance: number;
}

export interface AmortizationSchedule {
  /** The scheduled monthly payment, rounded to the cent (what the lender bills). */
  scheduledPayment: number;
  rows: AmortizationRow[];
  /** Sum of the interest column. */
  totalInterest: number;
  /** Sum of the payment column (principal + total interest). */
  totalPaid: number;
  /** Number of payments until the balance is 0 (less than the term with extra principal). */
  payoffMonths: number;
}

/**
 * A month's interest on a balance in cents, rounded half up to the cent. A rate quoted to
 * thousandths of a percent (every rate the forms accept) is computed in exact integers:
 * balance * rate / 1,200,000, which stays below 2^53 within the forms' limits. With floats,
 * a half cent could round either way (200,000.80 at 7.5 % is 1,250.005 a month: 1,250.01).
 */
function monthlyInterestCents(annualRatePercent: number): (balanceCents: number) => number {
  const thousandths = Math.round(annualRatePercent * 1000);
  if (Math.abs(thousandths - annualRatePercent * 1000) > 1e-6) {
    const i = monthlyRateFromPercent(annualRatePercent);
    return (balanceCents) => Math.round(balanceCents * i);
  }
  const divisor = 1_200_000; // 12 months x 100 (percent) x 1000 (thousandths)
  return (balanceCents) => {
    const twice = 2 * balanceCents * thousandths + divisor; // half up: floor((2n + d) / 2d)
    if (!Number.isSafeInteger(twice)) return Math.round((balanceCents * thousandths) / divisor);
    return (twice - (twice % (2 * divisor))) / (2 * divisor);
  };
}

/** All amounts in the result are dollars rounded to cents. */
export function amortizationSchedule(input: AmortizationInput): AmortizationSchedule {
  const { principal, annualRatePercent, termMonths, extraMonthlyPrincipal = 0 } = input;
  validateLoan(principal, annualRatePercent, termMonths);
  requireNonNegative("extraMonthlyPrincipal", extraMonthlyPrincipal);

  const interestOn = monthlyInterestCents(annualRatePercent);
  const paymentCents = toCents(monthlyPayment(principal, annualRatePercent, termMonths));
  const extraCents = toCents(extraMonthlyPrincipal);
  const rows: AmortizationRow[] = [];
  let balanceCents = toCents(principal);
  let interestTotalCents = 0;
  let paidTotalCents = 0;

  for (let month = 1; balanceCents > 0 && month <= termMonths; month++) {
    const interestCents = interestOn(balanceCents);
    // Never negative: a balance carried in cents can accrue a fraction of a cent more interest
    // than the rounded payment covers; the balance must not grow because of that.
    const scheduledPrincipalCents = Math.max(0, paymentCents - interestCents);
    // The last month (or the month the extra principal clears the loan) repays whatever is
    // left: this is the "last payment adjusted" rule that ends the balance at exactly 0.00.
    const isLast = month === termMonths || scheduledPrincipalCents + extraCents >= balanceCents;
    const principalCents = isLast ? balanceCents : scheduledPrincipalCents + extraCents;
    const extraPaidCents = isLast
      ? Math.max(0, Math.min(extraCents, balanceCents - scheduledPrincipalCents))
      : extraCents;

    balanceCents -= principalCents;
    interestTotalCents += interestCents;
    paidTotalCents += interestCents + principalCents;
    rows.push({
      month,
      payment: fromCents(interestCents + principalCents),
      interest: fromCents(interestCents),
      principal: fromCents(principalCents),
      extraPrincipal: fromCents(extraPaidCents),
      balance: fromCents(balanceCents),
    });
  }

  return {
    scheduledPayment: fromCents(paymentCents),
    rows,
    totalInterest: fromCents(interestTotalCents),
    totalPaid: fromCents(paidTotalCents),
    payoffMonths: rows.length,
  };
}

export interface YearSummary {
  /** 1 = months 1-12 of the schedule. */
  year: number;
  payments: number;
  interest: number;
  principal: number;
  extraPrincipal: number;
  /** Balance after the year's last payment. */
  endBalance: number;
}

/** Totals per 12 months of a schedule (for the yearly table and the balance chart). */
export function yearlySummary(rows: readonly AmortizationRow[]): YearSummary[] {
  const years: YearSummary[] = [];
  // Sum in cents so the yearly totals add up to the schedule's totals exactly.
  let cents = { payments: 0, interest: 0, principal: 0, extraPrincipal: 0 };
  rows.forEach((row, index) => {
    cents.payments += toCents(row.payment);
    cents.interest += toCents(row.interest);
    cents.principal += toCents(row.principal);
    cents.extraPrincipal += toCents(row.extraPrincipal);
    if ((index + 1) % 12 === 0 || index === rows.length - 1) {
      years.push({
        year: Math.floor(index / 12) + 1,
        payments: fromCents(cents.payments),
        interest: fromCents(cents.interest),
        principal: fromCents(cents.principal),
        extraPrincipal: fromCents(cents.extraPrincipal),
        endBalance: row.balance,
      });
      cents = { payments: 0, interest: 0, principal: 0, extraPrincipal: 0 };
    }
  });
  return years;
}
