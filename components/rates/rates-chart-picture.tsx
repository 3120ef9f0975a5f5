// The static picture of the rates chart: the same lines, colours, axes and refi zones as the
// recharts drawing (./rates-chart-drawing.tsx), drawn with the page and redrawn when the range or
// types change, with no recharts until the reader reaches for the chart (components/charts/chart-stage.tsx).

import { clamp01, linearScale, linePath } from "@/components/charts/geometry";
import { StaticChart, type Mark, type PlotLabel } from "@/components/charts/static-chart";
import { formatPercent } from "@/lib/format";
import type { RateType } from "@/lib/rates/types";
import { ownLabelSides, timeTicks, type ChartRow } from "./chart-data";
import type { OwnRate } from "./rates-chart-drawing";
import { OWN_COLORS, SERIES_COLORS } from "./series-colors";

export function RatesChartPicture({ rows, selected, own, domain, ticks }: { rows: ChartRow[]; selected: RateType[]; own: OwnRate[]; domain: [number, number]; ticks: number[] }) {
  const from = rows[0]?.t ?? 0;
  const to = rows[rows.length - 1]?.t ?? 1;
  const x = linearScale([from, to]);
  const y = linearScale(domain);
  const marks: Mark[] = [];
  const labels: PlotLabel[] = [];
  for (const m of own) {
    const top = clamp01(y(Math.max(domain[0], m.refiBelow)));
    marks.push({ kind: "rect", x: 0, y: 0, width: 1, height: top, fill: OWN_COLORS.zone, fillOpacity: 0.12 });
  }
  const sides = ownLabelSides(own, domain);
  for (const m of own) {
    if (m.rate < domain[0] || m.rate > domain[1]) continue;
    marks.push({ kind: "rule", axis: "y", at: y(m.rate), stroke: OWN_COLORS.line, dash: "6 4" });
    labels.push({ text: `Your rate: ${m.name} ${formatPercent(m.rate)}`, x: 0, y: y(m.rate), anchor: "start", place: sides.get(m.id) ?? "above", className: "text-rose-700 dark:text-rose-400" });
  }
  for (const t of selected) {
    // connectNulls, as the drawing: a row without this type (another series' date) is skipped, not a gap.
    const points = rows.flatMap((r) => (r[t] === undefined ? [] : [{ x: x(r.t), y: y(r[t]!) }]));
    marks.push({ kind: "path", d: linePath(points), stroke: SERIES_COLORS[t], className: `rate-line rate-line-${t}` });
  }
  return (
    <StaticChart
      left={ticks.map((v) => ({ at: y(v), label: `${v}%` }))}
      leftWidth={48}
      bottom={timeTicks(from, to).map((tick) => ({ at: x(tick.t), label: tick.label }))}
      top={12}
      marks={marks}
      labels={labels}
    />
  );
}
