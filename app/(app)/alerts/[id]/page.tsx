import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { AlertControls } from "@/components/alerts/alert-controls";
import { AlertStatusBadge } from "@/components/alerts/alert-status-badge";
import { alertValues } from "@/components/alerts/alert-values";
import { BacktestPanel } from "@/components/alerts/backtest-panel";
import { ActivateAlertButton } from "@/components/billing/activate-alert-button";
import { Badge, Banner, ButtonLink, Card, CardHeader, FlashBanner, PageHeader, Stat, Table, TBody, Td, Th, THead } from "@/components/ui";
import { describeTarget } from "@/lib/alerts/evaluate";
import { latestByProduct } from "@/lib/alerts/page-data";
import { productNote } from "@/lib/alerts/products";
import { alertTriggers, getAlert, targetOf, type AlertRow } from "@/lib/alerts/queries";
import { ALERT_TYPE_LABELS, isUuid } from "@/lib/alerts/schemas";
import { bothSeries } from "@/lib/alerts/series";
import { alertStatus, needsPayment } from "@/lib/alerts/status";
import { requireUser } from "@/lib/auth/session";
import { NotFoundError } from "@/lib/errors";
import { formatCents, formatMonths, formatPercent, formatterFor } from "@/lib/format";

export const metadata: Metadata = { title: "Alert" };

const TRIGGER_STATUS: Record<string, string> = { triggered: "New", notified: "Emailed", acknowledged: "Acknowledged", expired: "Expired" };
const ACTIONS: Record<string, string> = { dismissed: "Dismissed", snoozed: "Snoozed", contacted_lender: "Contacted a lender", none: "" };

export default async function AlertPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ created?: string; saved?: string }> }) {
  const { id } = await params;
  const user = await requireUser(`/alerts/${id}`);
  const fmt = formatterFor(user.display);
  if (!isUuid(id)) notFound();
  const alert = await getAlert(user.id, id).catch((err) => {
    if (err instanceof NotFoundError) notFound();
    throw err;
  });
  const [latest, series, history, flags] = await Promise.all([latestByProduct(), bothSeries(), alertTriggers(user.id, id), searchParams]);
  const status = alertStatus(alert, alert.subscription);
  const v = alertValues(alert, latest, fmt);
  const note = productNote(alert.targetTerm);
  const billing = billingLine(alert.subscription, (d) => fmt.date(d.toISOString()));

  return (
    <div className="space-y-6">
      <PageHeader
        title={`${ALERT_TYPE_LABELS[alert.alertType]} alert on ${alert.mortgageName}`}
        description={describeTarget(targetOf(alert), (c) => fmt.cents(c))}
        actions={<ButtonLink href={`/alerts/${alert.id}/edit`} variant="secondary">Edit</ButtonLink>}
      />
      {flags.created && <FlashBanner params={["created"]}>Alert created.{needsPayment(alert, alert.subscription) ? " Activate it below to start monitoring." : ""}</FlashBanner>}
      {flags.saved && <FlashBanner params={["saved"]}>Changes saved.</FlashBanner>}
      {status === "grace" && (
        <Banner tone="warning">
          Your last payment failed. We keep watching until {fmt.date(alert.subscription?.currentPeriodEnd?.toISOString() ?? null)}; please update your card on the{" "}
          <Link href="/billing" className="font-semibold underline">Billing page</Link>.
        </Banner>
      )}
      <Card>
        <div className="mb-4 flex flex-wrap items-center justify-between gap-3">
          <div className="flex items-center gap-2">
            <span className="text-sm text-slate-600 dark:text-slate-400">Status</span>
            <AlertStatusBadge status={status} />
          </div>
          <AlertControls alertId={alert.id} paused={!alert.isActive || alert.pausedAt !== null} dismissed={alert.userDismissed} monitored={status === "monitoring" || status === "grace"} />
        </div>
        {needsPayment(alert, alert.subscription) && !alert.userDismissed && (
          <div className="mb-4 rounded-lg border border-sky-200 bg-sky-50 p-4 dark:border-sky-900 dark:bg-sky-950/40">
            <p className="mb-3 text-sm text-sky-900 dark:text-sky-100">
              {status === "payment_lapsed" ? "This alert's subscription has ended, so it isn't watching the market." : "This alert is awaiting payment: it starts watching the market once activated."}
            </p>
            <ActivateAlertButton alertId={alert.id} />
          </div>
        )}
        <dl className="grid grid-cols-2 gap-4 sm:grid-cols-4">
          <Stat label="Target" value={v.target} />
          <Stat
            label={`Today (${v.productLabel})`}
            value={v.today}
            // A payment target counts the costs as borrowed, so this is not the dashboard's "Payment if refinanced".
            hint={v.market ? `week of ${fmt.date(v.market.date)}${alert.alertType === "monthly_payment" ? ", on your balance plus costs" : ""}` : undefined}
          />
          <Stat label="Term" value={formatMonths(alert.targetTerm)} hint={note ?? undefined} />
          <Stat
            label="Refinance costs"
            value={fmt.cents(alert.estimateRefinanceCostCents ?? alert.calculatedRefinanceCostCents ?? 0, { whole: true })}
            hint={alert.estimateRefinanceCostCents !== null ? "your estimate" : alert.calculatedRefinanceCostCents !== null ? "our estimate (2% of balance)" : "none counted"}
          />
          <Stat label="Times triggered" value={alert.totalTriggers} hint={alert.lastTriggeredAt ? `last ${fmt.dateTime(alert.lastTriggeredAt)}` : "never yet"} />
          <Stat label="Emails sent" value={alert.notificationCount} />
        </dl>
        {billing && (
          <p className="mt-4 border-t border-slate-200 pt-3 text-sm text-slate-700 dark:border-slate-800 dark:text-slate-300" data-testid="alert-billing">
            {billing}{" "}
            <Link href="/billing" className="font-medium text-brand-700 underline dark:text-brand-500">
              Manage billing
            </Link>
          </p>
        )}
      </Card>

      <Card>
        <CardHeader title="Backtest" description="How this target would have done on the whole published history." />
        <BacktestPanel series={series} target={targetOf(alert)} financedCents={v.financedCents} />
      </Card>

      <Card>
        <CardHeader title="Notifications" description="Each time the market reached your target. Open one to act on it." />
        {history.length === 0 ? (
          <p className="text-sm text-slate-600 dark:text-slate-400">Nothing yet: we&apos;ll add a line here the week the market reaches your target.</p>
        ) : (
          <Table caption="Times this alert fired">
            <THead>
              <tr>
                <Th>Week of</Th>
                <Th>Market rate</Th>
                <Th>Status</Th>
                <Th>Your action</Th>
              </tr>
            </THead>
            <TBody>
              {history.map((t) => (
                <tr key={t.id} data-testid="trigger-row">
                  <Td>
                    <Link href={`/triggers/${t.id}`} className="font-medium underline">
                      {fmt.date(t.marketDate)}
                    </Link>
                  </Td>
                  <Td className="tabular-nums">{formatPercent(t.marketRate)}</Td>
                  <Td>
                    <Badge tone={t.status === "acknowledged" ? "success" : t.status === "expired" ? "neutral" : "info"}>{TRIGGER_STATUS[t.status]}</Badge>
                  </Td>
                  <Td>{t.userAction ? ACTIONS[t.userAction] : t.userViewed ? "Viewed" : "—"}</Td>
                </tr>
              ))}
            </TBody>
          </Table>
        )}
      </Card>
    </div>
  );
}

/**
 * What this alert's subscription costs and when it next charges or stops, or null before it has
 * been paid. The price is Stripe's (site format); the date is the homeowner's.
 */
function billingLine(sub: AlertRow["subscription"], date: (d: Date) => string): string | null {
  if (!sub || sub.status === "incomplete" || sub.status === "incomplete_expired") return null;
  const price = `${formatCents(sub.amountCents)} a ${sub.interval}`;
  if (sub.status === "canceled") return `Subscription (${price}) ended.`;
  if (!sub.currentPeriodEnd) return `Subscription: ${price}.`;
  return sub.cancelAtPeriodEnd
    ? `Subscription: ${price}, ends on ${date(sub.currentPeriodEnd)} with no further charge.`
    : `Subscription: ${price}, renews on ${date(sub.currentPeriodEnd)}.`;
}
