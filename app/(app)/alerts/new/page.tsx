import type { Metadata } from "next";
import { AlertForm } from "@/components/alerts/alert-form";
import { ButtonLink, EmptyState, PageHeader } from "@/components/ui";
import { createAlertAction } from "@/lib/alerts/actions";
import { alertFormData } from "@/lib/alerts/page-data";
import { requireUser } from "@/lib/auth/session";
import { offeredPrices } from "@/lib/billing/checkout";
import { priceOffers } from "@/lib/billing/price-words";

export const metadata: Metadata = { title: "New alert" };

export default async function NewAlertPage({ searchParams }: { searchParams: Promise<{ mortgage?: string }> }) {
  const user = await requireUser("/alerts/new");
  const { mortgage } = await searchParams;
  const [data, prices] = await Promise.all([alertFormData(user.id), offeredPrices()]);
  const offers = priceOffers(prices);
  return (
    <div>
      <PageHeader title="New alert" description="We check every new Freddie Mac rate against your target and email you when it's reached." />
      {!user.emailVerified ? (
        // The banner above every page already asks for the verification; say what it unlocks here.
        <EmptyState
          title="Verify your email to create alerts"
          description="Alerts are delivered by email, so we need to know the address works. Open the link we sent you, then come back here."
          action={<ButtonLink href="/verify-email" variant="secondary">Ask for a new link</ButtonLink>}
        />
      ) : data.mortgages.length === 0 ? (
        <EmptyState
          title="Add a mortgage first"
          description="An alert watches the market for one of your mortgages."
          action={<ButtonLink href="/mortgages/new">Add a mortgage</ButtonLink>}
        />
      ) : (
        <>
          <p className="mb-4 text-sm text-slate-600 dark:text-slate-400" data-testid="alert-price">
            {offers
              ? `Each alert is monitored for ${offers}. After you create it, you choose yearly or monthly and pay through Stripe Checkout; nothing is charged before that.`
              : "Paid alerts are not on offer right now: you can create this alert, and start monitoring once they are."}
          </p>
          <AlertForm
            action={createAlertAction}
            mortgages={data.mortgages}
            latest={data.latest}
            series={data.series}
            submitLabel="Create alert"
            initial={{
              mortgageId: data.mortgages.some((m) => m.id === mortgage) ? mortgage : undefined,
              alertType: "interest_rate",
              targetRate: "",
              targetPayment: "",
              targetTerm: String(data.defaultTerm),
              refinanceCost: "",
            }}
          />
        </>
      )}
    </div>
  );
}
