"use client";

import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { LegendList } from "@/components/charts/legend-list";
import { Card, CardHeader } from "@/components/ui";
import { formatCents, formatDate } from "@/lib/format";
import type { MetricsDay } from "@/lib/admin/metrics";

const AXIS = "var(--chart-text)"; // follows the theme (app/globals.css)
const GRID = "#94a3b833";
const CALC_COLORS: Record<string, string> = {
  monthly_payment: "#2563eb",
  break_even: "#7c3aed",
  refinance_savings: "#059669",
  amortization: "#d97706",
  efficient_frontier: "#db2777",
  target_rate: "#0891b2",
};
const CALC_TYPES = Object.keys(CALC_COLORS);
const short = (day: string) => formatDate(day).replace(/, \d{4}$/, "");
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
const tooltipStyle = { background: "var(--color-white, #fff)", borderRadius: 8, border: "1px solid #cbd5e1", color: "#0f172a" };
// Item text in slate, not the series colour (contrast on white).
const tooltipItem = { color: "#0f172a" };

/** A chart card: the drawing is decorative for screen readers; the summary line carries the numbers. */
function ChartCard({ title, summary, children, testId }: { title: string; summary: string; children: React.ReactNode; testId: string }) {
  return (
    <Card data-testid={testId}>
      <CardHeader title={title} description={summary} />
      <div className="h-56" aria-hidden>
        {children}
      </div>
    </Card>
  );
}

export function MetricsCharts({ days }: { days: MetricsDay[] }) {
  const rows = days.map((d) => ({ ...d, label: short(d.day), mrr: d.mrrCents / 100, ...Object.fromEntries(CALC_TYPES.map((t) => [t, d.calculationsByType[t] ?? 0])) }));
  const span = days.length ? `${formatDate(days[0]!.day)} – ${formatDate(days[days.length - 1]!.day)}` : "";
  const last = days[days.length - 1];
  const calcTotals = CALC_TYPES.map((t) => [t, sum(days.map((d) => d.calculationsByType[t] ?? 0))] as const).filter(([, n]) => n > 0);
  const axis = { stroke: AXIS, fontSize: 12, tickLine: false };
  return (
    <div className="grid gap-4 lg:grid-cols-2">
      <ChartCard testId="chart-signups" title="Daily sign-ups" summary={`${sum(days.map((d) => d.signups))} sign-ups, ${span}.`}>
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={rows} accessibilityLayer={false} margin={{ top: 4, right: 8, bottom: 0, left: -16 }}>
            <CartesianGrid stroke={GRID} vertical={false} />
            <XAxis dataKey="label" {...axis} minTickGap={24} />
            <YAxis allowDecimals={false} {...axis} />
            <Tooltip contentStyle={tooltipStyle} itemStyle={tooltipItem} />
            <Bar dataKey="signups" name="Sign-ups" fill="#2563eb" radius={[3, 3, 0, 0]} />
          </BarChart>
        </ResponsiveContainer>
      </ChartCard>
      <ChartCard testId="chart-mrr" title="MRR over time" summary={`Monthly recurring revenue ${last ? `${formatCents(last.mrrCents)} on ${formatDate(last.day)}` : "—"} (yearly prices ÷ 12).`}>
        <ResponsiveContainer width="100%" height="100%">
          <LineChart data={rows} accessibilityLayer={false} margin={{ top: 4, right: 8, bottom: 0, left: 0 }}>
            <CartesianGrid stroke={GRID} vertical={false} />
            <XAxis dataKey="label" {...axis} minTickGap={24} />
            <YAxis {...axis} tickFormatter={(v: number) => `$${v.toLocaleString("en-US")}`} />
            <Tooltip contentStyle={tooltipStyle} itemStyle={tooltipItem} formatter={(v) => formatCents(Math.round(Number(v) * 100))} />
            <Line type="stepAfter" dataKey="mrr" name="MRR" stroke="#059669" strokeWidth={2} dot={false} />
          </LineChart>
        </ResponsiveContainer>
      </ChartCard>
      <ChartCard
        testId="chart-calculations"
        title="Calculations by type"
        summary={calcTotals.length ? calcTotals.map(([t, n]) => `${t.replace(/_/g, " ")} ${n}`).join(", ") + "." : "No calculations in this period."}
      >
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={rows} accessibilityLayer={false} margin={{ top: 4, right: 8, bottom: 0, left: -16 }}>
            <CartesianGrid stroke={GRID} vertical={false} />
            <XAxis dataKey="label" {...axis} minTickGap={24} />
            <YAxis allowDecimals={false} {...axis} />
            <Tooltip contentStyle={tooltipStyle} itemStyle={tooltipItem} />
            <Legend content={<LegendList className="pt-1" items={CALC_TYPES.map((t) => ({ label: t.replace(/_/g, " "), color: CALC_COLORS[t]!, shape: "square" as const }))} />} />
            {CALC_TYPES.map((t) => (
              <Bar key={t} dataKey={t} name={t.replace(/_/g, " ")} stackId="calc" fill={CALC_COLORS[t]} />
            ))}
          </BarChart>
        </ResponsiveContainer>
      </ChartCard>
      <ChartCard testId="chart-triggers" title="Triggers per day" summary={`${sum(days.map((d) => d.triggers))} triggers, ${span}.`}>
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={rows} accessibilityLayer={false} margin={{ top: 4, right: 8, bottom: 0, left: -16 }}>
            <CartesianGrid stroke={GRID} vertical={false} />
            <XAxis dataKey="label" {...axis} minTickGap={24} />
            <YAxis allowDecimals={false} {...axis} />
            <Tooltip contentStyle={tooltipStyle} itemStyle={tooltipItem} />
            <Bar dataKey="triggers" name="Triggers" fill="#d97706" radius={[3, 3, 0, 0]} />
          </BarChart>
        </ResponsiveContainer>
      </ChartCard>
    </div>
  );
}
