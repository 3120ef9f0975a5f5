import Link from "next/link";
import { Banner, Card } from "@/components/ui";
import type { AlertStatus } from "@/lib/alerts/status";
import type { BillingSubscription } from "@/lib/billing/queries";
import { formatCents, formatPercent, type Formatter } from "@/lib/format";
import { CancelToggle } from "./cancel-toggle";
import { SubscriptionStatusBadge } from "./subscription-status-badge";

/** The "Monitoring" line: whether this alert watches the market now, and if not, why. */
const MONITORING: Record<AlertStatus, string> = {
  monitoring: "On",
  grace: "On (payment past due)",
  paused: "Paused by you",
  dismissed: "Off: alert dismissed",
  deleted: "Off: alert deleted",
  awaiting_payment: "Off (not paid)",
  payment_lapsed: "Off (not paid)",
};

/** "Rate at or below 6.50%", "Payment at or below $2,100.00/mo": an alert's target, short. */
export function alertSummary(a: Pick<BillingSubscription["alert"], "alertType" | "targetInterestRate" | "targetMonthlyPaymentCents">, fmt: Formatter): string {
  return a.alertType === "interest_rate" ? `Rate at or below ${formatPercent(a.targetInterestRate)}` : `Payment at or below ${fmt.cents(a.targetMonthlyPaymentCents)}/mo`;
}

/**
 * One paid alert on the billing page: status, price, renewal or end date, cancel / resume. The
 * price is Stripe's, in the site's currency; the alert's target and the dates are the homeowner's.
 */
export function SubscriptionCard({ row, fmt }: { row: BillingSubscription; fmt: Formatter }) {
  const day = (d: Date | null) => (d ? fmt.date(d.toISOString()) : "—");
  const { sub, alert, mortgageName } = row;
  const ended = sub.status === "canceled" || sub.status === "incomplete_expired";
  const label = `${mortgageName}: ${alertSummary(alert, fmt)}`;
  return (
    <Card aria-label={label} data-testid="subscription">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="min-w-0">
          <h3 className="font-semibold text-slate-900 dark:text-slate-100">
            {alert.deletedAt ? (
              mortgageName
            ) : (
              <Link href={`/alerts/${alert.id}`} className="hover:underline">
                {mortgageName}
              </Link>
            )}
          </h3>
          <p className="text-sm text-slate-600 dark:text-slate-400">{alertSummary(alert, fmt)}</p>
        </div>
        <SubscriptionStatusBadge status={sub.status} cancelAtPeriodEnd={sub.cancelAtPeriodEnd} />
      </div>
      <dl className="mt-4 grid grid-cols-1 gap-3 text-sm sm:grid-cols-3">
        <div>
          <dt className="text-slate-500 dark:text-slate-400">Price</dt>
          <dd className="font-medium tabular-nums text-slate-900 dark:text-slate-100">
            {formatCents(sub.amountCents)} / {sub.interval}
          </dd>
        </div>
        <div>
          <dt className="text-slate-500 dark:text-slate-400">{ended ? "Ended" : sub.cancelAtPeriodEnd ? "Ends on" : "Renews on"}</dt>
          <dd className="font-medium text-slate-900 dark:text-slate-100" data-testid="period-date">
            {day(ended ? (sub.endedAt ?? sub.canceledAt) : sub.currentPeriodEnd)}
          </dd>
        </div>
        <div>
          <dt className="text-slate-500 dark:text-slate-400">Monitoring</dt>
          <dd className="font-medium text-slate-900 dark:text-slate-100">{MONITORING[row.alertState]}</dd>
        </div>
      </dl>
      {sub.status === "past_due" && (
        <div className="mt-4">
          <Banner tone="warning">
            Your last payment failed. We keep monitoring until {day(sub.currentPeriodEnd)}; please update your payment method.
          </Banner>
        </div>
      )}
      {sub.status === "unpaid" && (
        <div className="mt-4">
          <Banner tone="error">Payments failed and monitoring is paused. Update your payment method to resume it.</Banner>
        </div>
      )}
      {!ended && (
        <div className="mt-4">
          <CancelToggle subscriptionId={sub.id} cancelAtPeriodEnd={sub.cancelAtPeriodEnd} label={label} />
        </div>
      )}
    </Card>
  );
}
