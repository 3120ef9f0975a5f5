import type { Metadata } from "next";
import { ButtonLink, Card, PageHeader } from "@/components/ui";
import { requireUser } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Checkout cancelled" };

/** Where a homeowner lands after leaving Stripe Checkout without paying (alerts link here too). */
export default async function CheckoutCancelled({ searchParams }: { searchParams: Promise<{ alert?: string }> }) {
  await requireUser("/billing/cancel");
  const { alert } = await searchParams;
  const back = alert && /^[0-9a-f-]{36}$/i.test(alert) ? `/alerts/${alert}` : "/alerts";
  return (
    <>
      <PageHeader title="Checkout cancelled" />
      <Card className="max-w-xl">
        <p className="text-slate-700 dark:text-slate-300">Nothing was charged. Your alert is saved; you can activate it whenever you like.</p>
        <div className="mt-5 flex flex-wrap gap-3">
          <ButtonLink href={back}>Try again</ButtonLink>
          <ButtonLink href="/billing" variant="secondary">
            Billing
          </ButtonLink>
        </div>
      </Card>
    </>
  );
}
