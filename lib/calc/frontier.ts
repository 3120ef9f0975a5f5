/**
 * "Efficient frontier" of refinancing (the original app's name): for every month m since
 * origination, the highest rate at which refinancing the balance then, for the new term,
 * still pays less total interest (costs included) than keeping the original loan.
 *
 * Closed forms make it cheap. Keeping the loan from month m costs (n - m) * PMT - B_m in
 * interest; refinancing B_m at monthly rate x over N months costs N * PMT_x(B_m) - B_m + C.
 * Refinancing pays less while PMT_x(B_m) < ((n - m) * PMT - C) / N, and PMT_x rises with x,
 * so the frontier rate is the rate whose payment equals that target (a bracketed
 * Newton/bisection solve on that monotone function). When the target is at or below the 0 %
 * payment B_m / N (remaining interest <= costs), no rate helps. The original searched
 * 0.125 % steps and summed interest period by period; this is one solve of a few steps per
 * month, and a 360-month frontier takes about a millisecond.
 */
import { CalcInputError, requireInteger, requireNonNegative } from "./errors";
import {
  balanceAtMonthlyRate,
  monthlyPayment,
  monthlyRateFromPercent,
  paymentAtMonthlyRate,
  percentFromMonthlyRate,
  solveMonthlyRateForPayment,
  validateLoan,
} from "./loan";

/** Amounts closer than this are the same money. */
const HALF_CENT = 0.005;

export interface FrontierInput {
  /** The original loan. */
  principal: number;
  annualRatePercent: number;
  termMonths: number;
  /** Term of the refinance loan, months. */
  newTermMonths: number;
  /** Closing costs of the refinance, dollars. */
  costs: number;
  /** Optional homeowner's point: months since origination and the rate offered now. */
  homeowner?: { month: number; ratePercent: number };
}

export interface FrontierPoint {
  /** Payments made on the original loan (0 = at origination). */
  month: number;
  balance: number;
  /** Interest left to pay if the original loan is kept from this month. */
  remainingInterest: number;
  /** Highest annual rate (percent) at which refinancing pays less; null when no rate does. */
  maxRatePercent: number | null;
}

export interface HomeownerPosition {
  month: number;
  ratePercent: number;
  frontierRatePercent: number | null;
  /** below: refinancing at this rate pays less interest; above: it pays more. */
  position: "below" | "on" | "above";
  keepInterest: number;
  refiInterestPlusCosts: number;
  /** keepInterest - refiInterestPlusCosts (positive = refinancing saves). */
  interestSavings: number;
}

export interface FrontierResult {
  /** One point per month 0..termMonths-1. */
  points: FrontierPoint[];
  /** Last month at which some rate > 0 still helps; null if none ever does. */
  lastHelpfulMonth: number | null;
  /** First month from which no rate helps (remaining interest <= costs); null if every month has one. */
  noRateHelpsFromMonth: number | null;
  homeowner: HomeownerPosition | null;
}

export function efficientFrontier(input: FrontierInput): FrontierResult {
  const { principal, annualRatePercent, termMonths, newTermMonths, costs, homeowner } = input;
  validateLoan(principal, annualRatePercent, termMonths);
  requireInteger("newTermMonths", newTermMonths, 1);
  requireNonNegative("costs", costs);

  const i = monthlyRateFromPercent(annualRatePercent);
  const payment = monthlyPayment(principal, annualRatePercent, termMonths);
  const points: FrontierPoint[] = [];
  let lastHelpfulMonth: number | null = null;

  for (let month = 0; month < termMonths; month++) {
    const balance = balanceAtMonthlyRate(principal, i, termMonths, month);
    const remainingInterest = (termMonths - month) * payment - balance;
    let maxRatePercent: number | null = null;
    // Some rate helps only if even a 0 % refinance (interest 0, so just the costs) beats keeping
    // the loan, by at least half a cent so float noise between equal amounts does not count.
    if (remainingInterest - costs >= HALF_CENT) {
      const targetPayment = ((termMonths - month) * payment - costs) / newTermMonths;
      maxRatePercent = percentFromMonthlyRate(solveMonthlyRateForPayment(balance, newTermMonths, targetPayment));
      lastHelpfulMonth = month;
    }
    points.push({ month, balance, remainingInterest, maxRatePercent });
  }

  const noRateHelpsFromMonth =
    lastHelpfulMonth === null ? 0 : lastHelpfulMonth + 1 < termMonths ? lastHelpfulMonth + 1 : null;
  return {
    points,
    lastHelpfulMonth,
    noRateHelpsFromMonth,
    homeowner: homeowner ? locateHomeowner(points, newTermMonths, costs, homeowner, termMonths) : null,
  };
}

function locateHomeowner(
  points: FrontierPoint[],
  newTermMonths: number,
  costs: number,
  { month, ratePercent }: { month: number; ratePercent: number },
  termMonths: number,
): HomeownerPosition {
  requireInteger("homeowner.month", month, 0);
  if (month >= termMonths) {
    throw new CalcInputError("homeowner.month", `must be before the loan's last month (${termMonths}), got ${month}`);
  }
  requireNonNegative("homeowner.ratePercent", ratePercent);
  const point = points[month];
  const refiPayment = paymentAtMonthlyRate(point.balance, monthlyRateFromPercent(ratePercent), newTermMonths);
  const refiInterestPlusCosts = newTermMonths * refiPayment - point.balance + costs;
  const interestSavings = point.remainingInterest - refiInterestPlusCosts;
  // Within half a cent the two choices cost the same.
  const position = interestSavings >= HALF_CENT ? "below" : interestSavings <= -HALF_CENT ? "above" : "on";
  return {
    month,
    ratePercent,
    frontierRatePercent: point.maxRatePercent,
    position,
    keepInterest: point.remainingInterest,
    refiInterestPlusCosts,
    interestSavings,
  };
}
