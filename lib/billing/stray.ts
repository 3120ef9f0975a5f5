import "server-only";
import { and, eq, like, or, sql } from "drizzle-orm";
import type Stripe from "stripe";
import type { DbOrTx } from "@/db";
import { auditLog, type Subscription } from "@/db/schema";
import { audit } from "@/lib/audit";
import { ENDED_STATUSES } from "./status";
import { isResourceMissing } from "./stale-stripe-ids";
import { stripe, stripeConfigured } from "./stripe";
import { syncSubscription, type SyncOutcome, type SyncSource } from "./sync";

type Rejected = Extract<SyncOutcome, { result: "rejected" }>;
type Replaced = NonNullable<Extract<SyncOutcome, { result: "applied" }>["replaced"]>;
type StopResult = "cancelled" | "already_ended" | "not_configured";

const idOf = (v: string | { id: string } | null | undefined) => (v == null ? null : typeof v === "string" ? v : v.id);

/**
 * syncSubscription, and a subscription it rejects (a second one for a paid alert, or one for a
 * deleted alert, mortgage or account) is cancelled at Stripe at once: nobody could see or cancel
 * it here, and Stripe would bill it every period. So is a paused or incomplete subscription that
 * a new one replaced: resumed or paid later, it would charge for an alert already paid for.
 * Used wherever Stripe hands us a subscription (webhooks, the success page).
 */
export async function applySubscription(tx: DbOrTx, sub: Stripe.Subscription, source: SyncSource): Promise<SyncOutcome> {
  const outcome = await syncSubscription(tx, sub, source);
  if (outcome.result === "rejected") await stopStraySubscription(tx, sub, outcome);
  if (outcome.result === "applied" && outcome.replaced) await stopReplacedSubscription(tx, outcome.subscription, outcome.replaced);
  return outcome;
}

/**
 * Cancels a subscription at Stripe now, without proration: Stripe's proration only credits the
 * customer balance (no money back), and the stand-in ignores it. A Stripe failure is thrown: the
 * webhook answers 5xx and Stripe retries, so the subscription is never left charging silently.
 */
async function cancelAtStripe(stripeSubscriptionId: string, comment: string): Promise<StopResult> {
  if (!stripeConfigured()) return "not_configured";
  try {
    await stripe().subscriptions.cancel(stripeSubscriptionId, { cancellation_details: { comment: comment.slice(0, 500) } });
    return "cancelled";
  } catch (err) {
    // An earlier delivery (or the success page) already cancelled it: nothing left to do.
    const current = await stripe()
      .subscriptions.retrieve(stripeSubscriptionId)
      .catch((e: unknown) => (isResourceMissing(e) ? null : Promise.reject(e)));
    if (current && !(ENDED_STATUSES as readonly string[]).includes(current.status)) throw err;
    return "already_ended";
  }
}

/**
 * Cancels the stray subscription. Any refund of what it already charged is an admin's decision,
 * so an audit_log row on the user (shown on the admin user page) says what happened and names
 * the invoice.
 */
async function stopStraySubscription(tx: DbOrTx, sub: Stripe.Subscription, outcome: Rejected): Promise<void> {
  const result = await cancelAtStripe(sub.id, `Cancelled automatically by Refi Alert: ${outcome.reason}`);
  const line = `[billing] stray subscription ${sub.id} (customer ${idOf(sub.customer)}): ${outcome.reason}`;
  logStop(line, result);
  if (await alreadyRecorded(tx, "billing.stray_subscription_%", sub.id)) return;
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

/** Cancels the paused or incomplete subscription a new one replaced, with an audit row on the user (as for a stray one). */
async function stopReplacedSubscription(tx: DbOrTx, kept: Subscription, replaced: Replaced): Promise<void> {
  const reason = `alert ${kept.alertId} is now paid for by ${kept.stripeSubscriptionId}; ${replaced.stripeSubscriptionId} was ${replaced.status}`;
  const result = await cancelAtStripe(replaced.stripeSubscriptionId, `Replaced: ${reason}`);
  logStop(`[billing] replaced subscription ${replaced.stripeSubscriptionId}: ${reason}`, result);
  if (await alreadyRecorded(tx, "billing.replaced_subscription_%", replaced.stripeSubscriptionId)) return;
  await audit(
    {
      actorId: null,
      action: result === "not_configured" ? "billing.replaced_subscription_found" : "billing.replaced_subscription_cancelled",
      targetType: "user",
      targetId: kept.userId,
      before: { stripeSubscriptionId: replaced.stripeSubscriptionId, status: replaced.status },
      after: { alertId: kept.alertId, keptSubscription: kept.stripeSubscriptionId, cancelledAtStripe: result !== "not_configured" },
    },
    tx,
  );
}

function logStop(line: string, result: StopResult): void {
  if (result === "not_configured") console.error(`${line} — NOT cancelled: Stripe is not configured here; cancel it in the Stripe dashboard`);
  else console.warn(`${line} — ${result === "cancelled" ? "cancelled at Stripe" : "already ended at Stripe"}`);
}

/**
 * One audit row per cancelled subscription, although several events (and the success page) may
 * meet it: a retry after a rolled-back transaction still finds it cancelled and records it then.
 * The subscription id is in `after` (stray) or `before` (replaced).
 */
async function alreadyRecorded(tx: DbOrTx, action: string, stripeSubscriptionId: string): Promise<boolean> {
  const [row] = await tx
    .select({ id: auditLog.id })
    .from(auditLog)
    .where(
      and(
        like(auditLog.action, action),
        or(eq(sql`${auditLog.after}->>'stripeSubscriptionId'`, stripeSubscriptionId), eq(sql`${auditLog.before}->>'stripeSubscriptionId'`, stripeSubscriptionId)),
      ),
    )
    .limit(1);
  return Boolean(row);
}
