import type { Metadata } from "next";
import Link from "next/link";
import { MetricsCharts } from "@/components/admin/metrics-charts";
import { Card, cn, PageHeader, Stat } from "@/components/ui";
import { ensureFreshMetrics, metricsSeries, overviewStats, type Overview } from "@/lib/admin/metrics";
import { requireAdmin } from "@/lib/auth/session";
import { formatCents, formatDate, formatDateTime } from "@/lib/format";
import { todayIso } from "@/lib/mortgages/dates";
import { surveyFreshness } from "@/lib/rates/freshness";

export const metadata: Metadata = { title: "Admin overview" };

const n = (x: number) => x.toLocaleString("en-US");

export default async function AdminOverviewPage() {
  const admin = await requireAdmin("/admin");
  // The worker refreshes daily_metrics hourly; a stale or missing today is filled in here too.
  await ensureFreshMetrics();
  const [o, days] = await Promise.all([overviewStats(admin.id), metricsSeries(admin.id)]);
  const churn = o.subscriptions.churnRate30d;
  return (
    <div className="space-y-6">
      <PageHeader title="Overview" description="The service at a glance. Numbers are live; charts cover the last 90 days (UTC)." />
      <div className="grid gap-4 sm:grid-cols-2 xl:grid-cols-4">
        <Card>
          <dl className="space-y-3">
            <Stat label="Users" value={n(o.users.total)} hint={`${n(o.users.verified)} verified · ${n(o.users.new7d)} new in 7 days`} />
          </dl>
        </Card>
        <Card>
          <dl className="space-y-3">
            <Stat label="Active subscriptions" value={n(o.subscriptions.active)} hint={o.subscriptions.pastDue ? `${n(o.subscriptions.pastDue)} past due` : "none past due"} />
          </dl>
        </Card>
        <Card>
          <dl className="grid grid-cols-2 gap-3">
            <Stat label="MRR" value={<span data-testid="mrr">{formatCents(o.subscriptions.mrrCents)}</span>} />
            <Stat label="ARR" value={formatCents(o.subscriptions.arrCents)} />
          </dl>
        </Card>
        <Card>
          <dl className="space-y-3">
            <Stat
              label="Churn, 30 days"
              value={n(o.subscriptions.churned30d)}
              // The count is canceled subscriptions; the rate needs subscribers 30 days ago to divide by.
              hint={
                churn !== null
                  ? `canceled: ${(churn * 100).toFixed(1)}% of those paying 30 days ago`
                  : o.subscriptions.churned30d > 0
                    ? "canceled; no rate (none were paying 30 days ago)"
                    : "none were paying 30 days ago"
              }
            />
          </dl>
        </Card>
        <Card>
          <dl>
            <Stat label="Triggers, 7 days" value={n(o.triggers7d)} />
          </dl>
        </Card>
        <Card>
          <dl>
            <Stat label="Emails, 7 days" value={n(o.emails7d.total)} hint={`${n(o.emails7d.failed)} failed or bounced`} />
          </dl>
        </Card>
        <RatesCard rates={o.rates} />
      </div>
      <MetricsCharts days={days} />
    </div>
  );
}

/**
 * Whether the market data is current: every homeowner's comparison uses the newest week, so an
 * overdue release or a failing import is the first thing an admin should see.
 */
/** The card shows the start of an error; the Rates tab has it whole. */
const clip = (text: string) => (text.length > 110 ? `${text.slice(0, 109)}…` : text);

function RatesCard({ rates }: { rates: Overview["rates"] }) {
  const freshness = rates.newestWeek ? surveyFreshness(rates.newestWeek, todayIso()) : null;
  const last = rates.lastImport;
  const trouble = !freshness || freshness.overdue || Boolean(last?.error);
  return (
    <Card className={trouble ? "border-amber-300 dark:border-amber-800" : undefined} data-testid="rates-health">
      <dl className="space-y-3">
        <Stat
          label="Newest 30-year survey week"
          value={rates.newestWeek ? formatDate(rates.newestWeek) : "none"}
          hint={
            !freshness
              ? "No rates loaded: import PMMS history (Rates tab)."
              : freshness.overdue
                ? `${freshness.age} old: a weekly release is overdue`
                : `${freshness.age} old: current`
          }
        />
      </dl>
      {last && (
        <p className={cn("mt-3 text-xs [overflow-wrap:anywhere]", last.error ? "text-amber-800 dark:text-amber-300" : "text-slate-500 dark:text-slate-400")}>
          {last.error ? `Last import failed ${formatDateTime(last.at)}: ${clip(last.error)}` : `Last import ${formatDateTime(last.at)}`}
          {last.error && (rates.lastGoodImportAt ? `. Last good one ${formatDateTime(rates.lastGoodImportAt)}.` : ". None has succeeded yet.")}{" "}
          <Link href="/admin/rates" className="underline">Rates</Link>
        </p>
      )}
    </Card>
  );
}
