/**
 * Where a mortgage stands on its own amortization schedule: the projected balance on any date,
 * and the series the balance chart draws. Plain TypeScript over lib/calc (no framework
 * imports), so the form can pre-fill the same numbers the server stores.
 */
import { amortizationSchedule, type AmortizationRow } from "@/lib/calc";
import { addMonths, monthsBetween } from "./dates";

export interface LoanTerms {
  /** Dollars. */
  principal: number;
  ratePercent: number;
  termMonths: number;
}

export interface SchedulePosition {
  /** Payments made by `asOf` (0..term). */
  paymentsMade: number;
  /** Scheduled balance after those payments, dollars rounded to cents. */
  balance: number;
  monthsLeft: number;
}

/** The scheduled balance after `paymentsMade` payments, read from the schedule's rows (cents exact). */
export function balanceFromRows(principal: number, rows: readonly AmortizationRow[], paymentsMade: number): number {
  if (paymentsMade <= 0) return principal;
  if (paymentsMade >= rows.length) return 0;
  return rows[paymentsMade - 1]!.balance;
}

/** Position on the schedule as of a date (e.g. today), for a loan originated on `originationDate`. */
export function positionAsOf(loan: LoanTerms, originationDate: string, asOf: string): SchedulePosition {
  const schedule = amortizationSchedule({ principal: loan.principal, annualRatePercent: loan.ratePercent, termMonths: loan.termMonths });
  const paymentsMade = Math.min(loan.termMonths, monthsBetween(originationDate, asOf));
  return {
    paymentsMade,
    balance: balanceFromRows(loan.principal, schedule.rows, paymentsMade),
    monthsLeft: loan.termMonths - paymentsMade,
  };
}

/** Like positionAsOf, but answers null when the inputs are incomplete or out of range (for live form pre-fill). */
export function tryPositionAsOf(loan: Partial<LoanTerms>, originationDate: string | undefined, asOf: string): SchedulePosition | null {
  const { principal, ratePercent, termMonths } = loan;
  if (!originationDate || principal === undefined || ratePercent === undefined || termMonths === undefined) return null;
  if (!(principal >= 1_000 && principal <= 100_000_000 && ratePercent >= 0 && ratePercent <= 25)) return null;
  if (!Number.isInteger(termMonths) || termMonths < 12 || termMonths > 600) return null;
  if (originationDate > asOf) return null;
  return positionAsOf({ principal, ratePercent, termMonths }, originationDate, asOf);
}

export interface Snapshot {
  recordedOn: string;
  /** Dollars. */
  balance: number;
  ratePercent: number;
  monthsLeft: number;
}

export interface ChartPoint {
  /** Payments made since origination (the x axis). */
  month: number;
  date: string;
  projected: number;
  /** The recorded balance, on the months that have a snapshot. */
  recorded?: number;
}

export interface BalanceSeries {
  points: ChartPoint[];
  todayMonth: number;
  /** Per snapshot: the projected balance on its date and the gap (projected - recorded; positive = ahead of schedule). */
  snapshots: (Snapshot & { month: number; projected: number; gap: number })[];
}

/**
 * The projected balance over the life of the loan with the recorded snapshots placed on it.
 * Two snapshots in the same month: the later one is plotted (the table lists both).
 */
export function balanceSeries(loan: LoanTerms, originationDate: string, snapshots: readonly Snapshot[], today: string): BalanceSeries {
  const schedule = amortizationSchedule({ principal: loan.principal, annualRatePercent: loan.ratePercent, termMonths: loan.termMonths });
  const points: ChartPoint[] = [];
  for (let month = 0; month <= loan.termMonths; month++) {
    points.push({ month, date: addMonths(originationDate, month), projected: balanceFromRows(loan.principal, schedule.rows, month) });
  }
  const ordered = [...snapshots].sort((a, b) => a.recordedOn.localeCompare(b.recordedOn));
  const placed = ordered.map((s) => {
    const month = Math.min(loan.termMonths, monthsBetween(originationDate, s.recordedOn));
    const projected = points[month]!.projected;
    points[month]!.recorded = s.balance;
    return { ...s, month, projected, gap: Math.round((projected - s.balance) * 100) / 100 };
  });
  return { points, todayMonth: Math.min(loan.termMonths, monthsBetween(originationDate, today)), snapshots: placed };
}
