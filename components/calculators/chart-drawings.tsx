"use client";

// The interactive recharts drawings of the calculator charts, loaded by ./charts.tsx only when the
// reader reaches for a chart (until then its static picture, ./chart-pictures.tsx, is shown). The
// accessibility layer makes each one a focus stop whose arrow keys move the tooltip.

import type { ReactElement } from "react";
import {
  Area,
  Bar,
  BarChart,
  CartesianGrid,
  ComposedChart,
  Legend,
  Line,
  LineChart,
  ReferenceDot,
  ReferenceLine,
  ResponsiveContainer,
  Text,
  Tooltip,
  usePlotArea,
  XAxis,
  YAxis,
} from "recharts";
import { LABEL_HALO } from "@/components/charts/label-halo";
import { formatPercent } from "@/lib/format";
import { breakEvenAxes, frontierAxes, interestAxes, paymentByRateAxes, scheduleAxes } from "./chart-axes";
import { paymentByRateLabels, type Side } from "./chart-labels";
import { LegendList } from "@/components/charts/legend-list";
import { COLORS, LEGENDS, percent, type PaymentByRateData, type FrontierData, frontierCutoff } from "./chart-style";
import { useChartMoney } from "./use-chart-money";

const tick = { fill: COLORS.axis, fontSize: 12 };
// Item text in slate, not the series colour: amber or green text on white fails contrast (axe).
const tooltipStyle = { contentStyle: { borderRadius: 8, fontSize: 13 }, labelStyle: { color: "#0f172a" }, itemStyle: { color: "#0f172a" } };

function Responsive({ children }: { children: ReactElement }) {
  return (
    <ResponsiveContainer width="100%" height="100%" initialDimension={{ width: 600, height: 300 }}>
      {children}
    </ResponsiveContainer>
  );
}

export type YearPoint = { year: number; interest: number; principal: number; endBalance: number };

/** Principal and interest paid each year (stacked), with the balance left as a line. */
export function ScheduleDrawing({ yearly }: { yearly: YearPoint[] }) {
  const { ticks, money } = useChartMoney();
  const axes = scheduleAxes(yearly);
  return (
    <Responsive>
      <ComposedChart data={yearly} accessibilityLayer title="Principal, interest and balance by year: the arrow keys step through the years" margin={{ top: 8, right: 8, bottom: 8, left: 8 }}>
        <CartesianGrid stroke={COLORS.grid} vertical={false} />
        <XAxis dataKey="year" tick={tick} ticks={axes.labelled.map((i) => yearly[i]!.year)} interval={0} label={{ value: "Year", position: "insideBottom", offset: -4, fill: COLORS.axis, fontSize: 12 }} />
        <YAxis yAxisId="paid" tick={tick} tickFormatter={ticks} domain={axes.paid.domain} ticks={axes.paid.ticks} width={56} />
        <YAxis yAxisId="balance" orientation="right" tick={tick} tickFormatter={ticks} domain={axes.balance.domain} ticks={axes.balance.ticks} width={56} />
        <Tooltip formatter={money} labelFormatter={(y) => `Year ${y}`} {...tooltipStyle} />
        <Legend content={<LegendList items={LEGENDS.schedule} className="pt-1" />} />
        <Bar yAxisId="paid" dataKey="principal" name="Principal" stackId="paid" fill={COLORS.principal} />
        <Bar yAxisId="paid" dataKey="interest" name="Interest" stackId="paid" fill={COLORS.interest} />
        <Line yAxisId="balance" dataKey="endBalance" name="Balance" stroke={COLORS.balance} strokeWidth={2} dot={false} type="monotone" />
      </ComposedChart>
    </Responsive>
  );
}

// Recharts' name for where the target payment's label goes (./chart-axes.ts, as
// ./chart-pictures.tsx draws it): on a horizontal line "insideBottomLeft" is above it, at its left end.
type Corner = `inside${"Top" | "Bottom"}${"Left" | "Right"}`;
const endPosition = (end: Side, place: "above" | "below"): Corner => `inside${place === "above" ? "Bottom" : "Top"}${end === "left" ? "Left" : "Right"}`;

/**
 * A vertical line's label as the picture's (components/charts/static-chart.tsx): beside the line on
 * its `side`, in the plot's top or bottom row, wrapping within the room to the plot's edge rather
 * than running off it (recharts' own labels do not wrap, and a phone's plot is narrow).
 * Recharts gives it the line's `viewBox`.
 */
function RuleLabel({ viewBox, text, side, row, fill }: { viewBox?: { x?: number }; text: string; side: Side; row: "top" | "bottom"; fill: string }) {
  const plot = usePlotArea();
  const x = viewBox?.x;
  if (!plot || x === undefined) return null;
  const room = (side === "left" ? x - plot.x : plot.x + plot.width - x) - 8;
  return (
    <Text
      x={side === "left" ? x - 4 : x + 4}
      y={row === "top" ? plot.y + 2 : plot.y + plot.height - 2}
      textAnchor={side === "left" ? "end" : "start"}
      verticalAnchor={row === "top" ? "start" : "end"}
      width={room}
      lineHeight={16}
      fill={fill}
      fontSize={12}
    >
      {text}
    </Text>
  );
}

/** Monthly payment at each rate, with the target payment, the rate that reaches it and today's market rate. */
export function PaymentByRateDrawing({
  points,
  targetPayment,
  targetRatePercent,
  marketRate,
}: PaymentByRateData) {
  const { fmt, ticks, money } = useChartMoney();
  const axes = paymentByRateAxes({ points, targetPayment });
  const place = paymentByRateLabels({ points, targetPayment, targetRatePercent, marketRatePercent: marketRate?.ratePercent ?? null });
  return (
    <Responsive>
      <LineChart data={points} accessibilityLayer title="Monthly payment by rate: the arrow keys step through the rates" margin={{ top: 16, right: 16, bottom: 8, left: 8 }}>
        <CartesianGrid stroke={COLORS.grid} />
        <XAxis dataKey="ratePercent" type="number" domain={axes.x.domain} ticks={axes.x.ticks} tick={tick} tickFormatter={percent} />
        <YAxis tick={tick} tickFormatter={ticks} domain={axes.y.domain} ticks={axes.y.ticks} width={56} />
        <Tooltip formatter={money} labelFormatter={(r) => `Rate ${formatPercent(Number(r))}`} {...tooltipStyle} />
        <Line dataKey="payment" name="Monthly payment" stroke={COLORS.balance} strokeWidth={2} dot={false} />
        <ReferenceLine
          y={targetPayment}
          stroke={COLORS.axis}
          strokeDasharray="6 4"
          label={{ value: `Target ${fmt.dollars(targetPayment, { whole: true })}`, position: endPosition(place.targetPayment.end, place.targetPayment.place), fill: COLORS.axis, fontSize: 12, ...LABEL_HALO }}
        />
        {targetRatePercent !== null && place.targetRate && (
          <ReferenceLine x={targetRatePercent} stroke={COLORS.principal} strokeWidth={2} label={<RuleLabel text={`Target rate ${formatPercent(targetRatePercent)}`} side={place.targetRate.side} row="top" fill={COLORS.principal} />} />
        )}
        {marketRate && place.market && (
          <ReferenceLine
            x={marketRate.ratePercent}
            stroke={COLORS.marker}
            strokeDasharray="3 3"
            label={<RuleLabel text={`Today ${formatPercent(marketRate.ratePercent)}`} side={place.market.side} row="bottom" fill={COLORS.marker} />}
          />
        )}
      </LineChart>
    </Responsive>
  );
}

/** What keeping and refinancing have cost by each month; the lines cross at the break-even. */
export function BreakEvenDrawing({ series, breakEvenMonth }: { series: { month: number; keepCost: number; refiCost: number }[]; breakEvenMonth: number | null }) {
  const { ticks, money } = useChartMoney();
  const axes = breakEvenAxes(series);
  return (
    <Responsive>
      <LineChart data={series} accessibilityLayer title="What keeping and refinancing cost by month: the arrow keys step through the months" margin={{ top: 16, right: 16, bottom: 8, left: 8 }}>
        <CartesianGrid stroke={COLORS.grid} />
        <XAxis dataKey="month" type="number" domain={axes.x.domain} ticks={axes.x.ticks} tick={tick} label={{ value: "Month", position: "insideBottom", offset: -4, fill: COLORS.axis, fontSize: 12 }} />
        <YAxis tick={tick} tickFormatter={ticks} domain={axes.y.domain} ticks={axes.y.ticks} width={56} />
        <Tooltip formatter={money} labelFormatter={(m) => `Month ${m}`} {...tooltipStyle} />
        <Legend content={<LegendList items={LEGENDS.breakEven} className="pt-1" />} />
        <Line dataKey="keepCost" name="Keep current loan" stroke={COLORS.keep} strokeWidth={2} dot={false} />
        <Line dataKey="refiCost" name="Refinance" stroke={COLORS.refi} strokeWidth={2} dot={false} />
        {breakEvenMonth !== null && (
          <ReferenceLine x={breakEvenMonth} stroke={COLORS.marker} strokeDasharray="4 4" label={{ value: `Break-even: month ${breakEvenMonth}`, position: "insideTopLeft", fill: COLORS.marker, fontSize: 12, ...LABEL_HALO }} />
        )}
      </LineChart>
    </Responsive>
  );
}

/** Interest still to pay on each option, with the refinance's closing costs on top. */
export function InterestComparisonDrawing({ bars }: { bars: { label: string; interest: number; costs: number }[] }) {
  const { ticks, money } = useChartMoney();
  const { y } = interestAxes(bars);
  return (
    <Responsive>
      <BarChart data={bars} accessibilityLayer title="Interest and closing costs of each option: the arrow keys step through the options" margin={{ top: 8, right: 8, bottom: 8, left: 8 }}>
        <CartesianGrid stroke={COLORS.grid} vertical={false} />
        <XAxis dataKey="label" tick={tick} />
        <YAxis tick={tick} tickFormatter={ticks} domain={y.domain} ticks={y.ticks} width={56} />
        <Tooltip formatter={money} {...tooltipStyle} />
        <Legend content={<LegendList items={LEGENDS.interest} className="pt-1" />} />
        <Bar dataKey="interest" name="Interest" stackId="cost" fill={COLORS.interest} />
        <Bar dataKey="costs" name="Closing costs" stackId="cost" fill={COLORS.costs} />
      </BarChart>
    </Responsive>
  );
}

/** The frontier: below the area refinancing pays less interest; the homeowner's point on it. */
export function FrontierDrawing(data: FrontierData) {
  const { frontier, homeowner } = data;
  const cutoff = frontierCutoff(data);
  const axes = frontierAxes(data);
  return (
    <Responsive>
      <ComposedChart data={frontier} accessibilityLayer title="Highest rate that pays less, by month: the arrow keys step through the months" margin={{ top: 16, right: 16, bottom: 8, left: 8 }}>
        <CartesianGrid stroke={COLORS.grid} />
        <XAxis dataKey="month" type="number" domain={axes.x.domain} ticks={axes.x.ticks} tick={tick} label={{ value: "Months since the loan started", position: "insideBottom", offset: -4, fill: COLORS.axis, fontSize: 12 }} />
        <YAxis tick={tick} tickFormatter={percent} domain={axes.y.domain} ticks={axes.y.ticks} width={48} />
        <Tooltip formatter={(v) => formatPercent(Number(v))} labelFormatter={(m) => `Month ${m}`} {...tooltipStyle} />
        <Area dataKey="maxRatePercent" name="Highest rate that pays less" type="monotone" stroke={COLORS.principal} fill={COLORS.principal} fillOpacity={0.25} connectNulls={false} />
        {cutoff !== null && (
          <ReferenceLine x={cutoff} stroke={COLORS.axis} strokeDasharray="4 4" label={{ value: `No rate helps after month ${cutoff}`, position: "insideTopRight", fill: COLORS.axis, fontSize: 12, ...LABEL_HALO }} />
        )}
        <ReferenceDot x={homeowner.month} y={homeowner.ratePercent} r={6} fill={COLORS.marker} stroke="#fff" label={{ value: "You", position: "top", fill: COLORS.marker, fontSize: 12, ...LABEL_HALO }} />
      </ComposedChart>
    </Responsive>
  );
}
