import type { Metadata } from "next";
import { MetricsCharts } from "@/components/admin/metrics-charts";
import { RatesHealthCard } from "@/components/admin/rates-health-card";
import { Card, PageHeader, Stat } from "@/components/ui";
import { ensureFreshMetrics, metricsSeries, overviewStats } from "@/lib/admin/metrics";
import { requireAdmin } from "@/lib/auth/session";
import { formatCents } from "@/lib/format";

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
      <div className="space-y-4">
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
        </div>
        {/*
          Activity and data health, in a grid of their own whose cards keep their own height: the
          rates card can run to a few lines (a failed import says why), and stretching the short
          cards beside it to match left them as tall empty boxes. The headline numbers above keep
          equal heights.
        */}
        <div className="grid items-start gap-4 sm:grid-cols-2 xl:grid-cols-4">
          <Card>
            <dl>
              <Stat label="Triggers, 7 days" value={n(o.triggers7d)} hint="alert targets reached" />
            </dl>
          </Card>
          <Card>
            <dl>
              <Stat label="Emails, 7 days" value={n(o.emails7d.total)} hint={`${n(o.emails7d.failed)} failed or bounced`} />
            </dl>
          </Card>
          <RatesHealthCard rates={o.rates} className="sm:col-span-2" />
        </div>
      </div>
      <MetricsCharts days={days} />
    </div>
  );
}
