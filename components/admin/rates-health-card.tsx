import Link from "next/link";
import { Card, cn, Stat } from "@/components/ui";
import type { Overview } from "@/lib/admin/metrics";
import { formatDate, formatDateTime } from "@/lib/format";
import { todayIso } from "@/lib/mortgages/dates";
import { surveyFreshness } from "@/lib/rates/freshness";
import { IngestError } from "./ingest-error";

/**
 * Whether the market data is current: every homeowner's comparison uses the newest week, so an
 * overdue release or a failing import is the first thing an admin should see.
 */
export function RatesHealthCard({ rates, className }: { rates: Overview["rates"]; className?: string }) {
  const freshness = rates.newestWeek ? surveyFreshness(rates.newestWeek, todayIso()) : null;
  const last = rates.lastImport;
  const trouble = !freshness || freshness.overdue || Boolean(last?.error);
  return (
    <Card className={cn(trouble && "border-amber-300 dark:border-amber-800", className)} data-testid="rates-health">
      <dl className="space-y-3">
        <Stat
          label="Newest 30-year survey week"
          value={rates.newestWeek ? formatDate(rates.newestWeek) : "—"}
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
        <div className="mt-3 space-y-1 text-xs text-slate-500 dark:text-slate-400">
          {last.error ? (
            <>
              <IngestError
                error={last.error}
                source={last.source}
                lead={`Last import failed ${formatDateTime(last.at)}: `}
                className="text-amber-800 dark:text-amber-300"
              />
              <p>{lastGood(rates)}</p>
            </>
          ) : (
            <p>Last import {formatDateTime(last.at)}.</p>
          )}
          <p>
            <Link href="/admin/rates" className="underline">
              Ingestion runs
            </Link>
          </p>
        </div>
      )}
    </Card>
  );
}

/**
 * What is on file when the newest import failed. Rates can be there with no successful run at
 * all: the seed loads the shipped history without recording one, and a hand-entered week is not
 * a run either. So "none has succeeded" alone would read as "no data", which is not true.
 */
function lastGood(rates: Overview["rates"]): string {
  if (rates.lastGoodImportAt) return `The last successful import was ${formatDateTime(rates.lastGoodImportAt)}.`;
  const onFile = rates.newestWeek
    ? `the rates on file (through the week of ${formatDate(rates.newestWeek)}) came from the seed or were entered by hand`
    : "no rates are on file";
  return `No fetch or upload has succeeded yet; ${onFile}.`;
}
