// The static pictures of the calculator charts: the same data, colours and axes as the recharts
// drawings in ./chart-drawings.tsx, drawn with the page (no recharts) and shown until the reader
// reaches for the interactive chart (components/charts/chart-stage.tsx).

import { areaPath, bandScale, clamp01, linearScale, linePath } from "@/components/charts/geometry";
import { StaticChart, type AxisTick, type Mark, type PlotLabel } from "@/components/charts/static-chart";
import { formatPercent } from "@/lib/format";
import { COLORS, LEGENDS, percent, type PaymentByRateData, type FrontierData, frontierCutoff } from "./chart-style";
import { breakEvenAxes, frontierAxes, interestAxes, paymentByRateAxes, scheduleAxes, type Axis } from "./chart-axes";
import { paymentByRateLabels, type Side } from "./chart-labels";
import type { YearPoint } from "./chart-drawings";
import { useChartMoney } from "./use-chart-money";

// Label colours in the plot: darker than the lines in light mode, lighter in dark mode, for contrast.
const TEXT = {
  axis: "text-slate-500 dark:text-slate-400",
  good: "text-emerald-700 dark:text-emerald-400",
  marker: "text-rose-700 dark:text-rose-400",
};

/** An axis (./chart-axes.ts, shared with the drawing) as fractions of the plot. */
function placed(axis: Axis, format: (v: number) => string) {
  const scale = linearScale(axis.domain);
  return { scale, ticks: axis.ticks.map((t): AxisTick => ({ at: scale(t), label: format(t) })) };
}


/** Stacked bars, one stack per category; `parts` from the bottom up. */
function stackedBars(count: number, parts: { value: (i: number) => number; fill: string }[], scaleY: (v: number) => number): Mark[] {
  const { center, band } = bandScale(count);
  const width = band * 0.8;
  const marks: Mark[] = [];
  for (let i = 0; i < count; i++) {
    let base = 0;
    for (const part of parts) {
      const value = Math.max(0, part.value(i));
      marks.push({ kind: "rect", x: center(i) - width / 2, y: scaleY(base), width, height: scaleY(base + value) - scaleY(base), fill: part.fill });
      base += value;
    }
  }
  return marks;
}

export function SchedulePicture({ yearly }: { yearly: YearPoint[] }) {
  const { ticks } = useChartMoney();
  const axes = scheduleAxes(yearly);
  const paid = placed(axes.paid, ticks);
  const balance = placed(axes.balance, ticks);
  const { center } = bandScale(yearly.length);
  const bars = stackedBars(
    yearly.length,
    [
      { value: (i) => yearly[i]!.principal, fill: COLORS.principal },
      { value: (i) => yearly[i]!.interest, fill: COLORS.interest },
    ],
    paid.scale,
  );
  const line = linePath(yearly.map((y, i) => ({ x: center(i), y: balance.scale(y.endBalance) })));
  return (
    <StaticChart
      left={paid.ticks}
      right={balance.ticks}
      bottom={axes.labelled.map((i) => ({ at: center(i), label: String(yearly[i]!.year) }))}
      xTitle="Year"
      marks={[...bars, { kind: "path", d: line, stroke: COLORS.balance }]}
      legend={LEGENDS.schedule}
    />
  );
}

export function PaymentByRatePicture({
  points,
  targetPayment,
  targetRatePercent,
  marketRate,
}: PaymentByRateData) {
  const { fmt, ticks } = useChartMoney();
  const axes = paymentByRateAxes({ points, targetPayment });
  const place = paymentByRateLabels({ points, targetPayment, targetRatePercent, marketRatePercent: marketRate?.ratePercent ?? null });
  const x = placed(axes.x, percent);
  const y = placed(axes.y, ticks);
  // A label on the left of its line ends at it; on the right it starts there.
  const anchor = (side: Side) => (side === "left" ? "end" : "start");
  const marks: Mark[] = [
    { kind: "path", d: linePath(points.map((p) => ({ x: x.scale(p.ratePercent), y: y.scale(p.payment) }))), stroke: COLORS.balance },
    { kind: "rule", axis: "y", at: y.scale(targetPayment), stroke: COLORS.axis, dash: "6 4" },
  ];
  const { end, place: payment } = place.targetPayment;
  const labels: PlotLabel[] = [
    { text: `Target ${fmt.dollars(targetPayment, { whole: true })}`, x: end === "left" ? 0 : 1, y: y.scale(targetPayment), anchor: end === "left" ? "start" : "end", place: payment, className: TEXT.axis },
  ];
  if (targetRatePercent !== null && place.targetRate) {
    marks.push({ kind: "rule", axis: "x", at: place.targetRate.at, stroke: COLORS.principal, strokeWidth: 2 });
    labels.push({ text: `Target rate ${formatPercent(targetRatePercent)}`, x: place.targetRate.at, y: 1, anchor: anchor(place.targetRate.side), place: "below", className: TEXT.good });
  }
  if (marketRate && place.market) {
    marks.push({ kind: "rule", axis: "x", at: place.market.at, stroke: COLORS.marker, dash: "3 3" });
    labels.push({ text: `Today ${formatPercent(marketRate.ratePercent)}`, x: place.market.at, y: 0, anchor: anchor(place.market.side), place: "above", className: TEXT.marker });
  }
  return <StaticChart left={y.ticks} bottom={x.ticks} gridX top={16} marks={marks} labels={labels} />;
}

export function BreakEvenPicture({ series, breakEvenMonth }: { series: { month: number; keepCost: number; refiCost: number }[]; breakEvenMonth: number | null }) {
  const { ticks } = useChartMoney();
  const axes = breakEvenAxes(series);
  const x = placed(axes.x, String);
  const y = placed(axes.y, ticks);
  const line = (cost: (s: (typeof series)[number]) => number) => linePath(series.map((s) => ({ x: x.scale(s.month), y: y.scale(cost(s)) })));
  const marks: Mark[] = [
    { kind: "path", d: line((s) => s.keepCost), stroke: COLORS.keep },
    { kind: "path", d: line((s) => s.refiCost), stroke: COLORS.refi },
  ];
  const labels: PlotLabel[] = [];
  if (breakEvenMonth !== null) {
    marks.push({ kind: "rule", axis: "x", at: x.scale(breakEvenMonth), stroke: COLORS.marker, dash: "4 4" });
    labels.push({ text: `Break-even: month ${breakEvenMonth}`, x: x.scale(breakEvenMonth), y: 1, anchor: "start", place: "below", className: TEXT.marker });
  }
  return (
    <StaticChart
      left={y.ticks}
      bottom={x.ticks}
      gridX
      top={16}
      xTitle="Month"
      marks={marks}
      labels={labels}
      legend={LEGENDS.breakEven}
    />
  );
}

export function InterestComparisonPicture({ bars }: { bars: { label: string; interest: number; costs: number }[] }) {
  const { ticks } = useChartMoney();
  const y = placed(interestAxes(bars).y, ticks);
  const { center } = bandScale(bars.length);
  const marks = stackedBars(
    bars.length,
    [
      { value: (i) => bars[i]!.interest, fill: COLORS.interest },
      { value: (i) => bars[i]!.costs, fill: COLORS.costs },
    ],
    y.scale,
  );
  return (
    <StaticChart
      left={y.ticks}
      bottom={bars.map((b, i) => ({ at: center(i), label: b.label }))}
      marks={marks}
      legend={LEGENDS.interest}
    />
  );
}

export function FrontierPicture(data: FrontierData) {
  const { frontier, homeowner } = data;
  const cutoff = frontierCutoff(data);
  const axes = frontierAxes(data);
  const x = placed(axes.x, String);
  const y = placed(axes.y, percent);
  const points = frontier.map((f) => (f.maxRatePercent === null ? null : { x: x.scale(f.month), y: y.scale(f.maxRatePercent) }));
  const marks: Mark[] = [
    { kind: "path", d: areaPath(points), fill: COLORS.principal, fillOpacity: 0.25 },
    { kind: "path", d: linePath(points), stroke: COLORS.principal, strokeWidth: 1 },
  ];
  const labels: PlotLabel[] = [];
  if (cutoff !== null) {
    marks.push({ kind: "rule", axis: "x", at: x.scale(cutoff), stroke: COLORS.axis, dash: "4 4" });
    labels.push({ text: `No rate helps after month ${cutoff}`, x: x.scale(cutoff), y: 1, anchor: "end", place: "below", className: TEXT.axis });
  }
  const you = { x: clamp01(x.scale(homeowner.month)), y: clamp01(y.scale(homeowner.ratePercent)) };
  return (
    <StaticChart
      left={y.ticks}
      leftWidth={48}
      bottom={x.ticks}
      gridX
      top={16}
      xTitle="Months since the loan started"
      marks={marks}
      labels={labels}
      dots={[{ ...you, fill: COLORS.marker, label: { text: "You", ...you, anchor: "middle", place: "above", className: TEXT.marker } }]}
    />
  );
}
