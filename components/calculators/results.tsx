"use client";

import { useState, type ReactNode } from "react";
import { buttonClass } from "@/components/ui/button";
import { Card, CardHeader, Stat } from "@/components/ui/card";
import { Table, TBody, Td, Th, THead } from "@/components/ui/table";
import { amortizationSchedule } from "@/lib/calc/amortization";
import type { CalculatorOutput, CalculatorType } from "@/lib/calc";
import { formatMonths, formatPercent } from "@/lib/format";
import { useFormat } from "@/components/display-format";
import { BreakEvenChart, FrontierChart, InterestComparisonChart, ScheduleChart } from "./charts";
import { LifetimeSavingsStat, MonthlySavingsStat, Stats } from "./result-parts";
import { TargetRateResult } from "./target-rate-result";

export type AnyOutput = { [T in CalculatorType]: CalculatorOutput<T> }[CalculatorType];
/** Today's survey averages (Freddie Mac PMMS), by term in years, for the target-rate chart. */
export type MarketRates = { 30?: { ratePercent: number; date: string }; 15?: { ratePercent: number; date: string } };

type Loan = { principal: number; ratePercent: number; termYears: number; extraMonthlyPrincipal?: number };

function scheduleCsvUrl(loan: Loan): string {
  const params = new URLSearchParams({ principal: String(loan.principal), ratePercent: String(loan.ratePercent), termYears: String(loan.termYears) });
  if (loan.extraMonthlyPrincipal) params.set("extraMonthlyPrincipal", String(loan.extraMonthlyPrincipal));
  return `/api/calculators/amortization.csv?${params}`;
}

function CsvLink({ loan, children = "Download schedule (CSV)" }: { loan: Loan; children?: string }) {
  return (
    <a href={scheduleCsvUrl(loan)} download className={buttonClass("secondary", "sm")}>
      {children}
    </a>
  );
}

const months = (n: number | null, none: string) => (n === null ? none : `${n} ${n === 1 ? "month" : "months"}`);

function YearlyTable({ yearly }: { yearly: { year: number; payments: number; interest: number; principal: number; extraPrincipal: number; endBalance: number }[] }) {
  const fmt = useFormat();
  const hasExtra = yearly.some((y) => y.extraPrincipal > 0);
  return (
    <Table caption="Totals per year of the schedule">
      <THead>
        <tr>
          <Th>Year</Th>
          <Th className="text-right">Paid</Th>
          <Th className="text-right">Principal</Th>
          {hasExtra && <Th className="text-right">of which extra</Th>}
          <Th className="text-right">Interest</Th>
          <Th className="text-right">Balance</Th>
        </tr>
      </THead>
      <TBody>
        {yearly.map((y) => (
          <tr key={y.year}>
            <Td>{y.year}</Td>
            <Td className="text-right tabular-nums">{fmt.dollars(y.payments)}</Td>
            <Td className="text-right tabular-nums">{fmt.dollars(y.principal)}</Td>
            {hasExtra && <Td className="text-right tabular-nums">{fmt.dollars(y.extraPrincipal)}</Td>}
            <Td className="text-right tabular-nums">{fmt.dollars(y.interest)}</Td>
            <Td className="text-right tabular-nums">{fmt.dollars(y.endBalance)}</Td>
          </tr>
        ))}
      </TBody>
    </Table>
  );
}

/** Every month, computed in the browser only when opened (up to 600 rows). */
function MonthlySchedule({ loan }: { loan: Loan }) {
  const fmt = useFormat();
  const [open, setOpen] = useState(false);
  const rows = open
    ? amortizationSchedule({ principal: loan.principal, annualRatePercent: loan.ratePercent, termMonths: loan.termYears * 12, extraMonthlyPrincipal: loan.extraMonthlyPrincipal ?? 0 }).rows
    : [];
  return (
    <details className="mt-4" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary className="cursor-pointer text-sm font-medium text-brand-700 dark:text-brand-500">Show every monthly payment</summary>
      {open && (
        // One scroller both ways: the table's own box (focusable, named) keeps its height here.
        <Table caption="Monthly amortization schedule" className="mt-3 max-h-[32rem] overflow-y-auto">
            <THead>
              <tr>
                <Th>Month</Th>
                <Th className="text-right">Payment</Th>
                <Th className="text-right">Principal</Th>
                <Th className="text-right">Interest</Th>
                <Th className="text-right">Balance</Th>
              </tr>
            </THead>
            <TBody>
              {rows.map((r) => (
                <tr key={r.month}>
                  <Td>{r.month}</Td>
                  <Td className="text-right tabular-nums">{fmt.dollars(r.payment)}</Td>
                  <Td className="text-right tabular-nums">{fmt.dollars(r.principal)}</Td>
                  <Td className="text-right tabular-nums">{fmt.dollars(r.interest)}</Td>
                  <Td className="text-right tabular-nums">{fmt.dollars(r.balance)}</Td>
                </tr>
              ))}
            </TBody>
          </Table>
      )}
    </details>
  );
}

/** The result of one calculation: key numbers, the chart, and tables where they help. */
export function CalculatorResults({ output, input, marketRates }: { output: AnyOutput; input: Record<string, number>; marketRates: MarketRates }) {
  const fmt = useFormat();
  switch (output.type) {
    case "monthly_payment": {
      const s = output.summary;
      const loan = { principal: input.principal!, ratePercent: input.ratePercent!, termYears: input.termYears! };
      return (
        <>
          <Stats>
            <Stat label="Monthly payment" value={<span data-testid="headline">{fmt.dollars(s.monthlyPayment)}</span>} hint="Principal and interest" />
            <Stat label="Total interest" value={fmt.dollars(s.totalInterest)} />
            <Stat label="Total paid" value={fmt.dollars(s.totalPaid)} hint={`${s.numberOfPayments} payments`} />
          </Stats>
          <ScheduleChart yearly={output.chart.yearly} />
          <div className="flex flex-wrap gap-2">
            <CsvLink loan={loan} />
          </div>
        </>
      );
    }
    case "amortization": {
      const s = output.summary;
      const loan = { principal: input.principal!, ratePercent: input.ratePercent!, termYears: input.termYears!, extraMonthlyPrincipal: input.extraMonthlyPrincipal };
      return (
        <>
          <Stats>
            <Stat label="Monthly payment" value={<span data-testid="headline">{fmt.dollars(s.scheduledPayment)}</span>} hint={s.extraMonthlyPrincipal ? `plus ${fmt.dollars(s.extraMonthlyPrincipal)} extra principal` : "Principal and interest"} />
            <Stat label="Paid off in" value={formatMonths(s.payoffMonths)} hint={s.monthsSaved ? `${formatMonths(s.monthsSaved)} sooner` : undefined} />
            <Stat label="Total interest" value={fmt.dollars(s.totalInterest)} hint={s.interestSaved ? `${fmt.dollars(s.interestSaved)} less` : undefined} />
          </Stats>
          <ScheduleChart yearly={output.chart.yearly} />
          <div className="flex flex-wrap gap-2">
            <CsvLink loan={loan} />
          </div>
          <h3 className="text-sm font-semibold">Year by year</h3>
          <YearlyTable yearly={output.chart.yearly} />
          <MonthlySchedule key={scheduleCsvUrl(loan)} loan={loan} />
        </>
      );
    }
    case "target_rate":
      return <TargetRateResult output={output} newTermYears={input.newTermYears} marketRates={marketRates} />;
    case "break_even": {
      const s = output.summary;
      return (
        <>
          <Stats>
            <Stat label="Breaks even" value={<span data-testid="headline">{s.trueBreakEvenMonth === null ? "Never" : `Month ${s.trueBreakEvenMonth}`}</span>} hint="Counting what you still owe on each loan" />
            <Stat
              label="Simple break-even"
              value={months(s.simpleBreakEvenMonths, "Never")}
              // With no monthly saving there is nothing to divide by; the balances may still make it pay (above).
              hint={s.monthlySavings <= 0 ? "No monthly saving to divide the costs by" : "Closing costs ÷ monthly savings"}
            />
            <MonthlySavingsStat savings={s.monthlySavings} current={s.currentPayment} after={s.newPayment} />
          </Stats>
          <BreakEvenChart series={output.chart.series} breakEvenMonth={s.trueBreakEvenMonth} />
          <div className="flex flex-wrap gap-2">
            <CsvLink loan={{ principal: input.balance!, ratePercent: input.newRatePercent!, termYears: input.newTermYears! }}>Download the new loan&apos;s schedule (CSV)</CsvLink>
          </div>
        </>
      );
    }
    case "refinance_savings": {
      const s = output.summary;
      return (
        <>
          <Stats>
            <MonthlySavingsStat savings={s.monthlySavings} current={s.currentPayment} after={s.newPayment} headline />
            <LifetimeSavingsStat savings={s.lifetimeInterestSavings} />
            <Stat label="Simple break-even" value={months(s.simpleBreakEvenMonths, "Never")} />
            <Stat label="Interest left on current loan" value={fmt.dollars(s.currentRemainingInterest)} />
            <Stat label="New loan interest + costs" value={fmt.dollars(s.newInterestPlusCosts)} />
            <Stat
              label="Extra time paying"
              value={s.additionalMonths ? formatMonths(s.additionalMonths) : "None"}
              hint={
                s.additionalMonths
                  ? `${s.additionalMonths} more monthly payments than the current loan`
                  : input.newTermYears! * 12 < input.monthsLeft!
                    ? `paid off ${formatMonths(input.monthsLeft! - input.newTermYears! * 12)} sooner`
                    : undefined
              }
            />
          </Stats>
          <InterestComparisonChart bars={output.chart.interest} />
          <div className="flex flex-wrap gap-2">
            <CsvLink loan={{ principal: input.balance!, ratePercent: input.newRatePercent!, termYears: input.newTermYears! }}>Download the new loan&apos;s schedule (CSV)</CsvLink>
          </div>
        </>
      );
    }
    case "efficient_frontier": {
      const s = output.summary;
      const verdict =
        s.position === "below" ? "Refinancing pays less interest" : s.position === "on" ? "About even" : "Refinancing pays more interest";
      return (
        <>
          <Stats>
            <Stat label={`At ${formatPercent(s.offeredRatePercent)}, month ${s.currentMonth}`} value={<span data-testid="headline">{verdict}</span>} hint={`${fmt.dollars(Math.abs(s.interestSavings))} ${s.interestSavings >= 0 ? "less" : "more"} interest, costs included`} />
            <Stat label="Highest rate that helps now" value={s.frontierRatePercent === null ? "None" : formatPercent(s.frontierRatePercent)} />
            {s.lastHelpfulMonth === null ? (
              <Stat label="Helpful months" value="None" hint="Closing costs exceed the interest left at every month" />
            ) : s.noRateHelpsFromMonth === null ? (
              <Stat label="Helpful months" value="Every month" hint="Some rate always pays less" />
            ) : (
              <Stat label="No rate helps after" value={`Month ${s.lastHelpfulMonth}`} />
            )}
          </Stats>
          <FrontierChart frontier={output.chart.frontier} homeowner={output.chart.homeowner} lastHelpfulMonth={s.lastHelpfulMonth} />
        </>
      );
    }
  }
}

export function ResultCard({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Card className="space-y-5">
      <CardHeader title={title} />
      {children}
    </Card>
  );
}
