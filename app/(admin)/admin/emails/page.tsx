import type { Metadata } from "next";
import Link from "next/link";
import { ActionButton } from "@/components/admin/action-form";
import { FilterBar } from "@/components/admin/filter-bar";
import { FilterSelect, humanize, one, Pager } from "@/components/admin/pager";
import { Badge, cn, EmptyState, PageHeader, Table, TBody, Td, Th, THead } from "@/components/ui";
import { retryEmailAction } from "@/lib/admin/actions-ops";
import { EMAIL_STATUSES, EMAIL_TYPES, emailLogPage, type EmailListParams, type EmailType } from "@/lib/admin/emails";
import { requireAdmin } from "@/lib/auth/session";
import { formatDateTime } from "@/lib/format";

export const metadata: Metadata = { title: "Email log · Admin" };

export default async function AdminEmailsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const admin = await requireAdmin("/admin/emails");
  const sp = await searchParams;
  const rawStatus = one(sp.status) ?? "problems";
  const status = (rawStatus === "all" || rawStatus === "problems" || (EMAIL_STATUSES as readonly string[]).includes(rawStatus) ? rawStatus : "problems") as EmailListParams["status"];
  const rawType = one(sp.type);
  const type = rawType && (EMAIL_TYPES as readonly string[]).includes(rawType) ? (rawType as EmailType) : undefined;
  const cursor = one(sp.cursor);
  const { rows, nextCursor } = await emailLogPage(admin.id, { status, type, cursor });
  return (
    <div>
      <PageHeader title="Email log" description="Failed and bounced emails first; retry one to send it again now." />
      <FilterBar label="Filter emails">
        <FilterSelect
          name="status"
          label="Status"
          value={status ?? "problems"}
          options={[{ value: "problems", label: "Failed or bounced" }, { value: "all", label: "Any status" }, ...EMAIL_STATUSES.map((s) => ({ value: s, label: s }))]}
        />
        <FilterSelect name="type" label="Type" value={type} options={[{ value: "", label: "Any type" }, ...EMAIL_TYPES.map((t) => ({ value: t, label: humanize(t) }))]} />
      </FilterBar>
      {rows.length === 0 ? (
        <EmptyState title={status === "problems" ? "No failed emails" : "No emails match"} description={status === "problems" ? "Every email was delivered." : "Try another filter."} />
      ) : (
        <>
          <Table caption="Emails">
            <THead>
              <tr><Th>Created</Th><Th>To</Th><Th>Type</Th><Th>Subject</Th><Th>Status</Th><Th>Error</Th><Th><span className="sr-only">Actions</span></Th></tr>
            </THead>
            <TBody>
              {rows.map((e) => (
                <tr key={e.id}>
                  <Td>{formatDateTime(new Date(e.createdAt))}</Td>
                  <Td>{e.userId ? <Link className="text-brand-700 underline dark:text-brand-100" href={`/admin/users/${e.userId}`}>{e.recipientEmail}</Link> : e.recipientEmail}</Td>
                  <Td>{humanize(e.emailType)}</Td>
                  <Td className="max-w-[16rem] truncate" title={e.subject}>{e.subject}</Td>
                  <Td>
                    <Badge tone={e.status === "failed" || e.status === "bounced" ? "danger" : e.status === "queued" ? "warning" : "success"}>{e.status}</Badge>
                    <div className="text-xs text-slate-500 dark:text-slate-400">{e.attempts} {e.attempts === 1 ? "attempt" : "attempts"}</div>
                  </Td>
                  {/* Wrapping set inside: on the Td itself its own whitespace-nowrap wins. */}
                  <Td className={cn("text-xs", e.errorMessage && "text-red-700 dark:text-red-300")}>
                    <div className={cn("max-w-[20rem] whitespace-normal [overflow-wrap:anywhere]", e.errorMessage && "min-w-56")}>{e.errorMessage ?? "—"}</div>
                  </Td>
                  <Td>{(e.status === "failed" || e.status === "bounced") && <ActionButton action={retryEmailAction} fields={{ emailId: e.id }} label="Retry" pendingText="Sending…" />}</Td>
                </tr>
              ))}
            </TBody>
          </Table>
          <Pager basePath="/admin/emails" query={[["status", status ?? undefined], ["type", type]]} cursor={cursor} nextCursor={nextCursor} shown={rows.length} />
        </>
      )}
    </div>
  );
}
