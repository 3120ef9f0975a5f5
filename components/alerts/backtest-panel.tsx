"use client";

import { useMemo } from "react";
import { CartesianGrid, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { LABEL_HALO } from "@/components/charts/label-halo";
import { backtest, type RateSeries } from "@/lib/alerts/backtest";
import type { AlertTarget } from "@/lib/alerts/evaluate";
import { PRODUCT_LABELS, productForTerm } from "@/lib/alerts/products";
import { findTargetRate } from "@/lib/calc/target-rate";
import { formatPercent } from "@/lib/format";
import { useFormat } from "@/components/display-format";
import { downsampleMinMax } from "@/lib/rates/downsample";

const EMPTY: RateSeries = { dates: [], rates: [] };

/** The rate at which the target is reached: the target rate, or the rate whose payment equals the target payment. */
function thresholdRate(target: AlertTarget, financedCents: number): number | null {
  if (target.alertType === "interest_rate") return target.targetInterestRate;
  if (financedCents <= 0) return null;
  const r = findTargetRate({ balance: financedCents / 100, newTermMonths: target.targetTerm, targetPayment: target.targetMonthlyPaymentCents / 100 });
  return r.found ? r.exactRatePercent : null;
}

/**
 * "On Freddie Mac history since 1971, this alert would have fired in N weeks", with a small chart
 * of the market series and the target line. Recomputed in the browser as the target changes.
 */
export function BacktestPanel({ series, target, financedCents }: { series: Record<string, RateSeries>; target: AlertTarget | null; financedCents: number }) {
  const fmt = useFormat();
  const product = target ? productForTerm(target.targetTerm) : "30_year_fixed";
  const s = series[product] ?? EMPTY;
  const result = useMemo(() => (target ? backtest(s, target, financedCents) : null), [s, target, financedCents]);
  const points = useMemo(
    () =>
      downsampleMinMax(
        s.dates.map((date, i) => ({ date, rate: s.rates[i]! })),
        240,
        (p) => p.rate,
      ),
    [s],
  );
  const line = target ? thresholdRate(target, financedCents) : null;

  if (s.dates.length === 0) return <p className="text-sm text-slate-600 dark:text-slate-400">No rate history is loaded yet, so there is nothing to replay.</p>;
  const since = new Date(`${s.dates[0]}T00:00:00Z`).getUTCFullYear();
  return (
    <div className="space-y-3" data-testid="backtest">
      <p className="text-sm text-slate-700 dark:text-slate-300" aria-live="polite">
        {!target || !result ? (
          "Enter a target to see how often it would have fired."
        ) : result.weeks === 0 ? (
          <>
            On Freddie Mac history since {since}, this alert would <strong>never</strong> have fired: the {PRODUCT_LABELS[product]} rate never reached it in{" "}
            {result.totalWeeks.toLocaleString("en-US")} weeks.
          </>
        ) : (
          <>
            On Freddie Mac history since {since}, this alert would have fired in <strong>{result.weeks.toLocaleString("en-US")}</strong> of{" "}
            {result.totalWeeks.toLocaleString("en-US")} weeks, first on {fmt.date(result.first)}, last on {fmt.date(result.last)}.
          </>
        )}
      </p>
      <div className="h-48 w-full" aria-hidden>
        <ResponsiveContainer width="100%" height="100%">
          <LineChart data={points} accessibilityLayer={false} margin={{ top: 8, right: 8, bottom: 0, left: -16 }}>
            <CartesianGrid stroke="#94a3b833" vertical={false} />
            <XAxis dataKey="date" tickFormatter={(d: string) => d.slice(0, 4)} minTickGap={40} tick={{ fontSize: 11, fill: "var(--chart-text)" }} />
            <YAxis tickFormatter={(v: number) => `${v}%`} tick={{ fontSize: 11, fill: "var(--chart-text)" }} domain={[0, "auto"]} />
            <Tooltip formatter={(v) => [formatPercent(Number(v)), PRODUCT_LABELS[product]]} labelFormatter={(d) => `Week of ${fmt.date(String(d))}`} itemStyle={{ color: "#0f172a" }} />
            <Line type="monotone" dataKey="rate" stroke="#2563eb" dot={false} strokeWidth={1.5} isAnimationActive={false} />
            {line !== null && <ReferenceLine y={line} stroke="var(--chart-mark)" strokeDasharray="4 3" label={{ value: `target ${formatPercent(line, 2)}`, fontSize: 11, fill: "var(--chart-mark)", position: "insideTopRight", ...LABEL_HALO }} />}
          </LineChart>
        </ResponsiveContainer>
      </div>
      {target?.alertType === "monthly_payment" && (
        <p className="text-xs text-slate-500 dark:text-slate-400">
          {line === null ? "No rate brings the payment down to this target." : `The target payment is reached at a ${PRODUCT_LABELS[product]} rate of ${formatPercent(line, 3)} or lower (today's balance plus costs).`}
        </p>
      )}
    </div>
  );
}
