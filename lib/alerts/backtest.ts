// "On Freddie Mac history, this alert would have fired in N weeks": the alert's condition replayed
// over every published week of its product. Pure (runs in the browser as the target changes).
import { targetMet, type AlertTarget } from "./evaluate";

/** A weekly series as two parallel arrays (compact to send to the browser). */
export type RateSeries = { dates: string[]; rates: number[] };

export type BacktestResult = {
  weeks: number;
  totalWeeks: number;
  since: string | null;
  first: string | null;
  last: string | null;
};

export function backtest(series: RateSeries, target: AlertTarget, financedCents: number): BacktestResult {
  let weeks = 0;
  let first: string | null = null;
  let last: string | null = null;
  for (let i = 0; i < series.rates.length; i++) {
    if (targetMet(target, series.rates[i]!, financedCents)) {
      weeks++;
      first ??= series.dates[i]!;
      last = series.dates[i]!;
    }
  }
  return { weeks, totalWeeks: series.rates.length, since: series.dates[0] ?? null, first, last };
}
