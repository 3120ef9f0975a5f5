import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { alertSummary } from "@/components/billing/subscription-card";
import { Banner, ButtonLink, Card, PageHeader } from "@/components/ui";
import { getAlert } from "@/lib/alerts/queries";
import { requireUser } from "@/lib/auth/session";
import { syncCheckoutSession } from "@/lib/billing/success";
import { NotFoundError } from "@/lib/errors";
import { formatCents, formatterFor } from "@/lib/format";

export const metadata: Metadata = { title: "Payment received" };

/**
 * Stripe Checkout returns here. The session is read and applied now (the same sync as the
 * webhook), so the alert is active on the next page whether or not the webhook has arrived.
 */
export default async function CheckoutSuccess({ searchParams }: { searchParams: Promise<{ session_id?: string }> }) {
  const { session_id: sessionId } = await searchParams;
  const user = await requireUser(`/billing/success${sessionId ? `?session_id=${encodeURIComponent(sessionId)}` : ""}`);
  const fmt = formatterFor(user.display);
  if (!sessionId) notFound();
  let result;
  try {
    result = await syncCheckoutSession(user.id, sessionId);
  } catch (err) {
    if (err instanceof NotFoundError) notFound();
    throw err;
  }
  if (result.state !== "complete") {
    const back = result.alertId ? `/alerts/${result.alertId}` : "/alerts";
    return (
      <>
        <PageHeader title={result.state === "expired" ? "Checkout expired" : "Payment not completed"} />
        <Card className="max-w-xl">
          <p className="text-slate-700 dark:text-slate-300">Nothing was charged. You can start again from your alert.</p>
          <div className="mt-5">
            <ButtonLink href={back}>Back to the alert</ButtonLink>
          </div>
        </Card>
      </>
    );
  }
  const sub = result.subscription;
  // Which alert was paid for (one homeowner may have several awaiting payment).
  const alert = result.alertId ? await getAlert(user.id, result.alertId).catch(() => null) : null;
  return (
    <>
      <PageHeader title="Your alert is active" />
      <div className="max-w-xl space-y-4">
        <Banner tone="success">Payment received. We&apos;ll email you the moment refinancing reaches your target.</Banner>
        <Card>
          <dl className="grid grid-cols-1 gap-3 text-sm sm:grid-cols-2">
            {alert && (
              <div className="sm:col-span-2" data-testid="paid-alert">
                <dt className="text-slate-500 dark:text-slate-400">Alert</dt>
                <dd className="font-medium text-slate-900 dark:text-slate-100">
                  {alert.mortgageName}: {alertSummary(alert, fmt)}
                </dd>
              </div>
            )}
            <div>
              <dt className="text-slate-500 dark:text-slate-400">Plan</dt>
              <dd className="font-medium text-slate-900 dark:text-slate-100">
                {formatCents(sub.amountCents)} / {sub.interval}
              </dd>
            </div>
            <div>
              <dt className="text-slate-500 dark:text-slate-400">Renews on</dt>
              <dd className="font-medium text-slate-900 dark:text-slate-100">{sub.currentPeriodEnd ? fmt.date(sub.currentPeriodEnd.toISOString()) : "—"}</dd>
            </div>
          </dl>
          <p className="mt-4 text-sm text-slate-600 dark:text-slate-400">A receipt is on its way to your inbox.</p>
          <div className="mt-5 flex flex-wrap gap-3">
            <ButtonLink href={`/alerts/${result.alertId}`}>View the alert</ButtonLink>
            <ButtonLink href="/billing" variant="secondary">
              Billing and invoices
            </ButtonLink>
          </div>
        </Card>
      </div>
    </>
  );
}
