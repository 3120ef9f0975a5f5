import { amortizationSchedule, efficientFrontier } from "@/lib/calc";
import { timeMedian, type BenchRow } from "./report";

/** The calculator core: a 360-month schedule and a 360-month frontier (target < 5 ms each). */
export async function benchCalc(): Promise<BenchRow[]> {
  const schedule = await timeMedian(() => amortizationSchedule({ principal: 400_000, annualRatePercent: 4.5, termMonths: 360 }), 200, 20);
  const frontier = await timeMedian(
    () => efficientFrontier({ principal: 400_000, annualRatePercent: 4.5, termMonths: 360, newTermMonths: 360, costs: 5_000, homeowner: { month: 60, ratePercent: 3 } }),
    200,
    20,
  );
  return [
    { area: "calculator", measure: "360-month amortization schedule", value: schedule, unit: "ms", target: "< 5 ms", ok: schedule < 5 },
    { area: "calculator", measure: "360-month efficient frontier", value: frontier, unit: "ms", target: "< 5 ms", ok: frontier < 5 },
  ];
}
