"use client";

import { IntentLink as Link } from "@/components/intent-link";
import { useCallback, useEffect, useMemo, useState } from "react";
import dynamic from "next/dynamic";
import { Button } from "@/components/ui/button";
import { Banner } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { ChartStage } from "@/components/charts/chart-stage";
import { formatDate, formatPercent } from "@/lib/format";
import type { OwnRate } from "./rates-chart-drawing";
import { OWN_COLORS } from "./series-colors";
import { ARM_5_1_LAST_DATE, RANGE_LABELS, RATE_RANGES, RATE_TYPE_LABELS, type RatePoint, type RateRange, type RateType } from "@/lib/rates/types";
import { mergeSeries, yAxis } from "./chart-data";
import { RatesChartPicture } from "./rates-chart-picture";
import { SERIES_COLORS } from "./series-colors";

// The chart is first a static picture (./rates-chart-picture.tsx), redrawn as the range and types change;
// recharts (~110 KB gzipped) loads only when the reader reaches for the chart (hover, touch or keyboard
// focus: components/charts/chart-stage.tsx). The box keeps its size, so nothing moves; the summary and
// the table carry the numbers.
const RatesChartDrawing = dynamic(() => import("./rates-chart-drawing").then((m) => m.RatesChartDrawing), { ssr: false });

/** What GET /api/rates answers (lib/rates/series.ts SeriesResult). */
export type ChartSeries = { type: RateType; range: RateRange | null; from: string | null; to: string | null; total: number; downsampled: boolean; points: RatePoint[] };
type Overlay = { threshold: number; mortgages: OwnRate[] };

const key = (type: RateType, range: RateRange) => `${type}|${range}`;

function ToggleButton({ pressed, onClick, children, color }: { pressed: boolean; onClick: () => void; children: React.ReactNode; color?: string }) {
  return (
    <button
      type="button"
      aria-pressed={pressed}
      onClick={onClick}
      className={cn(
        "inline-flex h-9 items-center gap-2 rounded-lg border px-3 text-sm font-medium transition-colors focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600",
        pressed
          ? "border-slate-900 bg-slate-900 text-white dark:border-slate-100 dark:bg-slate-100 dark:text-slate-900"
          : "border-slate-300 bg-white text-slate-700 hover:bg-slate-100 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-200 dark:hover:bg-slate-800",
      )}
    >
      {color && <span aria-hidden className="inline-block size-2.5 rounded-full" style={{ background: color }} />}
      {children}
    </button>
  );
}

/**
 * Freddie Mac's weekly rates over a chosen range, per type, with the signed-in user's own rates
 * and refi zones drawn over them (fetched from /api/rates/me, so the page stays the same for all).
 * The drawing is hidden from screen readers; the summary line and the table carry the numbers.
 */
export function RatesChart({ types, initialRange, initial }: { types: RateType[]; initialRange: RateRange; initial: ChartSeries[] }) {
  const [range, setRange] = useState<RateRange>(initialRange);
  const [selected, setSelected] = useState<RateType[]>(() => types.filter((t) => initial.some((s) => s.type === t && s.points.length > 0)));
  const [cache, setCache] = useState<Record<string, ChartSeries>>(() => Object.fromEntries(initial.map((s) => [key(s.type, initialRange), s])));
  const [failed, setFailed] = useState<string | null>(null);
  const [overlay, setOverlay] = useState<Overlay | null | "signed-out">(null);

  const missing = useMemo(() => selected.filter((t) => !cache[key(t, range)]), [selected, cache, range]);

  const load = useCallback(async (wanted: RateType[], r: RateRange) => {
    setFailed(null);
    try {
      const results = await Promise.all(
        wanted.map(async (t) => {
          const res = await fetch(`/api/rates?type=${t}&range=${r}`);
          if (!res.ok) throw new Error(`HTTP ${res.status}`);
          return (await res.json()) as ChartSeries;
        }),
      );
      setCache((c) => ({ ...c, ...Object.fromEntries(results.map((s) => [key(s.type, r), s])) }));
    } catch {
      setFailed(`Couldn't load the ${RANGE_LABELS[r]} rates. Check your connection and try again.`);
    }
  }, []);

  useEffect(() => {
    // Fetching on a state change is the point here: the API answers are cacheable per type and range.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    if (missing.length) void load(missing, range);
  }, [missing, range, load]);

  useEffect(() => {
    let live = true;
    fetch("/api/rates/me", { credentials: "same-origin" })
      .then(async (res) => {
        // Always read the body, so the response (even an error) is finished and never left open.
        const body: unknown = await res.json().catch(() => null);
        if (!live || !res.ok) return;
        setOverlay(body === null ? "signed-out" : (body as Overlay)); // null: signed out
      })
      .catch(() => {});
    return () => {
      live = false;
    };
  }, []);

  const shown = useMemo(() => selected.map((t) => cache[key(t, range)]).filter((s): s is ChartSeries => Boolean(s)), [selected, cache, range]);
  const rows = useMemo(() => mergeSeries(shown), [shown]);
  const own = overlay && overlay !== "signed-out" ? overlay.mortgages : [];
  const { domain, ticks } = yAxis([...shown.flatMap((s) => s.points.map((p) => p.rate)), ...own.flatMap((m) => [m.rate, m.refiBelow])]);
  const loading = missing.length > 0 && !failed;
  const emptyTypes = shown.filter((s) => s.points.length === 0).map((s) => s.type);
  const withData = shown.filter((s) => s.points.length > 0);
  const longest = withData.reduce<ChartSeries | null>((m, s) => (!m || s.total > m.total ? s : m), null);

  return (
    <div data-testid="rates-chart" data-range={range} data-types={selected.join(",")}>
      <div className="flex flex-col gap-3 sm:flex-row sm:items-center sm:justify-between">
        <div role="group" aria-label="Rate types" className="flex flex-wrap gap-2">
          {types.map((t) => (
            <ToggleButton
              key={t}
              color={SERIES_COLORS[t]}
              pressed={selected.includes(t)}
              onClick={() => setSelected((s) => (s.includes(t) ? s.filter((x) => x !== t) : types.filter((x) => x === t || s.includes(x))))}
            >
              {RATE_TYPE_LABELS[t]}
            </ToggleButton>
          ))}
        </div>
        <div role="group" aria-label="Time range" className="flex flex-wrap gap-1">
          {RATE_RANGES.map((r) => (
            <ToggleButton key={r} pressed={range === r} onClick={() => setRange(r)}>
              {RANGE_LABELS[r]}
            </ToggleButton>
          ))}
        </div>
      </div>

      {failed && (
        <div className="mt-4 flex flex-wrap items-center gap-3">
          <Banner tone="error">{failed}</Banner>
          <Button variant="secondary" size="sm" onClick={() => void load(missing, range)}>
            Try again
          </Button>
        </div>
      )}

      <div className="relative mt-4 h-72 w-full sm:h-96">
        {selected.length === 0 ? (
          <div className="flex h-full items-center justify-center rounded-lg border border-dashed border-slate-300 text-sm text-slate-500 dark:border-slate-700 dark:text-slate-400">
            Pick a rate type to draw.
          </div>
        ) : (
          <ChartStage
            picture={<RatesChartPicture rows={rows} selected={selected} own={own} domain={domain} ticks={ticks} />}
            exploreLabel="Explore the weekly rates in the chart"
          >
            <RatesChartDrawing rows={rows} selected={selected} own={own} domain={domain} ticks={ticks} />
          </ChartStage>
        )}
        {loading && (
          <div aria-hidden="true" className="absolute inset-0 flex items-center justify-center bg-white/60 text-sm text-slate-600 dark:bg-slate-950/60 dark:text-slate-300">
            Loading…
          </div>
        )}
      </div>

      <p className="mt-3 text-sm text-slate-600 dark:text-slate-400" data-testid="chart-summary" aria-live="polite" aria-busy={loading}>
        {loading
          ? "Loading rates…"
          : longest
            ? `Showing ${withData.map((s) => RATE_TYPE_LABELS[s.type]).join(", ")} from ${formatDate(longest.points[0]!.date)} to ${formatDate(longest.points[longest.points.length - 1]!.date)} (${longest.total.toLocaleString("en-US")} weeks${longest.downsampled ? `, drawn from ${longest.points.length} points keeping each period's high and low` : ""}).`
            : selected.length
              ? "No rates in this range for the selected types."
              : "No rate type selected."}
      </p>
      {emptyTypes.includes("5_1_ARM") && (
        <p className="mt-1 text-sm text-amber-700 dark:text-amber-400" data-testid="arm-ended">
          5/1 ARM: no rates in this range. Freddie Mac stopped publishing the 5/1 ARM after {formatDate(ARM_5_1_LAST_DATE)}; pick 5Y or longer to see its history.
        </p>
      )}

      {own.length > 0 && overlay && overlay !== "signed-out" && (
        // Neutral, not red: this is information, not an error; the swatch ties it to the dashed line.
        <div className="mt-4 rounded-lg border border-slate-200 bg-slate-50 px-4 py-3 text-sm dark:border-slate-800 dark:bg-slate-900" data-testid="own-rates">
          <p className="flex items-center gap-2 font-semibold text-slate-900 dark:text-slate-100">
            <span aria-hidden className="w-4 border-t-2 border-dashed" style={{ borderColor: OWN_COLORS.line }} />
            Your mortgages on the chart
          </p>
          <ul className="mt-1 space-y-1 text-slate-700 dark:text-slate-300">
            {own.map((m) => (
              <li key={m.id}>
                <span className="font-medium">{m.name}</span>: your rate {formatPercent(m.rate)} (dashed line). The shaded refi zone is at or below{" "}
                {formatPercent(m.refiBelow)}, your minimum drop of {overlay.threshold.toFixed(3)} points.
              </li>
            ))}
          </ul>
          <p className="mt-2 text-slate-600 dark:text-slate-400">
            Change the minimum drop in <Link href="/settings" className="font-semibold underline">settings</Link>.
          </p>
        </div>
      )}
      {overlay === "signed-out" && (
        <p className="mt-4 text-sm text-slate-600 dark:text-slate-400">
          <Link href="/sign-in?next=/rates" className="font-semibold text-brand-700 underline dark:text-brand-500">Sign in</Link> to see your own
          mortgage rate and refi zone on this chart.
        </p>
      )}
      {overlay && overlay !== "signed-out" && own.length === 0 && (
        <p className="mt-4 text-sm text-slate-600 dark:text-slate-400">
          <Link href="/mortgages" className="font-semibold text-brand-700 underline dark:text-brand-500">Add a mortgage</Link> to see your own rate and
          refi zone on this chart.
        </p>
      )}
    </div>
  );
}
