import type { Metadata } from "next";
import Link from "next/link";
import { AlertStatusBadge } from "@/components/alerts/alert-status-badge";
import { alertValues } from "@/components/alerts/alert-values";
import { Banner, ButtonLink, EmptyState, PageHeader } from "@/components/ui";
import { latestByProduct } from "@/lib/alerts/page-data";
import { listAlerts } from "@/lib/alerts/queries";
import { ALERT_TYPE_LABELS } from "@/lib/alerts/schemas";
import { alertStatus } from "@/lib/alerts/status";
import { requireUser } from "@/lib/auth/session";
import { formatMonths, formatterFor } from "@/lib/format";

export const metadata: Metadata = { title: "Alerts" };

export default async function AlertsPage({ searchParams }: { searchParams: Promise<{ deleted?: string }> }) {
  const user = await requireUser("/alerts");
  const fmt = formatterFor(user.display);
  const [rows, latest, { deleted }] = await Promise.all([listAlerts(user.id), latestByProduct(), searchParams]);
  return (
    <div>
      <PageHeader
        title="Alerts"
        description="Each alert watches Freddie Mac's weekly rates for one mortgage and emails you when your target is reached."
        actions={user.emailVerified ? <ButtonLink href="/alerts/new">New alert</ButtonLink> : undefined}
      />
      {deleted && (
        <div className="mb-4">
          <Banner tone="success">Alert deleted.</Banner>
        </div>
      )}
      {rows.length === 0 ? (
        <EmptyState
          title="No alerts yet"
          description="Create an alert with a target rate or payment, and we'll tell you the week the market gets there."
          action={user.emailVerified ? <ButtonLink href="/alerts/new">Create your first alert</ButtonLink> : undefined}
        />
      ) : (
        <ul className="space-y-3" aria-label="Your alerts">
          {rows.map((a) => {
            const v = alertValues(a, latest, fmt);
            const name = `${ALERT_TYPE_LABELS[a.alertType]} alert on ${a.mortgageName}`;
            return (
              <li key={a.id} className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm dark:border-slate-800 dark:bg-slate-900" data-testid="alert-row">
                <div className="flex flex-wrap items-start justify-between gap-2">
                  <div>
                    <Link href={`/alerts/${a.id}`} className="font-semibold text-slate-900 hover:underline dark:text-slate-100">
                      {name}
                    </Link>
                    <p className="text-xs text-slate-500 dark:text-slate-400">
                      {formatMonths(a.targetTerm)} term · watches the {v.productLabel} rate
                    </p>
                  </div>
                  <div className="flex items-center gap-3">
                    <AlertStatusBadge status={alertStatus(a, a.subscription)} />
                    {/* Pause, edit, delete and the trigger history live on the alert's page: say so. */}
                    <Link href={`/alerts/${a.id}`} className="text-sm font-medium text-brand-700 hover:underline dark:text-brand-500">
                      Manage<span className="sr-only"> {name}</span>
                    </Link>
                  </div>
                </div>
                <dl className="mt-3 grid grid-cols-2 gap-3 text-sm sm:grid-cols-4">
                  <div>
                    <dt className="text-xs text-slate-500 dark:text-slate-400">Target</dt>
                    <dd className="font-medium tabular-nums">{v.target}</dd>
                  </div>
                  <div>
                    <dt className="text-xs text-slate-500 dark:text-slate-400">Today</dt>
                    <dd className="font-medium tabular-nums">{v.today}</dd>
                  </div>
                  <div>
                    <dt className="text-xs text-slate-500 dark:text-slate-400">Last triggered</dt>
                    <dd className="font-medium">
                      {a.lastTrigger ? (
                        <Link href={`/triggers/${a.lastTrigger.id}`} className="underline">
                          {fmt.dateTime(a.lastTrigger.triggeredAt)}
                        </Link>
                      ) : (
                        "Never"
                      )}
                    </dd>
                  </div>
                  <div>
                    <dt className="text-xs text-slate-500 dark:text-slate-400">Emails sent</dt>
                    <dd className="font-medium tabular-nums">{a.notificationCount}</dd>
                  </div>
                </dl>
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
