import type { Metadata } from "next";
import Link from "next/link";
import { describeInputs, describeResult } from "@/components/calculators/describe";
import { DeleteAllButton, DeleteEntryButton } from "@/components/calculators/history-actions";
import { calculatorList, calculatorMeta, calculatorUrl } from "@/components/calculators/meta";
import { ButtonLink, EmptyState, PageHeader, cn } from "@/components/ui";
import { isCalculatorType, type CalculatorType } from "@/lib/calc";
import { requireUser } from "@/lib/auth/session";
import { formatterFor } from "@/lib/format";
import { claimAnonymousHistory, listHistory } from "@/lib/history/queries";
import { parseHistoryQuery } from "@/lib/history/schemas";
import { readAnonymousSessionId } from "@/lib/history/session-cookie";

export const metadata: Metadata = { title: "History" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

function historyHref(type: CalculatorType | null, page = 1) {
  const params = new URLSearchParams();
  if (type) params.set("type", type);
  if (page > 1) params.set("page", String(page));
  const query = params.toString();
  return query ? `/history?${query}` : "/history";
}

export default async function HistoryPage({ searchParams }: Props) {
  const user = await requireUser("/history");
  const fmt = formatterFor(user.display);
  // Runs made on this browser before signing in become the user's (the sign-in usually did this already).
  const anonymous = await readAnonymousSessionId();
  if (anonymous) await claimAnonymousHistory(anonymous, user.id);

  const { type, page } = parseHistoryQuery(await searchParams);
  const { entries, total, page: shownPage, pageCount } = await listHistory(user.id, { type, page });
  const filterLabel = type ? calculatorMeta[type].title.toLowerCase() : null;

  return (
    <div>
      <PageHeader
        title="History"
        description="Every calculation you have run, newest first. Reopen one to see it again or change it."
        actions={
          total > 0 ? (
            <>
              <a href={type ? `/history/export?type=${type}` : "/history/export"} download className={cn("inline-flex h-10 items-center justify-center rounded-lg border border-slate-300 bg-white px-4 text-sm font-medium text-slate-800 hover:bg-slate-100 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100 dark:hover:bg-slate-800")}>
                Export CSV
              </a>
              <DeleteAllButton type={type} label={type ? `Delete all ${filterLabel} calculations` : "Delete all calculations"} />
            </>
          ) : undefined
        }
      />

      <nav aria-label="Filter by calculator" className="mb-5 flex flex-wrap gap-2">
        {[{ type: null as CalculatorType | null, title: "All" }, ...calculatorList].map((c) => {
          const active = c.type === type;
          return (
            <Link
              key={c.type ?? "all"}
              href={historyHref(c.type)}
              aria-current={active ? "page" : undefined}
              className={cn(
                "rounded-full border px-3 py-1 text-sm",
                active
                  ? "border-brand-700 bg-brand-700 text-white"
                  : "border-slate-300 text-slate-700 hover:bg-slate-100 dark:border-slate-700 dark:text-slate-300 dark:hover:bg-slate-800",
              )}
            >
              {c.title}
            </Link>
          );
        })}
      </nav>

      {entries.length === 0 ? (
        <EmptyState
          title={type ? `No ${filterLabel} calculations yet` : "No calculations yet"}
          description="Run any calculator and it is saved here, so you can come back to it."
          action={<ButtonLink href={type ? calculatorUrl(type, {}) : "/calculators"}>Open the calculators</ButtonLink>}
        />
      ) : (
        <>
          {/* Focus lands here after a row is deleted (components/calculators/history-actions.tsx). */}
          <p id="history-count" tabIndex={-1} className="mb-3 text-sm text-slate-600 focus:outline-none dark:text-slate-400">
            {total === 1 ? "1 calculation" : `${total} calculations`}
            {pageCount > 1 && ` · page ${shownPage} of ${pageCount}`}
          </p>
          <ul className="divide-y divide-slate-200 rounded-xl border border-slate-200 bg-white dark:divide-slate-800 dark:border-slate-800 dark:bg-slate-900" data-testid="history-list">
            {entries.map((entry) => {
              if (!isCalculatorType(entry.type)) return null;
              const title = calculatorMeta[entry.type].title;
              const when = fmt.dateTime(entry.createdAt);
              return (
                <li key={entry.id} className="flex flex-col gap-3 p-4 sm:flex-row sm:items-start sm:justify-between" data-testid="history-entry">
                  <div className="min-w-0 space-y-1">
                    <p className="flex flex-wrap items-baseline gap-x-2">
                      <span className="font-semibold text-slate-900 dark:text-slate-100">{title}</span>
                      <time dateTime={entry.createdAt.toISOString()} className="text-xs text-slate-500 dark:text-slate-400">
                        {when}
                      </time>
                      {entry.mortgageName && <span className="text-xs text-slate-500 dark:text-slate-400">· {entry.mortgageName}</span>}
                    </p>
                    <p className="text-sm text-slate-600 dark:text-slate-400">{describeInputs(entry.type, entry.input, fmt)}</p>
                    <p className="text-sm font-medium text-slate-800 dark:text-slate-200">{describeResult(entry.type, entry.summary, fmt)}</p>
                  </div>
                  <div className="flex shrink-0 items-start gap-2">
                    {/* A page load, not a client navigation: a result's address is rendered by the server (next.config.mjs). */}
                    <ButtonLink pageLoad href={reopenUrl(entry)} variant="secondary" size="sm" aria-label={`Reopen ${title} from ${when}`}>
                      Reopen
                    </ButtonLink>
                    <DeleteEntryButton id={entry.id} label={`${title} from ${when}`} />
                  </div>
                </li>
              );
            })}
          </ul>
          {pageCount > 1 && (
            <nav aria-label="Pages" className="mt-4 flex items-center justify-between gap-2">
              {shownPage > 1 ? (
                <ButtonLink href={historyHref(type, shownPage - 1)} variant="secondary" size="sm" rel="prev">
                  ← Newer
                </ButtonLink>
              ) : (
                <span />
              )}
              <span className="text-sm text-slate-600 dark:text-slate-400">
                Page {shownPage} of {pageCount}
              </span>
              {shownPage < pageCount ? (
                <ButtonLink href={historyHref(type, shownPage + 1)} variant="secondary" size="sm" rel="next">
                  Older →
                </ButtonLink>
              ) : (
                <span />
              )}
            </nav>
          )}
        </>
      )}
    </div>
  );
}

/** The calculator with this run's inputs, and its mortgage chosen again (the form checks it is still theirs). */
function reopenUrl(entry: { type: Parameters<typeof calculatorUrl>[0]; input: Record<string, unknown>; mortgageId: string | null; mortgageName: string | null }): string {
  const url = calculatorUrl(entry.type, entry.input);
  if (!entry.mortgageId || !entry.mortgageName) return url;
  return `${url}${url.includes("?") ? "&" : "?"}mortgage=${encodeURIComponent(entry.mortgageId)}`;
}
