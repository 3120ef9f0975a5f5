import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { TriggerActions } from "@/components/alerts/trigger-actions";
import { Badge, Banner, Card, CardHeader, PageHeader, Stat } from "@/components/ui";
import { PRODUCT_LABELS, productForTerm } from "@/lib/alerts/products";
import { isUuid } from "@/lib/alerts/schemas";
import { getTrigger, markTriggerViewed } from "@/lib/alerts/triggers";
import { requireUser } from "@/lib/auth/session";
import { NotFoundError } from "@/lib/errors";
import { formatPercent, formatterFor } from "@/lib/format";

export const metadata: Metadata = { title: "Your alert fired" };

const STATUS: Record<string, string> = { triggered: "Open", notified: "Open (emailed)", acknowledged: "Acknowledged", expired: "Expired" };
const ACTIONS: Record<string, string> = { dismissed: "You dismissed it", snoozed: "You snoozed it", contacted_lender: "You contacted a lender", none: "" };

export default async function TriggerPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requireUser(`/triggers/${id}`);
  const fmt = formatterFor(user.display);
  if (!isUuid(id)) notFound();
  // Opening the page is what "viewed" means; recorded before reading so the page shows it.
  await markTriggerViewed(user.id, id);
  const t = await getTrigger(user.id, id).catch((err) => {
    if (err instanceof NotFoundError) notFound();
    throw err;
  });
  const open = (t.status === "triggered" || t.status === "notified") && (!t.expiresAt || t.expiresAt > new Date());
  const snoozed = t.snoozedUntil && t.snoozedUntil > new Date();
  const n = t.numbers;
  return (
    <div className="space-y-6">
      <PageHeader
        title={`Your alert on ${t.mortgageName} fired`}
        description={t.reason}
        actions={
          <Link href={`/alerts/${t.alert.id}`} className="text-sm font-medium underline">
            Back to the alert
          </Link>
        }
      />
      <div className="flex flex-wrap items-center gap-2 text-sm">
        <Badge tone={open ? "info" : t.status === "acknowledged" ? "success" : "neutral"}>{STATUS[t.status]}</Badge>
        {t.userAction && <span className="text-slate-600 dark:text-slate-400" data-testid="trigger-action">{ACTIONS[t.userAction]} on {fmt.dateTime(t.actionTakenAt)}.</span>}
        {snoozed && <span className="text-slate-600 dark:text-slate-400">Snoozed until {fmt.dateTime(t.snoozedUntil)}.</span>}
      </div>
      {open && t.expiresAt && <p className="text-sm text-slate-600 dark:text-slate-400">This notification stays open until {fmt.dateTime(t.expiresAt)}.</p>}
      <Card>
        <CardHeader title="The numbers" description={`At the ${PRODUCT_LABELS[productForTerm(t.alert.targetTerm)]} rate of the week of ${fmt.date(t.marketDate)}, for a ${t.alert.targetTerm}-month loan.`} />
        <dl className="grid grid-cols-2 gap-4 sm:grid-cols-3">
          <Stat label="Market rate" value={formatPercent(t.marketRate)} />
          <Stat
            label="Your target"
            value={t.alert.alertType === "interest_rate" ? formatPercent(t.thresholdValue) : `${fmt.cents(Math.round(t.thresholdValue ?? 0))}/mo`}
          />
          {t.alert.alertType === "monthly_payment" && <Stat label="Payment, costs financed" value={`${fmt.cents(Math.round(t.currentValue ?? 0))}/mo`} />}
          {n && (
            <>
              <Stat label="New payment" value={fmt.cents(n.newPaymentCents)} hint="costs paid up front" />
              <Stat label="Current payment" value={fmt.cents(n.currentPaymentCents)} />
              <Stat label={n.monthlySavingsCents >= 0 ? "Monthly savings" : "Monthly increase"} value={fmt.cents(Math.abs(n.monthlySavingsCents))} />
              <Stat
                label="Break-even"
                value={n.breakEvenMonths === null ? "None" : `${n.breakEvenMonths} months`}
                hint={`on ${fmt.cents(n.costCents, { whole: true })} of costs`}
              />
            </>
          )}
        </dl>
        {!n && <p className="mt-3 text-sm text-slate-600 dark:text-slate-400">Add your balance and months left on the mortgage to see savings and break-even.</p>}
        <p className="mt-4 text-xs text-slate-500 dark:text-slate-400">Freddie Mac&apos;s weekly national average; a lender&apos;s quote for you may differ.</p>
      </Card>
      <Card>
        <CardHeader title="What would you like to do?" />
        {t.status === "expired" && <div className="mb-3"><Banner tone="info">This notification has expired; you can still record that you contacted a lender.</Banner></div>}
        <TriggerActions triggerId={t.id} open={open} />
      </Card>
    </div>
  );
}
