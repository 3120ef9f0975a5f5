/**
 * Input errors of the calculator core.
 *
 * The original app swallowed every error and showed 0 (a 0 payment, a negative break-even).
 * Here a bad argument is never turned into a number: functions throw `CalcInputError`, and
 * form input is rejected earlier by the zod schemas in `schemas.ts`.
 */
export class CalcInputError extends Error {
  /** Name of the offending argument, e.g. "principal". */
  readonly field: string;

  constructor(field: string, message: string) {
    super(`${field}: ${message}`);
    this.name = "CalcInputError";
    this.field = field;
  }
}

/** Any finite number (negative allowed: spreadsheet TVM arguments carry signs). */
export function requireFinite(field: string, value: number): number {
  if (typeof value !== "number" || !Number.isFinite(value)) {
    throw new CalcInputError(field, `must be a finite number, got ${String(value)}`);
  }
  return value;
}

/** A finite number > 0 (principal, balance, target payment). */
export function requirePositive(field: string, value: number): number {
  requireFinite(field, value);
  if (value <= 0) throw new CalcInputError(field, `must be greater than 0, got ${value}`);
  return value;
}

/** A finite number >= 0 (rates in percent, costs, extra principal). */
export function requireNonNegative(field: string, value: number): number {
  requireFinite(field, value);
  if (value < 0) throw new CalcInputError(field, `must not be negative, got ${value}`);
  return value;
}

/** A whole number >= min (terms in months, month indexes). */
export function requireInteger(field: string, value: number, min: number): number {
  requireFinite(field, value);
  if (!Number.isInteger(value) || value < min) {
    throw new CalcInputError(field, `must be a whole number >= ${min}, got ${value}`);
  }
  return value;
}

/** Spreadsheet payment timing: 0 = end of period (default), 1 = beginning of period. */
export type PaymentType = 0 | 1;

export function requirePaymentType(value: number): PaymentType {
  if (value !== 0 && value !== 1) {
    throw new CalcInputError("type", `must be 0 (end of period) or 1 (beginning), got ${String(value)}`);
  }
  return value;
}
