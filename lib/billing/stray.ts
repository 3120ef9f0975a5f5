import "server-only";
import { and, eq, like, sql } from "drizzle-orm";
import type Stripe from "stripe";
import type { DbOrTx } from "@/db";
import { auditLog } from "@/db/schema";
import { audit } from "@/lib/audit";
import { ENDED_STATUSES } from "./status";
import { isResourceMissing } from "./stale-stripe-ids";
import { stripe, stripeConfigured } from "./stripe";
import { syncSubscription, type SyncOutcome, type SyncSource } from "./sync";

type Rejected = Extract<SyncOutcome, { result: "rejected" }>;
type StopResult = "cancelled" | "already_ended" | "not_configured";

const idOf = (v: string | { id: string } | null | undefined) => (v == null ? null : typeof v === "string" ? v : v.id);

/**
 * syncSubscription, and a subscription it rejects (a second one for a paid alert, or one for a
 * deleted alert, mortgage or account) is cancelled at Stripe at once: nobody could see or cancel
 * it here, and Stripe would bill it every period. Used wherever Stripe hands us a subscription
 * (webhooks, the success page).
 */
export async function applySubscription(tx: DbOrTx, sub: Stripe.Subscription, source: SyncSource): Promise<SyncOutcome> {
  const outcome = await syncSubscription(tx, sub, source);
  if (outcome.result === "rejected") await stopStraySubscription(tx, sub, outcome);
  return outcome;
}

/**
 * Cancels the stray subscription now, without proration: Stripe's proration only credits the
 * customer balance (no money back), and the stand-in ignores it. Any refund of what it already
 * charged is an admin's decision, so an audit_log row on the user (shown on the admin user page)
 * says what happened and names the invoice. A Stripe failure is thrown: the webhook answers 5xx
 * and Stripe retries, so the subscription is never left charging silently.
 */
async function stopStraySubscription(tx: DbOrTx, sub: Stripe.Subscription, outcome: Rejected): Promise<void> {
  let result: StopResult;
  if (!stripeConfigured()) {
    result = "not_configured";
  } else {
    try {
      await stripe().subscriptions.cancel(sub.id, { cancellation_details: { comment: `Cancelled automatically by Refi Alert: ${outcome.reason}`.slice(0, 500) } });
      result = "cancelled";
    } catch (err) {
      // An earlier delivery (or the success page) already cancelled it: nothing left to do.
      const current = await stripe()
        .subscriptions.retrieve(sub.id)
        .catch((e: unknown) => (isResourceMissing(e) ? null : Promise.reject(e)));
      if (current && !(ENDED_STATUSES as readonly string[]).includes(current.status)) throw err;
      result = "already_ended";
    }
  }
  const line = `[billing] stray subscription ${sub.id} (customer ${idOf(sub.customer)}): ${outcome.reason}`;
  if (result === "not_configured") console.error(`${line} — NOT cancelled: Stripe is not configured here; cancel it in the Stripe dashboard`);
  else console.warn(`${line} — ${result === "cancelled" ? "cancelled at Stripe" : "already ended at Stripe"}`);
  if (await alreadyRecorded(tx, sub.id)) return;
  await audit(
    {
      actorId: null,
      action: result === "not_configured" ? "billing.stray_subscription_found" : "billing.stray_subscription_cancelled",
      targetType: "user",
      targetId: outcome.userId,
      after: {
        stripeSubscriptionId: sub.id,
        stripeCustomerId: idOf(sub.customer),
        alertId: outcome.alertId,
        keptSubscription: outcome.subscription?.stripeSubscriptionId ?? null,
        latestInvoice: idOf(sub.latest_invoice),
        reason: outcome.reason,
        cancelledAtStripe: result !== "not_configured",
        refund: "not issued automatically",
      },
    },
    tx,
  );
}

/**
 * One audit row per stray subscription, although several events (and the success page) may
 * reject it: a retry after a rolled-back transaction still finds it cancelled and records it then.
 */
async function alreadyRecorded(tx: DbOrTx, stripeSubscriptionId: string): Promise<boolean> {
  const [row] = await tx
    .select({ id: auditLog.id })
    .from(auditLog)
    .where(and(like(auditLog.action, "billing.stray_subscription_%"), eq(sql`${auditLog.after}->>'stripeSubscriptionId'`, stripeSubscriptionId)))
    .limit(1);
  return Boolean(row);
}
