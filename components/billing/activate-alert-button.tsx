import { offeredPrices } from "@/lib/billing/checkout";
import { ActivateAlertForm } from "./activate-alert-form";

/**
 * "Activate alert" for an alert page (a server component): offers the plan's current yearly and
 * monthly prices (exactly what checkout will charge) and starts Stripe Checkout through a server
 * action. Verified users only; the action checks that, ownership and "already subscribed".
 */
export async function ActivateAlertButton({ alertId }: { alertId: string }) {
  const prices = await offeredPrices();
  return <ActivateAlertForm alertId={alertId} prices={prices.map((p) => ({ interval: p.interval, amountCents: p.amountCents }))} />;
}
