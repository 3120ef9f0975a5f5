import "server-only";
import type Stripe from "stripe";
import { db } from "@/db";
import { NotFoundError } from "@/lib/errors";
import { syncInvoice } from "./invoices";
import { stripe } from "./stripe";
import { applySubscription } from "./stray";
import type { Subscription } from "@/db/schema";

export type CheckoutResult =
  | { state: "complete"; alertId: string; subscription: Subscription }
  | { state: "open" | "expired"; alertId: string | null };

/**
 * The success page: reads the Checkout Session (with its subscription and first invoice) and
 * applies them at once with the webhook's own sync, so the alert shows active before any webhook
 * arrives. Idempotent, and harmless when the webhook got there first. Another user's session is 404.
 */
export async function syncCheckoutSession(userId: string, sessionId: string): Promise<CheckoutResult> {
  if (!/^cs_[A-Za-z0-9_]+$/.test(sessionId)) throw new NotFoundError("Checkout session not found.");
  let session: Stripe.Checkout.Session;
  try {
    session = await stripe().checkout.sessions.retrieve(sessionId, { expand: ["subscription", "subscription.latest_invoice"] });
  } catch (err) {
    if ((err as { statusCode?: number }).statusCode === 404) throw new NotFoundError("Checkout session not found.");
    throw err;
  }
  if (session.client_reference_id !== userId && session.metadata?.user_id !== userId) throw new NotFoundError("Checkout session not found.");
  const alertId = session.metadata?.alert_id ?? null;
  const sub = session.subscription;
  if (session.status !== "complete" || !sub || typeof sub === "string") {
    return { state: session.status === "expired" ? "expired" : "open", alertId };
  }
  return db.transaction(async (tx) => {
    // A stray second subscription is cancelled here too; the page then shows the one that stays.
    const outcome = await applySubscription(tx, sub, { kind: "fetched" });
    if (!outcome.subscription) throw new NotFoundError("This payment is not for one of your alerts.");
    const invoice = sub.latest_invoice;
    if (outcome.result === "applied" && invoice && typeof invoice !== "string") await syncInvoice(tx, outcome.subscription, invoice);
    return { state: "complete" as const, alertId: outcome.subscription.alertId, subscription: outcome.subscription };
  });
}
