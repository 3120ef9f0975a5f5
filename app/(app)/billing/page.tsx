import type { Metadata } from "next";
import { Card, CardHeader, EmptyState, ButtonLink, PageHeader } from "@/components/ui";
import { InvoiceTable } from "@/components/billing/invoice-table";
import { PortalButton } from "@/components/billing/portal-button";
import { SubscriptionCard } from "@/components/billing/subscription-card";
import { requireUser } from "@/lib/auth/session";
import { listInvoices, listSubscriptions } from "@/lib/billing/queries";

export const metadata: Metadata = { title: "Billing" };

export default async function BillingPage() {
  const user = await requireUser("/billing");
  const [subs, invoices] = await Promise.all([listSubscriptions(user.id), listInvoices(user.id)]);
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
            description="Each alert is monitored for $120.00 a year (or monthly). Open an alert and choose Activate alert to start."
            action={<ButtonLink href="/alerts">Go to your alerts</ButtonLink>}
          />
        ) : (
          <div className="grid gap-4 lg:grid-cols-2">
            {subs.map((row) => (
              <SubscriptionCard key={row.sub.id} row={row} />
            ))}
          </div>
        )}
      </section>
      <section aria-labelledby="invoices-heading" className="mt-8">
        <Card>
          <CardHeader title={<span id="invoices-heading">Invoices</span>} description="Receipts for every payment. Links open Stripe's invoice page and PDF." />
          {invoices.length === 0 ? <p className="text-sm text-slate-600 dark:text-slate-400">No invoices yet.</p> : <InvoiceTable rows={invoices} />}
        </Card>
      </section>
    </>
  );
}
