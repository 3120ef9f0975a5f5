import type { Metadata } from "next";
import Link from "next/link";
import { FilterBar } from "@/components/admin/filter-bar";
import { FilterSelect, humanize, one, Pager } from "@/components/admin/pager";
import { Badge, EmptyState, PageHeader, Table, TBody, Td, Th, THead } from "@/components/ui";
import { INVOICE_STATUSES, listInvoices } from "@/lib/admin/billing";
import { requireAdmin } from "@/lib/auth/session";
import { formatCents, formatDateTime } from "@/lib/format";

export const metadata: Metadata = { title: "Invoices · Admin" };

export default async function AdminInvoicesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const admin = await requireAdmin("/admin/invoices");
  const sp = await searchParams;
  const status = one(sp.status);
  const cursor = one(sp.cursor);
  const { rows, nextCursor } = await listInvoices(admin.id, { status, cursor });
  return (
    <div>
      <PageHeader title="Invoices" description="Newest first, as Stripe reported them." />
      <FilterBar label="Filter invoices">
        <FilterSelect name="status" label="Status" value={status} options={[{ value: "", label: "Any status" }, ...INVOICE_STATUSES.map((s) => ({ value: s, label: humanize(s) }))]} />
      </FilterBar>
      {rows.length === 0 ? (
        <EmptyState title="No invoices" description={status ? `None with status “${humanize(status)}”.` : "No invoices yet."} />
      ) : (
        <>
          <Table caption="Invoices">
            <THead>
              <tr><Th>Date</Th><Th>User</Th><Th>Status</Th><Th>Due</Th><Th>Paid</Th><Th>Stripe ids</Th><Th>Alert</Th></tr>
            </THead>
            <TBody>
              {rows.map((i) => (
                <tr key={i.id}>
                  <Td>{formatDateTime(new Date(i.invoice_date))}</Td>
                  <Td><Link className="text-brand-700 underline dark:text-brand-100" href={`/admin/users/${i.user_id}`}>{i.user_email}</Link></Td>
                  <Td><Badge tone={i.status === "paid" ? "success" : i.status === "open" ? "warning" : i.status === "uncollectible" ? "danger" : "neutral"}>{i.status}</Badge></Td>
                  <Td>{formatCents(i.amount_due_cents)}</Td>
                  <Td>{formatCents(i.amount_paid_cents)}</Td>
                  <Td className="font-mono text-xs">
                    <div>
                      {i.hosted_invoice_url ? <a className="underline" href={i.hosted_invoice_url} rel="noreferrer" target="_blank">{i.stripe_invoice_id}</a> : i.stripe_invoice_id}
                    </div>
                    {i.stripe_payment_intent_id && <div className="text-slate-500 dark:text-slate-400">{i.stripe_payment_intent_id}</div>}
                  </Td>
                  <Td><Link className="font-mono text-xs underline" href={`/admin/users/${i.user_id}#alert-${i.alert_id}`}>{i.alert_id.slice(0, 8)}</Link></Td>
                </tr>
              ))}
            </TBody>
          </Table>
          <Pager basePath="/admin/invoices" query={[["status", status]]} cursor={cursor} nextCursor={nextCursor} shown={rows.length} />
        </>
      )}
    </div>
  );
}
