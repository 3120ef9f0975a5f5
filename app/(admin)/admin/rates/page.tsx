import type { Metadata } from "next";
import { ActionButton } from "@/components/admin/action-form";
import { IngestError } from "@/components/admin/ingest-error";
import { RateEntryForm, RateUploadForm } from "@/components/admin/rate-forms";
import { RateTypeSwitch } from "@/components/admin/rate-type-switch";
import { Badge, Card, CardHeader, EmptyState, PageHeader, Stat, Table, TBody, Td, Th, THead } from "@/components/ui";
import { deleteRateAction, recordRateAction, uploadRatesAction } from "@/lib/admin/actions-ops";
import { ratesAdminData } from "@/lib/admin/rates";
import { requireAdmin } from "@/lib/auth/session";
import { formatBasisPoints, formatDate, formatDateTime, formatPercent } from "@/lib/format";
import { todayIso } from "@/lib/mortgages/dates";
import { latestThursday } from "@/lib/rates/freshness";
import { RATE_TYPE_LABELS, type RateType } from "@/lib/rates/types";

export const metadata: Metadata = { title: "Rates · Admin" };
const label = (t: string) => RATE_TYPE_LABELS[t as RateType] ?? t;

export default async function AdminRatesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const admin = await requireAdmin("/admin/rates");
  const sp = await searchParams;
  const { latest, types, runs, selected, recent } = await ratesAdminData(admin.id, typeof sp.type === "string" ? sp.type : null);
  // The form proposes the newest survey Thursday (UTC, as admin views are), not today's weekday.
  const surveyWeek = latestThursday(todayIso());
  return (
    <div className="space-y-6">
      <PageHeader title="Rates" description="Freddie Mac PMMS weekly rates: the newest of each type, imports, and corrections." />
      <Card>
        <CardHeader title="Latest per type" />
        {latest.length === 0 ? (
          <p className="text-sm text-slate-500 dark:text-slate-400">No rates yet.</p>
        ) : (
          <dl className="grid gap-4 sm:grid-cols-3">
            {latest.map((r) => (
              <Stat key={r.rateType} label={label(r.rateType)} value={<span data-testid={`latest-${r.rateType}`}>{formatPercent(r.rate)}</span>} hint={`week of ${formatDate(r.date)} · ${formatBasisPoints(r.changeFromPrevious)}`} />
            ))}
          </dl>
        )}
      </Card>

      <div className="grid gap-6 lg:grid-cols-2">
        <Card>
          <CardHeader title="Record a week's rate" description="Adds the week or corrects it, updates the weekly changes, and starts the alert sweep." />
          {types.length === 0 ? (
            <p className="text-sm text-slate-500 dark:text-slate-400">Import survey data first: only types with data can be recorded.</p>
          ) : (
            <RateEntryForm action={recordRateAction} types={types.map((t) => ({ value: t, label: label(t) }))} defaultDate={surveyWeek} />
          )}
        </Card>
        <Card>
          <CardHeader title="Upload a CSV" description="Each upload is recorded as an ingestion run below." />
          <RateUploadForm action={uploadRatesAction} />
        </Card>
      </div>

      <Card>
        <CardHeader
          title={selected ? `Recent weeks: ${label(selected)}` : "Recent weeks"}
          description="Remove a wrong row; the following week's change is recomputed."
          actions={<RateTypeSwitch types={types} selected={selected} />}
        />
        {recent.length === 0 ? (
          <EmptyState title="No rows" />
        ) : (
          <Table caption="Recent weeks">
            <THead>
              <tr><Th>Week of</Th><Th>Rate</Th><Th>Points</Th><Th>Change</Th><Th>Source</Th><Th><span className="sr-only">Actions</span></Th></tr>
            </THead>
            <TBody>
              {recent.map((r) => (
                <tr key={r.id}>
                  <Td>{formatDate(r.date)}</Td>
                  <Td>{formatPercent(r.rate)}</Td>
                  <Td>{r.points ?? "—"}</Td>
                  <Td>{formatBasisPoints(r.changeFromPrevious)}</Td>
                  <Td className="text-xs">{r.source}</Td>
                  <Td>
                    <ActionButton
                      action={deleteRateAction}
                      fields={{ rateId: r.id }}
                      label="Remove"
                      variant="ghost"
                      pendingText="Removing…"
                      confirm={{ title: `Remove ${label(r.rateType)} for ${formatDate(r.date)}?`, description: `${formatPercent(r.rate)} will be deleted and the next week's change recomputed.`, confirmLabel: "Remove" }}
                    />
                  </Td>
                </tr>
              ))}
            </TBody>
          </Table>
        )}
      </Card>

      <Card>
        <CardHeader title="Ingestion runs" description="Scheduled fetches, command-line imports and uploads, newest first." />
        {runs.length === 0 ? (
          <p className="text-sm text-slate-500 dark:text-slate-400">No runs yet.</p>
        ) : (
          <Table caption="Ingestion runs">
            <THead>
              <tr><Th>Started</Th><Th>Source</Th><Th>New</Th><Th>Updated</Th><Th>Unchanged</Th><Th>Rejected</Th><Th>Outcome</Th></tr>
            </THead>
            <TBody>
              {runs.map((r) => (
                // Top-aligned: an error or a list of rejected lines makes a row several lines tall.
                <tr key={r.id} className="align-top">
                  <Td>{formatDateTime(r.startedAt)}</Td>
                  <Td className="max-w-[10rem] truncate" title={r.source}>{r.source}</Td>
                  <Td>{r.inserted}</Td>
                  <Td>{r.updated}</Td>
                  <Td>{r.unchanged}</Td>
                  <Td>
                    {r.rejected}
                    {r.rejections && r.rejections.length > 0 && (
                      <details className="text-xs">
                        <summary className="cursor-pointer">lines</summary>
                        <ul className="whitespace-normal">
                          {r.rejections.slice(0, 10).map((x) => (
                            <li key={x.line}>line {x.line}: {x.reason}</li>
                          ))}
                        </ul>
                      </details>
                    )}
                  </Td>
                  {/*
                    Wraps, with the source cut to 10rem: together they let the table fit a laptop's
                    width, so the outcome is not hidden past the table's scrolling edge. The wrapping
                    is set inside: on the Td itself its own whitespace-nowrap wins.
                  */}
                  <Td className="min-w-[12rem]">
                    {r.error ? (
                      <>
                        <Badge tone="danger">failed</Badge>
                        <IngestError error={r.error} source={r.source} className="mt-1 whitespace-normal text-xs text-red-700 dark:text-red-300" />
                      </>
                    ) : r.finishedAt ? (
                      <Badge tone="success">done</Badge>
                    ) : (
                      <Badge tone="warning">running</Badge>
                    )}
                  </Td>
                </tr>
              ))}
            </TBody>
          </Table>
        )}
      </Card>
    </div>
  );
}
