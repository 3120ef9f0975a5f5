"use client";

import { CartesianGrid, ComposedChart, Legend, Line, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { LABEL_HALO } from "@/components/charts/label-halo";
import { moneyTicks } from "@/components/calculators/chart-style";
import { niceTicks } from "@/components/charts/geometry";
import { LegendList } from "@/components/charts/legend-list";
import { useFormat } from "@/components/display-format";
import type { ChartPoint } from "@/lib/mortgages/projection";

// Text and the "today" mark follow the theme (app/globals.css), to read on either background.
const COLORS = { projected: "#3b82f6", recorded: "#059669", today: "var(--chart-mark)", axis: "var(--chart-text)", grid: "#94a3b833" };
const tick = { fill: COLORS.axis, fontSize: 12 };

/**
 * Projected (schedule) versus recorded balance over the life of the loan, today marked.
 * The gap between the lines at a snapshot is the extra principal paid. The drawing is hidden
 * from screen readers; the caption and the snapshot table carry the same information.
 */
export function BalanceChart({ points, todayMonth, caption }: { points: ChartPoint[]; todayMonth: number; caption: string }) {
  const fmt = useFormat();
  const byMonth = new Map(points.map((p) => [p.month, p.date]));
  const yearTicks = points.filter((p) => p.month % (points.length > 241 ? 60 : 24) === 0).map((p) => p.month);
  // Round steps that hug the loan (a $420k loan reads 0–500k, not recharts' 0–600k).
  const top = Math.max(0, ...points.map((p) => Math.max(p.projected ?? 0, p.recorded ?? 0)));
  const y = niceTicks(0, top, 6);
  const hasRecorded = points.some((p) => p.recorded !== null && p.recorded !== undefined);
  return (
    <figure data-testid="balance-chart" className="w-full">
      <div className="h-72 w-full sm:h-80" aria-hidden="true">
        <ResponsiveContainer width="100%" height="100%" initialDimension={{ width: 600, height: 300 }}>
          <ComposedChart data={points} accessibilityLayer={false} margin={{ top: 16, right: 12, bottom: 8, left: 8 }}>
            <CartesianGrid stroke={COLORS.grid} vertical={false} />
            <XAxis
              dataKey="month"
              type="number"
              domain={[0, points.length - 1]}
              ticks={yearTicks}
              tick={tick}
              tickFormatter={(m: number) => (byMonth.get(m) ?? "").slice(0, 4)}
            />
            <YAxis tick={tick} tickFormatter={moneyTicks(fmt.symbol)} width={56} domain={y.domain} ticks={y.ticks} />
            <Tooltip
              formatter={(v) => fmt.dollars(Number(v))}
              labelFormatter={(m) => `${fmt.date(byMonth.get(Number(m)))} · payment ${m}`}
              contentStyle={{ borderRadius: 8, fontSize: 13 }}
              labelStyle={{ color: "#0f172a" }}
              itemStyle={{ color: "#0f172a" }}
            />
            <Legend
              content={
                <LegendList
                  className="pt-1"
                  items={[{ label: "Projected (schedule)", color: COLORS.projected, shape: "line" }, ...(hasRecorded ? [{ label: "Recorded", color: COLORS.recorded, shape: "line" as const }] : [])]}
                />
              }
            />
            <Line dataKey="projected" name="Projected (schedule)" stroke={COLORS.projected} strokeWidth={2} dot={false} type="monotone" isAnimationActive={false} />
            {/* No balance recorded yet: no line, and no legend entry promising one. */}
            {hasRecorded && (
              <Line
                dataKey="recorded"
                name="Recorded"
                stroke={COLORS.recorded}
                strokeWidth={2}
                dot={{ r: 4, fill: COLORS.recorded }}
                connectNulls
                isAnimationActive={false}
              />
            )}
            <ReferenceLine x={todayMonth} stroke={COLORS.today} strokeDasharray="4 4" label={{ value: "Today", position: "top", fill: COLORS.today, fontSize: 12, ...LABEL_HALO }} />
          </ComposedChart>
        </ResponsiveContainer>
      </div>
      <figcaption className="mt-2 text-xs text-slate-500 dark:text-slate-400">{caption}</figcaption>
    </figure>
  );
}
