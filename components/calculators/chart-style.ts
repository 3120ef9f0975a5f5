// Colours and axis formats shared by the calculator charts' static pictures (./chart-pictures.tsx)
// and their interactive recharts drawings (./chart-drawings.tsx), so the two look the same.
import type { LegendItem } from "@/components/charts/legend-list";

/** Colours readable on the light and the dark background alike. */
export const COLORS = {
  principal: "#059669",
  interest: "#f59e0b",
  balance: "#3b82f6",
  keep: "#64748b",
  refi: "#059669",
  costs: "#ef4444",
  // Theme-dependent (app/globals.css): text on the chart must read on either background.
  marker: "var(--chart-mark)",
  axis: "var(--chart-text)",
  grid: "#94a3b833",
};

/** Each chart's legend, in one order for the picture and the drawing (components/charts/legend-list.tsx). */
export const LEGENDS = {
  schedule: [
    { label: "Principal", color: COLORS.principal, shape: "square" },
    { label: "Interest", color: COLORS.interest, shape: "square" },
    { label: "Balance", color: COLORS.balance, shape: "line" },
  ],
  breakEven: [
    { label: "Keep current loan", color: COLORS.keep, shape: "line" },
    { label: "Refinance", color: COLORS.refi, shape: "line" },
  ],
  interest: [
    { label: "Interest", color: COLORS.interest, shape: "square" },
    { label: "Closing costs", color: COLORS.costs, shape: "square" },
  ],
} satisfies Record<string, LegendItem[]>;

/**
 * Axis money: $1.4k, $250k, €1.2M, -$5k (one decimal below 10, so neighbouring ticks never read
 * the same), with the currency sign the reader's amounts carry.
 */
export function compactMoney(v: unknown, sign = "$"): string {
  const n = Number(v);
  const minus = n < 0 ? "-" : "";
  const a = Math.abs(n);
  const short = (x: number) => (x >= 10 ? String(Math.round(x)) : String(Number(x.toFixed(1))));
  if (a >= 1_000_000) return `${minus}${sign}${short(a / 1_000_000)}M`;
  if (a >= 1_000) return `${minus}${sign}${short(a / 1_000)}k`;
  // Below ten, ticks of an almost-empty axis (a loan paid off at once) keep their cents: $0.25.
  if (a < 10 && !Number.isInteger(a)) return `${minus}${sign}${a.toFixed(2)}`;
  return `${minus}${sign}${Math.round(a)}`;
}

/** compactMoney for one currency sign, as an axis tick formatter. */
export const moneyTicks = (sign: string) => (v: unknown) => compactMoney(v, sign);

/** Axis percent: 6.5 -> "6.5%". */
export const percent = (v: unknown) => `${Number(v)}%`;

/** The payment-by-rate chart's data, drawn as a picture and as the interactive chart. */
export type PaymentByRateData = {
  points: { ratePercent: number; payment: number }[];
  targetPayment: number;
  targetRatePercent: number | null;
  /** Today's survey average: `label` names it ("the latest 30-year average"), `source` says whose and when. */
  marketRate: { label: string; source: string; ratePercent: number } | null;
};

/** The efficient frontier chart's data, drawn as a picture and as the interactive chart. */
export type FrontierData = {
  frontier: { month: number; maxRatePercent: number | null }[];
  homeowner: { month: number; ratePercent: number };
  lastHelpfulMonth: number | null;
};

/** The month after which refinancing no longer helps, when it falls inside the chart. */
export const frontierCutoff = ({ frontier, lastHelpfulMonth }: FrontierData): number | null =>
  lastHelpfulMonth !== null && lastHelpfulMonth < frontier.length - 1 ? lastHelpfulMonth : null;
