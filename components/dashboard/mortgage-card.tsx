import Link from "next/link";
import { AlertStatusBadge } from "@/components/alerts/alert-status-badge";
import { Card, Stat } from "@/components/ui";
import { cn } from "@/components/ui";
import { formatMonths, formatPercent, type Formatter } from "@/lib/format";
import type { DashboardCard, RefinanceSummary } from "@/lib/mortgages/dashboard-math";

const months = (n: number | null) => (n === null ? "Never" : n === 1 ? "1 month" : `${n} months`);

/** The verdict in words: break-even and the loan's lifetime interest, as the calculators weigh them. */
function verdictText(refi: RefinanceSummary, fmt: Formatter): string {
  const when = months(refi.trueBreakEvenMonths).toLowerCase();
  switch (refi.verdict) {
    case "pays":
      return `Refinancing now would pay for itself in ${when} and save ${fmt.cents(refi.lifetimeInterestSavingsCents, { whole: true })} of interest over the loan's life, costs included`;
    case "pays_but_costs_more":
      return `Lower payments would cover the costs in ${when}, but the longer loan would cost ${fmt.cents(-refi.lifetimeInterestSavingsCents, { whole: true })} more in interest over its life, costs included`;
    default:
      return "Not worth it at the latest rates";
  }
}

const VERDICT_TONE: Record<RefinanceSummary["verdict"], string> = {
  pays: "bg-emerald-50 text-emerald-900 dark:bg-emerald-950/50 dark:text-emerald-100",
  pays_but_costs_more: "bg-amber-50 text-amber-950 dark:bg-amber-950/40 dark:text-amber-100",
  not_worth_it: "bg-slate-100 text-slate-800 dark:bg-slate-800 dark:text-slate-100",
};

/**
 * One mortgage on the dashboard: where it stands, today's market, and whether a refinance pays.
 * `surveyOverdue`: the newest survey week is older than a weekly release (lib/rates/freshness.ts),
 * so its rate is "the latest", not "today's".
 */
export function MortgageCard({ card, fmt, surveyOverdue = false }: { card: DashboardCard; fmt: Formatter; surveyOverdue?: boolean }) {
  const refi = card.refinance;
  return (
    <Card aria-labelledby={`card-${card.id}`} data-testid="mortgage-card">
      <div className="mb-4 flex flex-wrap items-start justify-between gap-3">
        <h2 id={`card-${card.id}`} className="text-base font-semibold text-slate-900 dark:text-slate-100">
          <Link href={`/mortgages/${card.id}`} className="hover:underline">
            {card.name}
          </Link>
        </h2>
        <Link href={`/mortgages/${card.id}`} className="text-sm font-medium text-brand-700 hover:underline dark:text-brand-500">
          Details and balance history
        </Link>
      </div>

      <dl className="grid grid-cols-2 gap-x-6 gap-y-4 sm:grid-cols-4">
        <Stat label="Monthly payment" value={card.paidOff ? "—" : fmt.cents(card.currentPaymentCents)} hint="principal and interest" />
        <Stat label="Balance" value={fmt.cents(card.balanceCents)} hint={card.balanceRecordedOn ? `recorded ${fmt.date(card.balanceRecordedOn)}` : card.balanceProjectedOn ? `on schedule to ${fmt.date(card.balanceProjectedOn)}` : `at ${formatPercent(card.currentRate)}`} />
        <Stat label="Months left" value={card.monthsLeft} hint={formatMonths(card.monthsLeft)} />
        {card.equityCents !== null ? (
          <Stat label="Equity" value={fmt.cents(card.equityCents, { whole: true })} hint={`loan-to-value ${card.loanToValuePercent?.toFixed(1)}%`} />
        ) : (
          <Stat label="Equity" value="—" hint={<Link href={`/mortgages/${card.id}/edit`} className="underline">add a property value</Link>} />
        )}
      </dl>

      <div className="mt-5 border-t border-slate-200 pt-4 dark:border-slate-800">
        {card.paidOff ? (
          <p className="text-sm text-slate-700 dark:text-slate-300">This loan is paid off. Congratulations.</p>
        ) : !card.market ? (
          <p className="text-sm text-slate-700 dark:text-slate-300">No {card.product.label} market rate is available yet, so there is nothing to compare with.</p>
        ) : (
          <>
            <p className="text-sm text-slate-700 dark:text-slate-300">
              {surveyOverdue ? "The latest" : "Today's"} {card.product.label} rate is <strong data-testid="market-rate">{formatPercent(card.market.rate)}</strong> (Freddie Mac PMMS, week of{" "}
              {fmt.date(card.market.date)}), the product we compare with because you have {card.product.why}.
            </p>
            {refi && (
              <>
                <dl className="mt-4 grid grid-cols-2 gap-x-6 gap-y-4 sm:grid-cols-4">
                  <Stat label="Payment if refinanced" value={fmt.cents(refi.newPaymentCents)} hint={`${card.product.termMonths / 12}-year loan at ${formatPercent(card.market.rate)}`} />
                  <Stat
                    label="Monthly savings"
                    value={fmt.cents(refi.monthlySavingsCents)}
                  />
                  <Stat label="Simple break-even" value={months(refi.simpleBreakEvenMonths)} hint="costs ÷ monthly savings" />
                  <Stat label="True break-even" value={months(refi.trueBreakEvenMonths)} hint="also counts the balance still owed: a new loan pays it down slower" />
                </dl>
                <p className="mt-3 text-xs text-slate-500 dark:text-slate-400">
                  Refinance costs {fmt.cents(refi.costCents, { whole: true })}
                  {refi.costSource === "estimate" ? ", estimated at 2% of your balance." : ", your own estimate from your alert."}
                </p>
                <p
                  data-testid="verdict"
                  data-verdict={refi.verdict}
                  className={cn("mt-3 rounded-lg px-3 py-2 text-sm font-semibold", VERDICT_TONE[refi.verdict])}
                >
                  {verdictText(refi, fmt)}
                </p>
              </>
            )}
          </>
        )}
      </div>

      <div className="mt-4 flex flex-wrap items-center gap-2 text-sm text-slate-700 dark:text-slate-300">
        {card.alert ? (
          <>
            <span>Alert:</span>
            <AlertStatusBadge status={card.alert.status} />
            <span className="text-slate-500 dark:text-slate-400">
              {card.alert.lastTriggeredAt ? `last triggered ${fmt.dateTime(card.alert.lastTriggeredAt)}` : "not triggered yet"}
            </span>
            <Link href="/alerts" className="font-medium text-brand-700 hover:underline dark:text-brand-500">
              Manage alerts
            </Link>
          </>
        ) : (
          <>
            <span>No alert on this mortgage.</span>
            <Link href="/alerts" className="font-medium text-brand-700 hover:underline dark:text-brand-500">
              Get an email when refinancing pays off
            </Link>
          </>
        )}
      </div>
    </Card>
  );
}
