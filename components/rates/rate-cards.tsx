import { Card } from "@/components/ui/card";
import { formatBasisPoints, formatDate, formatPercent } from "@/lib/format";
import type { LatestRate } from "@/lib/rates/latest";
import { ARM_5_1_LAST_DATE, RATE_TYPE_LABELS, type RateType } from "@/lib/rates/types";

/** ▼ green when rates fell (good news for refinancing), ▲ red when they rose, = when unchanged. */
export function WeeklyChange({ change }: { change: number | null }) {
  if (change === null) return <span className="text-sm text-slate-500 dark:text-slate-400">No earlier week</span>;
  const bp = Math.round(change * 100);
  const tone = bp < 0 ? "text-emerald-700 dark:text-emerald-400" : bp > 0 ? "text-red-700 dark:text-red-400" : "text-slate-600 dark:text-slate-400";
  const words = bp < 0 ? `down ${-bp} basis points` : bp > 0 ? `up ${bp} basis points` : "unchanged";
  return (
    <span className={`inline-flex items-center gap-1 text-sm font-medium tabular-nums ${tone}`}>
      <span aria-hidden>{bp < 0 ? "▼" : bp > 0 ? "▲" : "="}</span>
      <span aria-hidden>{bp === 0 ? "0 bp" : formatBasisPoints(change)}</span>
      <span className="sr-only">{words}</span>
    </span>
  );
}

/** The newest week of each type that has data, with its change from the week before. */
export function RateCards({ rates }: { rates: (LatestRate & { rateType: RateType })[] }) {
  return (
    <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3" aria-label="Latest rates">
      {rates.map((r) => (
        <li key={r.rateType}>
          <Card className="h-full" data-testid={`rate-card-${r.rateType}`}>
            <h2 className="text-sm font-medium text-slate-500 dark:text-slate-400">{RATE_TYPE_LABELS[r.rateType]}</h2>
            <p className="mt-1 text-4xl font-bold tabular-nums text-slate-900 dark:text-white">{formatPercent(r.rate)}</p>
            <div className="mt-2 flex flex-wrap items-center gap-x-3 gap-y-1">
              <WeeklyChange change={r.changeFromPrevious} />
              <span className="text-sm text-slate-600 dark:text-slate-400">Week of {formatDate(r.date)}</span>
            </div>
            {r.points !== null && (
              <p className="mt-1 text-xs text-slate-500 dark:text-slate-400">Average fees and points: {r.points.toFixed(1)}</p>
            )}
            {r.rateType === "5_1_ARM" && r.date <= ARM_5_1_LAST_DATE && (
              <p className="mt-3 text-xs text-amber-700 dark:text-amber-400">
                Freddie Mac stopped publishing the 5/1 ARM after {formatDate(ARM_5_1_LAST_DATE)}; this is its last week.
              </p>
            )}
          </Card>
        </li>
      ))}
    </ul>
  );
}
