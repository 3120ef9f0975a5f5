import { Table, TBody, Td, Th, THead } from "@/components/ui/table";
import { formatDate, formatPercent } from "@/lib/format";
import { RATE_TYPE_LABELS, type RatePoint, type RateType } from "@/lib/rates/types";
import { WeeklyChange } from "./rate-cards";

export type RecentRow = { date: string; rates: Partial<Record<RateType, { rate: number; change: number | null; points: number | null }>> };

/** The last `weeks` survey weeks across the given series, newest first, with each week's change. */
export function recentWeeks(series: { type: RateType; points: RatePoint[] }[], weeks = 12): { rows: RecentRow[]; types: RateType[] } {
  const dates = [...new Set(series.flatMap((s) => s.points.slice(-weeks - 1).map((p) => p.date)))].sort().reverse().slice(0, weeks);
  const rows: RecentRow[] = dates.map((date) => ({ date, rates: {} }));
  for (const s of series) {
    s.points.forEach((p, i) => {
      const row = rows.find((r) => r.date === p.date);
      if (row) row.rates[s.type] = { rate: p.rate, points: p.points, change: i > 0 ? Math.round((p.rate - s.points[i - 1]!.rate) * 1000) / 1000 : null };
    });
  }
  const types = series.map((s) => s.type).filter((t) => rows.some((r) => r.rates[t]));
  return { rows, types };
}

export function RecentRatesTable({ rows, types }: { rows: RecentRow[]; types: RateType[] }) {
  const showPoints = types.filter((t) => rows.some((r) => r.rates[t]?.points != null));
  return (
    <Table caption={`Freddie Mac weekly rates, last ${rows.length} weeks`}>
      <THead>
        <tr>
          <Th>Week of</Th>
          {types.map((t) => (
            <Th key={t} className="text-right">
              {RATE_TYPE_LABELS[t]}
            </Th>
          ))}
          {showPoints.map((t) => (
            <Th key={`p-${t}`} className="text-right">
              {RATE_TYPE_LABELS[t]} points
            </Th>
          ))}
        </tr>
      </THead>
      <TBody>
        {rows.map((row) => (
          <tr key={row.date}>
            <Td>{formatDate(row.date)}</Td>
            {types.map((t) => {
              const v = row.rates[t];
              return (
                <Td key={t} className="text-right tabular-nums">
                  {v ? (
                    <span className="inline-flex items-center justify-end gap-3">
                      <span className="font-medium">{formatPercent(v.rate)}</span>
                      {/* A fixed width for the change, so the rates above and below line up. */}
                      <span className="inline-block min-w-18 text-left">
                        <WeeklyChange change={v.change} />
                      </span>
                    </span>
                  ) : (
                    "—"
                  )}
                </Td>
              );
            })}
            {showPoints.map((t) => (
              <Td key={`p-${t}`} className="text-right tabular-nums">
                {row.rates[t]?.points?.toFixed(1) ?? "—"}
              </Td>
            ))}
          </tr>
        ))}
      </TBody>
    </Table>
  );
}
