import type { Metadata } from "next";
import { Banner, ButtonLink, EmptyState, PageHeader } from "@/components/ui";
import { MortgageCard } from "@/components/dashboard/mortgage-card";
import { requireUser } from "@/lib/auth/session";
import { formatPercent, formatterFor } from "@/lib/format";
import { loadDashboard } from "@/lib/mortgages/dashboard";
import { todayIn } from "@/lib/mortgages/dates";
import { surveyFreshness } from "@/lib/rates/freshness";
import { latestRates } from "@/lib/rates/latest";

export const metadata: Metadata = { title: "Dashboard" };

export default async function DashboardPage() {
  const user = await requireUser("/dashboard");
  const fmt = formatterFor(user.display);
  const { cards, rates } = await loadDashboard(user.id, { rates: latestRates });
  const rate30 = rates.find((r) => r.rateType === "30_year_fixed");
  const rate15 = rates.find((r) => r.rateType === "15_year_fixed");
  // A missed weekly release (a failed fetch, a survey not yet out) must not pass for this week's.
  const freshness = rate30 ? surveyFreshness(rate30.date, todayIn(user.display.timeZone)) : null;
  return (
    <div>
      <PageHeader
        title="Dashboard"
        description={
          rate30
            ? `${freshness?.overdue ? "Latest rates" : "This week's rates"}: ${ratesLine(rate30, rate15, fmt.date)}.`
            : "Your mortgages against today's market."
        }
        actions={cards.length > 0 && <ButtonLink href="/mortgages/new" variant="secondary">Add mortgage</ButtonLink>}
      />
      {rate30 && freshness?.overdue && (
        <div className="mb-6">
          <Banner tone="warning">
            Freddie Mac&apos;s newest survey here is from the week of {fmt.date(rate30.date)}, {freshness.age} ago; a newer one has not
            reached us yet. The comparisons below use those rates.
          </Banner>
        </div>
      )}
      {cards.length === 0 ? (
        <EmptyState
          title="Welcome! Start with your mortgage"
          description="Add your loan and we'll show what you pay, your equity, and whether refinancing at today's rates would pay for itself, and how soon."
          action={<ButtonLink href="/mortgages/new">Add your first mortgage</ButtonLink>}
        />
      ) : (
        <div className="space-y-6">
          {cards.map((card) => (
            <MortgageCard key={card.id} card={card} fmt={fmt} surveyOverdue={freshness?.overdue} />
          ))}
        </div>
      )}
      <p className="mt-8 text-xs text-slate-500 dark:text-slate-400">Source: Freddie Mac Primary Mortgage Market Survey®. Estimates, not offers: a lender&apos;s quote depends on your credit, equity and costs.</p>
    </div>
  );
}

/** "30-year fixed 7.03%, 15-year fixed 6.42% (week of Sep 24, 2026)", each with its own week when they differ. */
function ratesLine(r30: { rate: number; date: string }, r15: { rate: number; date: string } | undefined, date: (iso: string) => string): string {
  const thirty = `30-year fixed ${formatPercent(r30.rate)}`;
  if (!r15) return `${thirty} (week of ${date(r30.date)})`;
  const fifteen = `15-year fixed ${formatPercent(r15.rate)}`;
  return r15.date === r30.date ? `${thirty}, ${fifteen} (week of ${date(r30.date)})` : `${thirty} (week of ${date(r30.date)}), ${fifteen} (week of ${date(r15.date)})`;
}
