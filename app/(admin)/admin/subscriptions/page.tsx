import type { Metadata } from "next";
import Link from "next/link";
import { FilterBar } from "@/components/admin/filter-bar";
import { FilterSelect, humanize, one, Pager } from "@/components/admin/pager";
import { Badge, EmptyState, PageHeader, Table, TBody, Td, Th, THead } from "@/components/ui";
import { listSubscriptions, SUBSCRIPTION_STATUSES } from "@/lib/admin/billing";
import { requireAdmin } from "@/lib/auth/session";
import { formatCents, formatDateTime } from "@/lib/format";

export const metadata: Metadata = { title: "Subscriptions · Admin" };

const ENDED = new Set(["canceled", "incomplete_expired"]);

export default async function AdminSubscriptionsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const admin = await requireAdmin("/admin/subscriptions");
  const sp = await searchParams;
  const status = one(sp.status);
  const cursor = one(sp.cursor);
  const { rows, nextCursor } = await listSubscriptions(admin.id, { status, cursor });
  return (
    <div>
      <PageHeader title="Subscriptions" description="One subscription per paid alert; newest first." />
      <FilterBar label="Filter subscriptions">
        <FilterSelect name="status" label="Status" value={status} options={[{ value: "", label: "Any status" }, ...SUBSCRIPTION_STATUSES.map((s) => ({ value: s, label: humanize(s) }))]} />
      </FilterBar>
      {rows.length === 0 ? (
        <EmptyState title="No subscriptions" description={status ? `None with status “${humanize(status)}”.` : "Nobody has subscribed yet."} />
      ) : (
        <>
          <Table caption="Subscriptions">
            <THead>
              <tr><Th>User</Th><Th>Alert</Th><Th>Status</Th><Th>Amount</Th><Th>Period end or ended</Th><Th>Stripe ids</Th></tr>
            </THead>
            <TBody>
              {rows.map((s) => (
                <tr key={s.id}>
                  <Td><Link className="text-brand-700 underline dark:text-brand-100" href={`/admin/users/${s.user_id}`}>{s.user_email}</Link></Td>
                  <Td>
                    <Link className="underline" href={`/admin/users/${s.user_id}#alert-${s.alert_id}`}>{s.mortgage_name ?? "alert"}</Link>
                    <div className="font-mono text-xs text-slate-500 dark:text-slate-400">{s.alert_id.slice(0, 8)}</div>
                  </Td>
                  <Td>
                    <Badge tone={s.status === "active" ? "success" : s.status === "past_due" || s.status === "unpaid" ? "warning" : "neutral"}>{humanize(s.status)}</Badge>
                    {s.cancel_at_period_end && <div className="text-xs text-slate-500 dark:text-slate-400">cancels at period end</div>}
                  </Td>
                  <Td>{formatCents(s.amount_cents)} / {s.interval}</Td>
                  <Td>
                    {/* An ended subscription's period end is when it would have renewed, not when it stopped. */}
                    {ENDED.has(s.status) && s.ended_at ? (
                      <>Ended {formatDateTime(new Date(s.ended_at))}</>
                    ) : s.current_period_end ? (
                      formatDateTime(new Date(s.current_period_end))
                    ) : (
                      "—"
                    )}
                  </Td>
                  <Td className="font-mono text-xs">
                    <div>{s.stripe_subscription_id}</div>
                    <div className="text-slate-500 dark:text-slate-400">{s.stripe_customer_id} · {s.stripe_price_id}</div>
                  </Td>
                </tr>
              ))}
            </TBody>
          </Table>
          <Pager basePath="/admin/subscriptions" query={[["status", status]]} cursor={cursor} nextCursor={nextCursor} shown={rows.length} />
        </>
      )}
    </div>
  );
}
