"use client";

import { CartesianGrid, ComposedChart, Line, ReferenceArea, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { LABEL_HALO } from "@/components/charts/label-halo";
import { formatDate, formatPercent } from "@/lib/format";
import { RATE_TYPE_LABELS, type RateType } from "@/lib/rates/types";
import { ownLabelSides, timeTicks, type ChartRow } from "./chart-data";
import { OWN_COLORS, SERIES_COLORS } from "./series-colors";

export type OwnRate = { id: string; name: string; rate: number; refiBelow: number };

const OWN = { ...OWN_COLORS, axis: "var(--chart-text)", grid: "#94a3b833" }; // text follows the theme (app/globals.css)

/**
 * The values of the week the pointer or the arrow keys are on. A live region, as recharts' own
 * tooltip is with its accessibility layer, so a screen reader says each week as the keys step.
 */
function RateTooltip({ active, payload, types }: { active?: boolean; payload?: { payload: ChartRow }[]; types: RateType[] }) {
  const row = payload?.[0]?.payload;
  if (!active || !row) return null;
  return (
    <div role="status" aria-live="assertive" aria-atomic="true" className="rounded-lg border border-slate-200 bg-white px-3 py-2 text-sm shadow-md dark:border-slate-700 dark:bg-slate-900">
    <p className="font-semibold text-slate-900 dark:text-slate-100">Week of {formatDate(row.date)}</p>
    <ul className="mt-1 space-y-0.5">
      {types
        .filter((t) => row[t] !== undefined)
        .map((t) => (
          <li key={t} className="flex items-center gap-2 tabular-nums text-slate-700 dark:text-slate-300">
            <span aria-hidden className="inline-block size-2 rounded-full" style={{ background: SERIES_COLORS[t] }} />
            {RATE_TYPE_LABELS[t]}: <span className="font-medium">{formatPercent(row[t])}</span>
            {row.points?.[t] != null && <span className="text-slate-500 dark:text-slate-400">· {row.points[t]!.toFixed(1)} points</span>}
          </li>
        ))}
    </ul>
    </div>
  );
}

/** The interactive recharts drawing of the rates chart, loaded only when the reader reaches for it (see rates-chart.tsx). */
export function RatesChartDrawing({
  rows,
  selected,
  own,
  domain,
  ticks,
}: {
  rows: ChartRow[];
  selected: RateType[];
  own: OwnRate[];
  domain: [number, number];
  ticks: number[];
}) {
  const sides = ownLabelSides(own, domain);
  // The picture's time ticks (rates-chart-picture.tsx), so the axis does not change at the swap.
  const from = rows[0]?.t ?? 0;
  const to = rows[rows.length - 1]?.t ?? 1;
  const times = timeTicks(from, to);
  const labelAt = new Map(times.map((tick) => [tick.t, tick.label]));
  return (
    <ResponsiveContainer width="100%" height="100%" initialDimension={{ width: 800, height: 360 }}>
      <ComposedChart data={rows} accessibilityLayer title="Weekly rates: the arrow keys step through the weeks" margin={{ top: 12, right: 12, bottom: 4, left: 0 }}>
        <CartesianGrid stroke={OWN.grid} vertical={false} />
        <XAxis
          dataKey="t"
          type="number"
          scale="time"
          domain={[from, to]}
          ticks={times.map((tick) => tick.t)}
          interval={0}
          tick={{ fill: OWN.axis, fontSize: 12 }}
          tickFormatter={(t: number) => labelAt.get(t) ?? ""}
        />
        <YAxis domain={domain} ticks={ticks} tick={{ fill: OWN.axis, fontSize: 12 }} tickFormatter={(v: number) => `${v}%`} width={48} allowDataOverflow />
        <Tooltip content={<RateTooltip types={selected} />} />
        {own.map((m) => (
          <ReferenceArea key={`zone-${m.id}`} y1={domain[0]} y2={Math.max(domain[0], m.refiBelow)} fill={OWN.zone} fillOpacity={0.12} ifOverflow="hidden" />
        ))}
        {own.map((m) => (
          <ReferenceLine
            key={`own-${m.id}`}
            y={m.rate}
            stroke={OWN.line}
            strokeDasharray="6 4"
            label={{ value: `Your rate: ${m.name} ${formatPercent(m.rate)}`, position: sides.get(m.id) === "below" ? "insideBottomLeft" : "insideTopLeft", fill: OWN.line, fontSize: 12, ...LABEL_HALO }}
          />
        ))}
        {selected.map((t) => (
          <Line
            key={t}
            dataKey={t}
            name={RATE_TYPE_LABELS[t]}
            className={`rate-line rate-line-${t}`}
            stroke={SERIES_COLORS[t]}
            strokeWidth={2}
            dot={false}
            connectNulls
            isAnimationActive={false}
          />
        ))}
      </ComposedChart>
    </ResponsiveContainer>
  );
}
