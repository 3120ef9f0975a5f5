// Where the payment-by-rate chart's labels go, computed once for its static picture
// (./chart-pictures.tsx) and its recharts drawing (./chart-drawings.tsx), like its axes
// (./chart-axes.ts), so the two look the same. Positions are fractions of the plot.
import { paymentByRateAxes, type Axis } from "./chart-axes";
import type { PaymentByRateData } from "./chart-style";

export type Side = "left" | "right";

export type PaymentByRateLabels = {
  /** The target rate's line; its label hangs in the plot's top row. Null when there is none or it is off the chart. */
  targetRate: { at: number; side: Side } | null;
  /** Today's average's line; its label sits in the bottom row. Null when there is none or it is off the chart. */
  market: { at: number; side: Side } | null;
  /** The target payment's label: at one end of its dashed line, above it, or below it near the top. */
  targetPayment: { end: Side; place: "above" | "below" };
};

/** The plot width a rate label may take: about "Target rate 6.875%" on a phone. */
const REACH = 0.3;
/** The top row's depth when a label wraps there (its room is narrow); the curve must stay under it. */
const TOP_ROW = 0.8;

const fraction = ({ domain: [lo, hi] }: Axis, value: number) => (value - lo) / (hi - lo || 1);
const onChart = (at: number) => at >= 0 && at <= 1 + 1e-9;
/** Whether `other` is a line within a label's reach of `at`, on `side`. */
const within = (at: number, side: Side, other: number | null) => other !== null && (side === "left" ? other < at && other > at - REACH : other > at && other < at + REACH);

/**
 * The two rate labels take different rows (the target rate's at the top, today's at the bottom),
 * so near rates, say 7.00 % and 7.03 %, never share a corner. The target rate's label goes left of
 * its line, where the curve (below the target payment there) never reaches the top row, unless that
 * side is too narrow or today's line is in the way and the right is clear of both that line and
 * the curve. Today's, in a row the curve never reaches, takes the side with more room before the
 * target line or the plot's edge. The target payment's label sits at the end of its dashed line
 * farther from both rate lines, above the line, or below it when it runs near the top row.
 */
export function paymentByRateLabels({
  points,
  targetPayment,
  targetRatePercent,
  marketRatePercent,
}: Pick<PaymentByRateData, "points" | "targetPayment" | "targetRatePercent"> & { marketRatePercent: number | null }): PaymentByRateLabels {
  const { x, y } = paymentByRateAxes({ points, targetPayment });
  const shown = (rate: number | null) => (rate === null || !onChart(fraction(x, rate)) ? null : fraction(x, rate));
  const target = shown(targetRatePercent);
  const market = shown(marketRatePercent);

  let targetRate: PaymentByRateLabels["targetRate"] = null;
  if (target !== null) {
    const curveInTopRow = points.some((p) => fraction(x, p.ratePercent) > target && fraction(x, p.ratePercent) < target + REACH && fraction(y, p.payment) > TOP_ROW);
    const leftClear = target >= REACH / 2 && !within(target, "left", market);
    const rightClear = 1 - target >= REACH / 2 && !within(target, "right", market) && !curveInTopRow;
    // Neither clear (today's line a hair away, the curve high): the side with more room to the edge.
    targetRate = { at: target, side: leftClear ? "left" : rightClear ? "right" : target >= 1 - target ? "left" : "right" };
  }

  let marketLabel: PaymentByRateLabels["market"] = null;
  if (market !== null) {
    const left = market - (target !== null && target < market ? target : 0);
    const right = (target !== null && target > market ? target : 1) - market;
    marketLabel = { at: market, side: right > left ? "right" : "left" };
  }

  const lines = [target, market].filter((at): at is number => at !== null);
  const leftRoom = Math.min(1, ...lines);
  const rightRoom = 1 - Math.max(0, ...lines);
  return {
    targetRate,
    market: marketLabel,
    targetPayment: { end: rightRoom > leftRoom ? "right" : "left", place: fraction(y, targetPayment) > TOP_ROW ? "below" : "above" },
  };
}
