/**
 * One-line descriptions of a calculation's inputs and its main result, for the history list,
 * its CSV export and page titles. Defensive: history rows are JSON from the database, and older
 * rows may lack fields, so anything missing is simply left out.
 */
import type { CalculatorType } from "@/lib/calc";
import { MAX_RATE_PERCENT } from "@/lib/calc/types"; // not "@/lib/calc": that brings zod to the browser
import { formatMonths, formatPercent, formatterFor, type Formatter } from "@/lib/format";
import { calculatorMeta, type FieldUnit } from "./meta";

// Money is in the homeowner's currency (`fmt`, their preference); the site's default elsewhere.
const SITE = formatterFor();

const num = (value: unknown): number | null => (typeof value === "number" && Number.isFinite(value) ? value : null);

export function formatFieldValue(unit: FieldUnit, value: number, fmt: Formatter = SITE): string {
  switch (unit) {
    case "dollars":
      return fmt.dollars(value, { whole: Number.isInteger(value) });
    case "percent":
      return formatPercent(value);
    case "years":
      return `${value} yr`;
    case "months":
      return `${value} mo`;
  }
}

/** "Loan amount $400,000 · Interest rate 4.50% · Loan term 30 yr" */
export function describeInputs(type: CalculatorType, input: Record<string, unknown>, fmt: Formatter = SITE): string {
  return calculatorMeta[type].fields
    .flatMap((field) => {
      const value = num(input[field.name]);
      if (value === null || (field.optional && value === 0)) return [];
      return [`${field.label} ${formatFieldValue(field.unit, value, fmt)}`];
    })
    .join(" · ");
}

/** "saves $678.99/mo", or "costs $120.00/mo more" when the new payment is higher. */
function savings(value: unknown, verb: "saves" | "Saves", fmt: Formatter): string | null {
  const n = num(value);
  if (n === null) return null;
  return n >= 0 ? `${verb} ${fmt.dollars(n)}/mo` : `${verb === "Saves" ? "Costs" : "costs"} ${fmt.dollars(-n)}/mo more`;
}

/**
 * Lifetime savings (interest and costs), signed: "$12,000.00 over the loan's life", or "costs
 * $4,906.42 more over the loan's life" — a lower payment on a longer loan often costs more in all.
 */
function overLife(value: unknown, fmt: Formatter): string | null {
  const n = num(value);
  if (n === null) return null;
  return n >= 0 ? `${fmt.dollars(n)} over the loan's life` : `costs ${fmt.dollars(-n)} more over the loan's life`;
}

/** The result in a phrase: "Payment $2,026.74", "Breaks even in month 31", ... */
export function describeResult(type: CalculatorType, summary: Record<string, unknown>, fmt: Formatter = SITE): string {
  const parts: (string | null)[] = [];
  switch (type) {
    case "monthly_payment":
      parts.push(num(summary.monthlyPayment) === null ? null : `Payment ${fmt.dollars(num(summary.monthlyPayment))}`);
      parts.push(num(summary.totalInterest) === null ? null : `total interest ${fmt.dollars(num(summary.totalInterest))}`);
      break;
    case "amortization":
      parts.push(num(summary.scheduledPayment) === null ? null : `Payment ${fmt.dollars(num(summary.scheduledPayment))}`);
      parts.push(num(summary.payoffMonths) === null ? null : `paid off in ${formatMonths(num(summary.payoffMonths))}`);
      parts.push(num(summary.totalInterest) === null ? null : `total interest ${fmt.dollars(num(summary.totalInterest))}`);
      break;
    case "target_rate":
      if (summary.found === false) parts.push("No rate reaches this payment");
      else if ((num(summary.gridRatePercent) ?? 0) > MAX_RATE_PERCENT) parts.push(`Any rate up to ${MAX_RATE_PERCENT}% reaches it`);
      else if (num(summary.gridRatePercent) !== null) parts.push(`Target rate ${formatPercent(num(summary.gridRatePercent))}`);
      break;
    case "break_even":
      if (num(summary.trueBreakEvenMonth) !== null) parts.push(`Breaks even in month ${num(summary.trueBreakEvenMonth)}`);
      else if ("trueBreakEvenMonth" in summary) parts.push("Never breaks even");
      parts.push(savings(summary.monthlySavings, "saves", fmt));
      break;
    case "refinance_savings":
      parts.push(savings(summary.monthlySavings, "Saves", fmt));
      parts.push(overLife(summary.lifetimeInterestSavings, fmt));
      break;
    case "efficient_frontier":
      if (num(summary.frontierRatePercent) !== null) parts.push(`Refinancing helps below ${formatPercent(num(summary.frontierRatePercent))}`);
      else if ("frontierRatePercent" in summary) parts.push("No rate helps at this month");
      if (typeof summary.position === "string") parts.push(`your offer is ${summary.position} the line`);
      break;
  }
  const text = parts.filter(Boolean).join(", ");
  return text || "—";
}
