// Pure helpers for the rates chart: merging several series onto one time axis and choosing a
// y-axis range that shows the lines, the user's own rates and their refi zones.
import type { RatePoint, RateType } from "@/lib/rates/types";

export type ChartRow = { t: number; date: string } & Partial<Record<RateType, number>> & { points?: Partial<Record<RateType, number | null>> };

const toTime = (iso: string) => Date.parse(`${iso}T00:00:00Z`);

/** One row per date present in any series (series downsampled apart may not share dates). */
export function mergeSeries(series: { type: RateType; points: RatePoint[] }[]): ChartRow[] {
  const rows = new Map<string, ChartRow>();
  for (const s of series) {
    for (const p of s.points) {
      const row = rows.get(p.date) ?? { t: toTime(p.date), date: p.date, points: {} };
      row[s.type] = p.rate;
      row.points![s.type] = p.points;
      rows.set(p.date, row);
    }
  }
  return [...rows.values()].sort((a, b) => a.t - b.t);
}

/** A y-axis domain in half points that holds every value given, with a little room. */
export function yDomain(values: number[]): [number, number] {
  const finite = values.filter(Number.isFinite);
  if (finite.length === 0) return [0, 10];
  const lo = Math.min(...finite);
  const hi = Math.max(...finite);
  const pad = Math.max(0.1, (hi - lo) * 0.05);
  return [Math.max(0, Math.floor((lo - pad) * 2) / 2), Math.ceil((hi + pad) * 2) / 2];
}

/** Axis tick label: the year for long spans, month and year for short ones. */
export function tickLabel(t: number, spanDays: number): string {
  const d = new Date(t);
  if (spanDays > 3 * 365) return String(d.getUTCFullYear());
  return d.toLocaleDateString("en-US", { month: "short", year: "2-digit", timeZone: "UTC" });
}
