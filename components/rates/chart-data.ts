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

/**
 * A y axis that holds every value given, with a little room, on round steps (¼, ½, 1, 2 or 5
 * points) so the ticks read 6%, 6.5%, 7% rather than 1%, 6%, 11%.
 */
export function yAxis(values: number[]): { domain: [number, number]; ticks: number[] } {
  const finite = values.filter(Number.isFinite);
  const lo = finite.length ? Math.min(...finite) : 0;
  const hi = finite.length ? Math.max(...finite) : 10;
  const pad = Math.max(0.1, (hi - lo) * 0.05);
  const span = hi - lo + 2 * pad;
  const step = [0.25, 0.5, 1, 2, 5].find((s) => span / s <= 7) ?? 5;
  const from = Math.max(0, Math.floor((lo - pad) / step) * step);
  const to = Math.ceil((hi + pad) / step) * step;
  const ticks: number[] = [];
  for (let t = from; t <= to + 1e-9; t += step) ticks.push(Math.round(t * 100) / 100);
  return { domain: [from, to], ticks };
}

/**
 * Axis tick label: the year for long spans, month and year for short ones, the year marked as one
 * ("Sep '26": "Sep 26" reads as the 26th of September).
 */
export function tickLabel(t: number, spanDays: number): string {
  const d = new Date(t);
  if (spanDays > 3 * 365) return String(d.getUTCFullYear());
  const month = d.toLocaleDateString("en-US", { month: "short", timeZone: "UTC" });
  return `${month} '${String(d.getUTCFullYear() % 100).padStart(2, "0")}`;
}

const DAY = 86_400_000;

/**
 * Round time ticks between `from` and `to` (ms): 1 January of every n-th year on long spans, the
 * 1st of every n-th month on short ones, at most `max` of them, labelled as tickLabel does.
 */
export function timeTicks(from: number, to: number, max = 6): { t: number; label: string }[] {
  const spanDays = (to - from) / DAY;
  if (!(to > from)) return [];
  const start = new Date(from);
  const ticks: number[] = [];
  if (spanDays > 3 * 365) {
    const years = spanDays / 365.25;
    const every = [1, 2, 5, 10, 20, 25, 50].find((n) => years / n <= max) ?? 50;
    for (let y = Math.ceil(start.getUTCFullYear() / every) * every; ; y += every) {
      const t = Date.UTC(y, 0, 1);
      if (t > to) break;
      if (t >= from) ticks.push(t);
    }
  } else {
    const months = spanDays / 30.44;
    const every = [1, 2, 3, 6, 12].find((n) => months / n <= max) ?? 12;
    let m = start.getUTCFullYear() * 12 + start.getUTCMonth();
    m = Math.ceil(m / every) * every;
    for (; ; m += every) {
      const t = Date.UTC(Math.floor(m / 12), m % 12, 1);
      if (t > to) break;
      if (t >= from) ticks.push(t);
    }
  }
  return ticks.map((t) => ({ t, label: tickLabel(t, spanDays) }));
}

/**
 * Which side of its dashed line each of the user's own rates is labelled on. Labels sit above
 * their line; when a line lies within `minGap` (a share of the y-axis span) of the one above it
 * and that one's label is above, this one's goes below, so the two labels do not print over
 * each other. (Three lines that close cannot all be kept apart with two sides; two is the
 * common case: a homeowner's two loans at nearby rates.)
 */
export function ownLabelSides(rates: { id: string; rate: number }[], domain: [number, number], minGap = 0.08): Map<string, "above" | "below"> {
  const span = domain[1] - domain[0] || 1;
  const sides = new Map<string, "above" | "below">();
  let previous: { rate: number; side: "above" | "below" } | undefined;
  for (const r of [...rates].sort((a, b) => b.rate - a.rate)) {
    const crowded = previous !== undefined && previous.side === "above" && (previous.rate - r.rate) / span < minGap;
    const side = crowded ? "below" : "above";
    sides.set(r.id, side);
    previous = { rate: r.rate, side };
  }
  return sides;
}
