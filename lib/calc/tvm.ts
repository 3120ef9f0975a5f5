/**
 * Spreadsheet-compatible time-value-of-money functions (Excel / LibreOffice / Google Sheets,
 * numpy-financial): same argument order, defaults and sign convention. Money paid out is
 * negative, money received positive: a 10,000 loan (pv = 10000) has a negative payment.
 *
 * All of them solve the one TVM equation
 *   pv * (1+r)^n + pmt * (1 + r*type) * ((1+r)^n - 1) / r + fv = 0
 * whose annuity factor ((1+r)^n - 1) / r tends to n as r -> 0, so the rate = 0 case that
 * spreadsheets special-case (PMT(0, 10, 1000) = -100) falls out of the same formula.
 *
 * Errors: a non-finite argument, a `type` other than 0 / 1 or a period outside 1..nper throws
 * `CalcInputError`. Valid arguments without an answer (where a spreadsheet shows #NUM! or
 * #DIV/0!, e.g. PMT with nper = 0, NPER when the payment never repays the loan) return NaN,
 * never Infinity and never a made-up 0. Results are full precision: round for display only.
 */
import { CalcInputError, type PaymentType, requireFinite, requireInteger, requirePaymentType } from "./errors";

/** (1+r)^n, through log1p so small rates keep their digits. */
export function growthFactor(rate: number, nper: number): number {
  return Math.exp(nper * Math.log1p(rate));
}

/** ((1+r)^n - 1) / r, exactly n at r = 0; expm1 avoids cancellation for tiny rates. */
export function annuityFactor(rate: number, nper: number): number {
  return rate === 0 ? nper : Math.expm1(nper * Math.log1p(rate)) / rate;
}

/** A spreadsheet shows #NUM! / #DIV/0! where the arithmetic leaves the reals; no -0 either. */
function spreadsheetResult(value: number): number {
  if (!Number.isFinite(value)) return NaN;
  return value === 0 ? 0 : value;
}

function checkArgs(args: Record<string, number>, type: number): PaymentType {
  for (const [name, value] of Object.entries(args)) requireFinite(name, value);
  return requirePaymentType(type);
}

/** PMT: the payment per period of a loan or annuity. */
export function pmt(rate: number, nper: number, pv: number, fv = 0, type: PaymentType = 0): number {
  checkArgs({ rate, nper, pv, fv }, type);
  const denominator = (1 + rate * type) * annuityFactor(rate, nper);
  return spreadsheetResult(-(fv + pv * growthFactor(rate, nper)) / denominator);
}

/** FV: the value after nper periods. */
export function fv(rate: number, nper: number, pmt: number, pv = 0, type: PaymentType = 0): number {
  checkArgs({ rate, nper, pmt, pv }, type);
  const value = pv * growthFactor(rate, nper) + pmt * (1 + rate * type) * annuityFactor(rate, nper);
  return spreadsheetResult(-value);
}

/** PV: the present value of nper payments (and a final fv). */
export function pv(rate: number, nper: number, pmt: number, fv = 0, type: PaymentType = 0): number {
  checkArgs({ rate, nper, pmt, fv }, type);
  const value = (fv + pmt * (1 + rate * type) * annuityFactor(rate, nper)) / growthFactor(rate, nper);
  return spreadsheetResult(-value);
}

/** NPER: the number of periods; may be fractional or negative, like the spreadsheet's. */
export function nper(rate: number, pmt: number, pv: number, fv = 0, type: PaymentType = 0): number {
  checkArgs({ rate, pmt, pv, fv }, type);
  if (rate === 0) return spreadsheetResult(-(fv + pv) / pmt);
  const z = (pmt * (1 + rate * type)) / rate;
  return spreadsheetResult(Math.log((z - fv) / (z + pv)) / Math.log1p(rate));
}

function checkPeriod(per: number, nperValue: number): void {
  if (!(per >= 1 && per <= nperValue)) {
    throw new CalcInputError("per", `must be between 1 and nper (${nperValue}), got ${per}`);
  }
}

/** IPMT: the interest part of payment number `per` (1-based). */
export function ipmt(
  rate: number,
  per: number,
  nper: number,
  pv: number,
  fv = 0,
  type: PaymentType = 0,
): number {
  checkArgs({ rate, per, nper, pv, fv }, type);
  checkPeriod(per, nper);
  return interestPart(rate, per, nper, pv, fv, type);
}

/** PPMT: the principal part of payment number `per`; ipmt + ppmt = pmt. */
export function ppmt(
  rate: number,
  per: number,
  nper: number,
  pv: number,
  fv = 0,
  type: PaymentType = 0,
): number {
  checkArgs({ rate, per, nper, pv, fv }, type);
  checkPeriod(per, nper);
  return spreadsheetResult(pmt(rate, nper, pv, fv, type) - interestPart(rate, per, nper, pv, fv, type));
}

/**
 * Interest of period `per` = rate times the balance after per - 1 payments (numpy-financial's
 * and Excel's definition). With payments at the beginning, the first payment carries no
 * interest and later ones are discounted by one period, because the payment comes first.
 */
function interestPart(
  rate: number,
  per: number,
  nperValue: number,
  pvValue: number,
  fvValue: number,
  type: PaymentType,
): number {
  if (type === 1 && per === 1) return 0;
  const payment = pmt(rate, nperValue, pvValue, fvValue, type);
  const interest = fv(rate, per - 1, payment, pvValue, type) * rate;
  return spreadsheetResult(type === 1 ? interest / (1 + rate) : interest);
}

function checkRange(nperValue: number, start: number, end: number): void {
  requireInteger("start", start, 1);
  requireInteger("end", end, start);
  if (end > nperValue) throw new CalcInputError("end", `must be at most nper (${nperValue}), got ${end}`);
}

/**
 * CUMIPMT: interest paid from period `start` to `end` inclusive (negative for a loan).
 * Deviation from Excel, on purpose: Excel answers #NUM! for rate <= 0 or pv <= 0; here
 * rate = 0 gives 0 interest (what the loan really costs), and the sign simply follows pv.
 * `start` and `end` must be whole periods: Excel's versions disagree on a fraction (2003
 * truncated it, later ones compute with it), so here a fraction is an input error, not a guess.
 */
export function cumipmt(
  rate: number,
  nper: number,
  pv: number,
  start: number,
  end: number,
  type: PaymentType = 0,
): number {
  checkArgs({ rate, nper, pv, start, end }, type);
  checkRange(nper, start, end);
  let total = 0;
  for (let per = start; per <= end; per++) total += interestPart(rate, per, nper, pv, 0, type);
  return spreadsheetResult(total);
}

/** CUMPRINC: principal repaid from period `start` to `end` inclusive (negative for a loan). */
export function cumprinc(
  rate: number,
  nper: number,
  pv: number,
  start: number,
  end: number,
  type: PaymentType = 0,
): number {
  checkArgs({ rate, nper, pv, start, end }, type);
  checkRange(nper, start, end);
  const payment = pmt(rate, nper, pv, 0, type);
  let total = 0;
  for (let per = start; per <= end; per++) total += payment - interestPart(rate, per, nper, pv, 0, type);
  return spreadsheetResult(total);
}
