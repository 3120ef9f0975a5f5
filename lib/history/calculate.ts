/**
 * Validate and run one calculator: the one path from form or URL values to a result, used by
 * the pages (server render of a shared URL), the save action and the history. Plain
 * TypeScript: no database, no request.
 */
import {
  CalcInputError,
  calculatorSchemas,
  runCalculator,
  type CalculatorInput,
  type CalculatorOutput,
  type CalculatorType,
} from "@/lib/calc";

export type FieldErrors = Record<string, string[]>;

export type Calculation<T extends CalculatorType = CalculatorType> =
  | { ok: true; type: T; input: CalculatorInput<T>; output: CalculatorOutput<T> }
  | { ok: false; type: T; errors: FieldErrors };

/** Longest text accepted for one field: enough for "$100,000,000.00", short of abuse. */
const MAX_FIELD_LENGTH = 40;

export function calculate<T extends CalculatorType>(type: T, raw: unknown): Calculation<T> {
  if (typeof raw !== "object" || raw === null) return { ok: false, type, errors: { form: ["Enter the calculator's values."] } };
  const tooLong: FieldErrors = {};
  for (const [key, value] of Object.entries(raw)) {
    if (typeof value === "string" && value.length > MAX_FIELD_LENGTH) tooLong[key] = ["That number is too long."];
  }
  if (Object.keys(tooLong).length) return { ok: false, type, errors: tooLong };

  const parsed = calculatorSchemas[type].safeParse(raw);
  if (!parsed.success) {
    const errors: FieldErrors = {};
    for (const issue of parsed.error.issues) {
      const key = String(issue.path[0] ?? "form");
      (errors[key] ??= []).push(issue.message);
    }
    return { ok: false, type, errors };
  }
  try {
    const output = runCalculator(type, parsed.data);
    return { ok: true, type, input: parsed.data as CalculatorInput<T>, output };
  } catch (err) {
    // The schemas keep the core's arguments valid; if one still slips through, say so plainly.
    if (err instanceof CalcInputError) {
      const key = Object.hasOwn(parsed.data as object, err.field) ? err.field : "form";
      return { ok: false, type, errors: { [key]: ["These values cannot be calculated."] } };
    }
    throw err;
  }
}
