"use client";

import { Banner, Stat } from "@/components/ui/card";
import { useFormat } from "@/components/display-format";
import type { CalculatorOutput } from "@/lib/calc";
import { MAX_RATE_PERCENT } from "@/lib/calc/types"; // not "@/lib/calc": that brings zod to the browser
import { RATE_GRID_STEP_PERCENT } from "@/lib/calc/target-rate";
import { formatPercent } from "@/lib/format";
import { PaymentByRateChart } from "./charts";
import { Stats } from "./result-parts";
import type { MarketRates } from "./results";

/** Today's survey average for the new term (30 or 15 years), named for the chart's caption. */
function marketRateFor(rates: MarketRates, termYears: number | undefined, date: (iso: string) => string) {
  const rate = termYears === 30 || termYears === 15 ? rates[termYears] : undefined;
  return rate ? { label: `the latest ${termYears}-year average`, source: `Freddie Mac PMMS, week of ${date(rate.date)}`, ratePercent: rate.ratePercent } : null;
}

/**
 * The rate that brings the payment down to the target. Two rates answer that: the exact one (where
 * the payment equals the target, 2.809 %) and the one a homeowner can actually be offered, since
 * lenders quote in steps of 1/8 of a point (0.125 %): the highest such rate whose payment is at or
 * under the target (2.75 %). The quotable one leads; the exact one says why it is not the headline.
 */
export function TargetRateResult({ output, newTermYears, marketRates }: { output: CalculatorOutput<"target_rate">; newTermYears: number | undefined; marketRates: MarketRates }) {
  const fmt = useFormat();
  const s = output.summary;
  const market = marketRateFor(marketRates, newTermYears, fmt.date);
  const target = fmt.dollars(s.targetPayment);
  return (
    <>
      {s.found ? (
        <Stats>
          {(s.gridRatePercent ?? 0) > MAX_RATE_PERCENT ? (
            // Reached only at rates nobody lends at: say so instead of "164.50 %".
            <Stat label="Target rate" value={<span data-testid="headline">Any rate up to {MAX_RATE_PERCENT}%</span>} hint={`Even at ${MAX_RATE_PERCENT}% the payment stays under ${target}`} />
          ) : (
            <>
              <Stat
                label="Target rate"
                value={<span data-testid="headline">{formatPercent(s.gridRatePercent)}</span>}
                hint={`The highest rate lenders quote (in ${RATE_GRID_STEP_PERCENT}% steps) that meets your target: ${fmt.dollars(s.paymentAtGridRate)} a month`}
              />
              <Stat label="Exact rate for your target" value={formatPercent(s.exactRatePercent)} hint={`Where the payment is exactly ${target}; lenders don't quote rates this precisely`} />
            </>
          )}
          {market ? (
            <Stat label="Latest average" value={formatPercent(market.ratePercent)} hint={market.ratePercent <= (s.gridRatePercent ?? 0) ? "At or below your target rate" : "Above your target rate"} />
          ) : (
            <Stat label="Payment at 0%" value={fmt.dollars(s.zeroRatePayment)} />
          )}
        </Stats>
      ) : (
        <Banner tone="warning">
          <span data-testid="headline">No rate reaches this payment</span>: even at 0% the payment is {fmt.dollars(s.zeroRatePayment)}. Try a longer term or a higher
          target.
        </Banner>
      )}
      <PaymentByRateChart points={output.chart.paymentByRate} targetPayment={s.targetPayment} targetRatePercent={s.gridRatePercent} marketRate={market} />
    </>
  );
}
