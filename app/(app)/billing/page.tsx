import type { Metadata } from "next";
import { Card, CardHeader, EmptyState, ButtonLink, PageHeader } from "@/components/ui";
import { InvoiceTable } from "@/components/billing/invoice-table";
import { PortalButton } from "@/components/billing/portal-button";
import { SubscriptionCard } from "@/components/billing/subscription-card";
import { requireUser } from "@/lib/auth/session";
import { ActivateAlertButton } from "@/components/billing/activate-alert-button";
import { offeredPrices } from "@/lib/billing/checkout";
import { priceOffers } from "@/lib/billing/price-words";
import { alertsAwaitingPayment, listInvoices, listSubscriptions } from "@/lib/billing/queries";
import { formatPercent, formatterFor } from "@/lib/format";

export const metadata: Metadata = { title: "Billing" };

export default async function BillingPage() {
  const user = await requireUser("/billing");
  const fmt = formatterFor(user.display);
  const [subs, invoices, waiting, prices] = await Promise.all([listSubscriptions(user.id), listInvoices(user.id), alertsAwaitingPayment(user.id), offeredPrices()]);
  return (
    <>
      <PageHeader title="Billing" description="Your paid alerts, invoices and payment methods." actions={subs.length > 0 ? <PortalButton /> : undefined} />
      <section aria-labelledby="subs-heading" className="space-y-4">
        <h2 id="subs-heading" className="text-lg font-semibold text-slate-900 dark:text-slate-100">
          Subscriptions
        </h2>
        {subs.length === 0 ? (
          <EmptyState
            title="No paid alerts yet"
            description={`${priceSentence(prices)} Open an alert and choose Activate alert to start.`}
            action={<ButtonLink href="/alerts">Go to your alerts</ButtonLink>}
          />
        ) : (
          <div className="grid gap-4 lg:grid-cols-2">
            {subs.map((row) => (
              <SubscriptionCard key={row.sub.id} row={row} fmt={fmt} />
            ))}
          </div>
        )}
      </section>
      {waiting.length > 0 && (
        <section aria-labelledby="waiting-heading" className="mt-8 space-y-4">
          <h2 id="waiting-heading" className="text-lg font-semibold text-slate-900 dark:text-slate-100">
            Alerts not being monitored
          </h2>
          <div className="grid gap-4 lg:grid-cols-2">
            {waiting.map((a) => (
              <Card key={a.id} aria-label={`Activate ${a.mortgageName}`} data-testid="awaiting-alert">
                <CardHeader
                  title={a.mortgageName}
                  description={`${a.alertType === "interest_rate" ? `Rate at or below ${formatPercent(a.targetInterestRate)}` : `Payment at or below ${fmt.cents(a.targetMonthlyPaymentCents)}/mo`}${a.lapsed ? ". Its subscription has ended: activate it again to resume." : ""}`}
                />
                {user.emailVerified ? (
                  <ActivateAlertButton alertId={a.id} />
                ) : (
                  <p className="text-sm text-slate-600 dark:text-slate-400">Verify your email address to activate this alert.</p>
                )}
              </Card>
            ))}
          </div>
        </section>
      )}
      <section aria-labelledby="invoices-heading" className="mt-8">
        <Card>
          <CardHeader title={<span id="invoices-heading">Invoices</span>} description="Receipts for every payment. Links open Stripe's invoice page and PDF." />
          {invoices.length === 0 ? <p className="text-sm text-slate-600 dark:text-slate-400">No invoices yet.</p> : <InvoiceTable rows={invoices} fmt={fmt} />}
        </Card>
      </section>
    </>
  );
}

/** What monitoring costs today, from the prices checkout will charge (an admin can change them). */
function priceSentence(prices: { interval: "month" | "year"; amountCents: number }[]): string {
  const offers = priceOffers(prices);
  return offers ? `Each alert is monitored for ${offers}.` : "Paid alerts are not on offer right now.";
}
