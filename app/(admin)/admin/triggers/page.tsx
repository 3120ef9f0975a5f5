import type { Metadata } from "next";
import Link from "next/link";
import { FilterBar } from "@/components/admin/filter-bar";
import { FilterSelect, humanize, one, Pager } from "@/components/admin/pager";
import { Badge, EmptyState, PageHeader, Table, TBody, Td, Th, THead } from "@/components/ui";
import { listTriggers } from "@/lib/admin/billing";
import { requireAdmin } from "@/lib/auth/session";
import { formatCents, formatDate, formatDateTime, formatPercent } from "@/lib/format";
import { RATE_TYPE_LABELS, type RateType } from "@/lib/rates/types";

export const metadata: Metadata = { title: "Triggers · Admin" };
const STATUSES = ["triggered", "notified", "acknowledged", "expired"];

export default async function AdminTriggersPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const admin = await requireAdmin("/admin/triggers");
  const sp = await searchParams;
  const status = one(sp.status);
  const cursor = one(sp.cursor);
  const { rows, nextCursor } = await listTriggers(admin.id, { status, cursor });
  // Payment alerts compare dollars; rate alerts compare percent.
  const value = (alertType: string, v: string | null) => (v === null ? "—" : alertType === "monthly_payment" ? formatCents(Math.round(Number(v))) : formatPercent(Number(v)));
  return (
    <div>
      <PageHeader title="Triggers" description="Each time an alert's target was reached, newest first." />
      <FilterBar label="Filter triggers">
        <FilterSelect name="status" label="Status" value={status} options={[{ value: "", label: "Any status" }, ...STATUSES.map((s) => ({ value: s, label: s }))]} />
      </FilterBar>
      {rows.length === 0 ? (
        <EmptyState title="No triggers" description="When the market reaches an alert's target, it shows here." />
      ) : (
        <>
          <Table caption="Triggers">
            <THead>
              <tr><Th>When</Th><Th>User</Th><Th>Alert</Th><Th>Target</Th><Th>Value</Th><Th>Market</Th><Th>Status</Th></tr>
            </THead>
            <TBody>
              {rows.map((t) => (
                <tr key={t.id}>
                  <Td>{formatDateTime(new Date(t.triggered_at))}</Td>
                  <Td><Link className="text-brand-700 underline dark:text-brand-100" href={`/admin/users/${t.user_id}`}>{t.user_email}</Link></Td>
                  <Td><Link className="underline" href={`/admin/users/${t.user_id}#alert-${t.alert_id}`}>{humanize(t.alert_type)}</Link></Td>
                  <Td>{value(t.alert_type, t.threshold_value)}</Td>
                  <Td>{value(t.alert_type, t.current_value)}</Td>
                  <Td>{RATE_TYPE_LABELS[t.rate_type as RateType] ?? t.rate_type} {formatPercent(Number(t.market_rate))} · {formatDate(t.market_date)}</Td>
                  <Td>
                    <Badge tone={t.status === "notified" ? "success" : t.status === "expired" ? "neutral" : "info"}>{t.status}</Badge>
                    {!t.notification_sent && t.status === "triggered" && <div className="text-xs text-slate-500 dark:text-slate-400">email pending</div>}
                  </Td>
                </tr>
              ))}
            </TBody>
          </Table>
          <Pager basePath="/admin/triggers" query={[["status", status]]} cursor={cursor} nextCursor={nextCursor} shown={rows.length} />
        </>
      )}
    </div>
  );
}
