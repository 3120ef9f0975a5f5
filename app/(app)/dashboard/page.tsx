import type { Metadata } from "next";
import { ButtonLink, EmptyState, PageHeader } from "@/components/ui";
import { MortgageCard } from "@/components/dashboard/mortgage-card";
import { requireUser } from "@/lib/auth/session";
import { formatPercent, formatterFor } from "@/lib/format";
import { loadDashboard } from "@/lib/mortgages/dashboard";
import { latestRates } from "@/lib/rates/latest";

export const metadata: Metadata = { title: "Dashboard" };

export default async function DashboardPage() {
  const user = await requireUser("/dashboard");
  const fmt = formatterFor(user.display);
  const { cards, rates } = await loadDashboard(user.id, { rates: latestRates });
  const rate30 = rates.find((r) => r.rateType === "30_year_fixed");
  const rate15 = rates.find((r) => r.rateType === "15_year_fixed");
  return (
    <div>
      <PageHeader
        title="Dashboard"
        description={
          rate30
            ? `This week's rates: 30-year fixed ${formatPercent(rate30.rate)}${rate15 ? `, 15-year fixed ${formatPercent(rate15.rate)}` : ""} (week of ${fmt.date(rate30.date)}).`
            : "Your mortgages against today's market."
        }
        actions={cards.length > 0 && <ButtonLink href="/mortgages/new" variant="secondary">Add mortgage</ButtonLink>}
      />
      {cards.length === 0 ? (
        <EmptyState
          title="Welcome! Start with your mortgage"
          description="Add your loan and we'll show what you pay, your equity, and whether refinancing at today's rates would pay for itself, and how soon."
          action={<ButtonLink href="/mortgages/new">Add your first mortgage</ButtonLink>}
        />
      ) : (
        <div className="space-y-6">
          {cards.map((card) => (
            <MortgageCard key={card.id} card={card} fmt={fmt} />
          ))}
        </div>
      )}
      <p className="mt-8 text-xs text-slate-500 dark:text-slate-400">Source: Freddie Mac Primary Mortgage Market Survey®. Estimates, not offers: a lender&apos;s quote depends on your credit, equity and costs.</p>
    </div>
  );
}
