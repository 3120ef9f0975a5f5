"use client";

import { useFormat } from "@/components/display-format";
import { moneyTicks } from "./chart-style";

/** Money on a chart in the reader's currency: the formatter, axis ticks ($250k) and tooltip values. */
export function useChartMoney() {
  const fmt = useFormat();
  return { fmt, ticks: moneyTicks(fmt.symbol), money: (v: unknown) => fmt.dollars(Number(v)) };
}
