"use client";

import dynamic from "next/dynamic";
import type { ComponentProps, ReactNode } from "react";
import { formatPercent } from "@/lib/format";
import { ChartStage } from "@/components/charts/chart-stage";
import type * as Drawings from "./chart-drawings";
import { BreakEvenPicture, FrontierPicture, InterestComparisonPicture, PaymentByRatePicture, SchedulePicture } from "./chart-pictures";
import { useFormat } from "@/components/display-format";

export type { YearPoint } from "./chart-drawings";

// Each chart is first a static picture drawn with the page (./chart-pictures.tsx); recharts
// (~110 KB gzipped) loads only when the reader reaches for the chart (hover, touch or keyboard
// focus; components/charts/chart-stage.tsx). The box (fixed height) and caption are rendered at
// once, so nothing moves, and screen readers get the caption, not the picture.
const load = <K extends keyof typeof Drawings>(name: K) =>
  dynamic(() => import("./chart-drawings").then((m) => m[name] as React.ComponentType<ComponentProps<(typeof Drawings)[K]>>), { ssr: false });
const ScheduleDrawing = load("ScheduleDrawing");
const PaymentByRateDrawing = load("PaymentByRateDrawing");
const BreakEvenDrawing = load("BreakEvenDrawing");
const InterestComparisonDrawing = load("InterestComparisonDrawing");
const FrontierDrawing = load("FrontierDrawing");

/** The chart's box: a figure with a caption screen readers get instead of the picture. */
function ChartFrame({ testId, caption, picture, children }: { testId: string; caption: string; picture: ReactNode; children: ReactNode }) {
  return (
    <figure data-testid={testId} className="w-full">
      <div className="h-72 w-full sm:h-80">
        <ChartStage picture={picture} exploreLabel="Explore the chart's values">
          {children}
        </ChartStage>
      </div>
      <figcaption className="mt-2 text-xs text-slate-500 dark:text-slate-400">{caption}</figcaption>
    </figure>
  );
}

/** Principal and interest paid each year (stacked), with the balance left as a line. */
export function ScheduleChart(props: ComponentProps<typeof Drawings.ScheduleDrawing>) {
  const last = props.yearly[props.yearly.length - 1];
  return (
    <ChartFrame
      testId="chart-schedule"
      caption={`Principal (green) and interest (amber) paid each year, and the balance left (blue line)${last ? `, over ${last.year === 1 ? "1 year" : `${last.year} years`}` : ""}.`}
      picture={<SchedulePicture {...props} />}
    >
      <ScheduleDrawing {...props} />
    </ChartFrame>
  );
}

/** Monthly payment at each rate, with the target payment, the rate that reaches it and today's market rate. */
export function PaymentByRateChart(props: ComponentProps<typeof Drawings.PaymentByRateDrawing>) {
  const { points, targetRatePercent, marketRate } = props;
  const maxRate = points[points.length - 1]?.ratePercent ?? 10;
  // Lines past the chart's last rate are not drawn (./chart-labels.ts), so not described either.
  const target = targetRatePercent !== null && targetRatePercent <= maxRate ? `; green line: your target rate (${formatPercent(targetRatePercent)}), the highest rate lenders quote that reaches it` : "";
  const market = marketRate && marketRate.ratePercent <= maxRate ? `; red line: ${marketRate.label} (${formatPercent(marketRate.ratePercent)}, ${marketRate.source})` : "";
  return (
    <ChartFrame
      testId="chart-payment-by-rate"
      caption={`Monthly payment at each rate from 0% to ${maxRate}%. Dashed line: your target payment${target}${market}.`}
      picture={<PaymentByRatePicture {...props} />}
    >
      <PaymentByRateDrawing {...props} />
    </ChartFrame>
  );
}

/** What keeping and refinancing have cost by each month; the lines cross at the break-even. */
export function BreakEvenChart(props: ComponentProps<typeof Drawings.BreakEvenDrawing>) {
  const { breakEvenMonth } = props;
  return (
    <ChartFrame
      testId="chart-break-even"
      caption={`Cumulative cost of keeping your loan (grey) and of refinancing (green), month by month. ${breakEvenMonth !== null ? `They cross at month ${breakEvenMonth}.` : "Refinancing never catches up within the new term."}`}
      picture={<BreakEvenPicture {...props} />}
    >
      <BreakEvenDrawing {...props} />
    </ChartFrame>
  );
}

/** Interest still to pay on each option, with the refinance's closing costs on top. */
export function InterestComparisonChart(props: ComponentProps<typeof Drawings.InterestComparisonDrawing>) {
  const fmt = useFormat();
  return (
    <ChartFrame
      testId="chart-savings"
      caption={props.bars.map((b) => `${b.label}: ${fmt.dollars(b.interest)} interest${b.costs ? ` plus ${fmt.dollars(b.costs)} closing costs` : ""}`).join("; ") + "."}
      picture={<InterestComparisonPicture {...props} />}
    >
      <InterestComparisonDrawing {...props} />
    </ChartFrame>
  );
}

/** The frontier: below the area refinancing pays less interest; the homeowner's point on it. */
export function FrontierChart(props: ComponentProps<typeof Drawings.FrontierDrawing>) {
  const { frontier, homeowner, lastHelpfulMonth } = props;
  const cutoff = lastHelpfulMonth !== null && lastHelpfulMonth < frontier.length - 1 ? lastHelpfulMonth : null;
  return (
    <ChartFrame
      testId="chart-frontier"
      caption={`For each month of the loan, the highest refinance rate that still pays less interest overall (shaded area: refinancing pays less). Your point: month ${homeowner.month} at ${formatPercent(homeowner.ratePercent)}.${cutoff !== null ? ` No rate helps after month ${cutoff}.` : lastHelpfulMonth === null ? " No rate helps at any month." : ""}`}
      picture={<FrontierPicture {...props} />}
    >
      <FrontierDrawing {...props} />
    </ChartFrame>
  );
}
