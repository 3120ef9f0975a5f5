import type { Metadata } from "next";
import { ButtonLink } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { activePlans } from "@/lib/billing/plans";
import { formatCents } from "@/lib/format";
import { readForPrerender } from "@/lib/prerender";

export const metadata: Metadata = { title: "Pricing" };

// Prerendered; a price change in the admin revalidates it (revalidatePath("/pricing")).
export const revalidate = 3600;

export default async function PricingPage() {
  const plans = await readForPrerender("the pricing page", () => activePlans());
  return (
    <div className="py-12">
      <h1 className="text-3xl font-bold tracking-tight">Pricing</h1>
      <p className="mt-2 max-w-2xl text-slate-600 dark:text-slate-400">
        Tracking your mortgages, the calculators and the rate charts are free. You pay only for the alerts that watch the
        market for you: each alert is its own subscription, so you can cancel one without touching the others.
      </p>
      <div className="mt-8 grid gap-6 md:grid-cols-2">
        {plans.map((plan) => (
          <Card key={plan.code} className="p-6">
            <h2 className="text-xl font-semibold">{plan.name}</h2>
            {plan.description && <p className="mt-2 text-sm text-slate-600 dark:text-slate-400">{plan.description}</p>}
            <ul className="mt-4 space-y-1 text-sm">
              {plan.prices.map((p) => (
                <li key={p.id} className="tabular-nums">
                  <span className="text-2xl font-bold">{formatCents(p.amountCents)}</span> per alert per {p.interval}
                </li>
              ))}
            </ul>
            <ul className="mt-4 list-disc space-y-1 pl-5 text-sm text-slate-700 dark:text-slate-300">
              {plan.features.map((f) => (
                <li key={f}>{f}</li>
              ))}
            </ul>
            <ButtonLink href="/sign-up" className="mt-6">Start with a free account</ButtonLink>
          </Card>
        ))}
        {plans.length === 0 && <p>No plans are on offer right now.</p>}
      </div>
    </div>
  );
}
