import type { Mortgage } from "@/db/schema";
import { Stat } from "@/components/ui";
import { fromCents, monthlyPayment } from "@/lib/calc";
import { formatMonths, formatPercent, type Formatter } from "@/lib/format";
import { maskLoanNumber } from "@/lib/mortgages/crypto";
import { OCCUPANCY_LABELS, PROPERTY_TYPE_LABELS } from "@/lib/mortgages/schemas";

/** Every stored field of a mortgage, labelled; the loan number only masked. */
export function MortgageFacts({ mortgage: m, fmt }: { mortgage: Mortgage; fmt: Formatter }) {
  // The payment the loan started with; the dashboard's "Monthly payment" is today's balance at today's
  // rate over the months left, which differs once the balance is off the schedule.
  const payment = monthlyPayment(fromCents(m.originalPrincipalCents), m.originalInterestRate, m.originalTerm);
  const value = m.estimatedPropertyValueCents;
  return (
    <dl className="grid grid-cols-2 gap-x-6 gap-y-4 sm:grid-cols-3 lg:grid-cols-4">
      <Stat label="Original principal" value={fmt.cents(m.originalPrincipalCents)} />
      <Stat label="Original term" value={formatMonths(m.originalTerm)} hint={`${m.originalTerm} months`} />
      <Stat label="Original rate" value={formatPercent(m.originalInterestRate)} />
      <Stat label="Original payment" value={fmt.dollars(payment)} hint="principal and interest, on the original terms" />
      <Stat label="Originated" value={fmt.date(m.originationDate)} />
      <Stat label="Remaining principal" value={fmt.cents(m.remainingPrincipalCents)} />
      <Stat label="Months left" value={m.remainingTerm} hint={formatMonths(m.remainingTerm)} />
      <Stat label="Credit score" value={m.creditScore ?? "—"} />
      <Stat label="Property" value={m.propertyType ? PROPERTY_TYPE_LABELS[m.propertyType] : "—"} hint={m.occupancyType ? OCCUPANCY_LABELS[m.occupancyType] : undefined} />
      <Stat
        label="Property value"
        value={fmt.cents(value)}
        hint={value ? `Equity ${fmt.cents(value - m.remainingPrincipalCents, { whole: true })} · LTV ${((m.remainingPrincipalCents / value) * 100).toFixed(1)}%` : undefined}
      />
      <Stat label="Lender" value={m.lenderName ?? "—"} />
      <Stat label="Loan number" value={maskLoanNumber(m.loanNumberLast4) || "—"} />
    </dl>
  );
}
