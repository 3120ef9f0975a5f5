// The axes of each calculator chart, computed once for both its static picture
// (./chart-pictures.tsx) and its interactive recharts drawing (./chart-drawings.tsx): the same
// domains and ticks, so nothing moves when the picture gives way to the drawing.
import { labelIndexes, niceTicks } from "@/components/charts/geometry";
import type { FrontierData, PaymentByRateData } from "./chart-style";

export type Axis = { domain: [number, number]; ticks: number[] };

/** A value axis that includes zero, on round steps (about five ticks). */
export function valueAxis(max: number, min = 0): Axis {
  return niceTicks(Math.min(0, min), max);
}

/** A number axis over exactly [0, max], ticked on round steps inside it (about six ticks). */
export function rangeAxis(max: number): Axis {
  return { domain: [0, max || 1], ticks: niceTicks(0, max, 6).ticks.filter((t) => t <= max + 1e-9) };
}

type Year = { year: number; interest: number; principal: number; endBalance: number };

/** Paid per year (left), balance (right), and the years labelled (at most eight). */
export function scheduleAxes(yearly: Year[]) {
  return {
    paid: valueAxis(Math.max(0, ...yearly.map((y) => y.principal + y.interest))),
    balance: valueAxis(Math.max(0, ...yearly.map((y) => y.endBalance))),
    labelled: labelIndexes(yearly.length, 8),
  };
}

export function paymentByRateAxes({ points, targetPayment }: Pick<PaymentByRateData, "points" | "targetPayment">) {
  const maxRate = points[points.length - 1]?.ratePercent ?? 10;
  return { maxRate, x: rangeAxis(maxRate), y: valueAxis(Math.max(targetPayment, ...points.map((p) => p.payment))) };
}

export function breakEvenAxes(series: { month: number; keepCost: number; refiCost: number }[]) {
  const costs = series.flatMap((s) => [s.keepCost, s.refiCost]);
  return { x: rangeAxis(series[series.length - 1]?.month ?? 0), y: valueAxis(Math.max(0, ...costs), Math.min(0, ...costs)) };
}

export function interestAxes(bars: { interest: number; costs: number }[]) {
  return { y: valueAxis(Math.max(0, ...bars.map((b) => b.interest + b.costs))) };
}

/** The months reach the homeowner's own point even past the frontier's last month. */
export function frontierAxes({ frontier, homeowner }: Pick<FrontierData, "frontier" | "homeowner">) {
  const rates = frontier.flatMap((f) => (f.maxRatePercent === null ? [] : [f.maxRatePercent]));
  return {
    x: rangeAxis(Math.max(frontier[frontier.length - 1]?.month ?? 0, homeowner.month)),
    // Headroom above the homeowner's point: its dot and "You" label sit above it, and at the
    // axis' very top they were drawn over the edge (an offered 6 % on a 0–6 % axis).
    y: valueAxis(Math.max(homeowner.ratePercent * 1.1, ...rates)),
  };
}
