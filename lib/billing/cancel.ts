import "server-only";
import { and, eq, inArray, type SQL } from "drizzle-orm";
import { db } from "@/db";
import { subscriptions } from "@/db/schema";
import { audit } from "@/lib/audit";
import { isUuid } from "@/lib/mortgages/schemas";
import { setCancelAtPeriodEnd, UnknownAtStripeError } from "./manage";
import { stripe, stripeConfigured } from "./stripe";

const LIVE = ["active", "trialing", "past_due", "incomplete", "unpaid"] as const;

/** Subscriptions that will charge again unless cancelled (the admin user page counts them too). */
export const CHARGING = ["active", "trialing", "past_due", "unpaid"] as const;

/** A subscription that was stopped: ended with its paid period (resumable), or ended here at once. */
export type StoppedSubscription = { id: string; endsOn: Date | null; resumable: boolean };

/**
 * Stops the renewals of a user's subscriptions (those of `alertIds`, or all of them): each one
 * that would charge again is set to end with the period already paid for (no refund, no further
 * charge), at Stripe first; if Stripe refuses one, those already stopped by this call renew again
 * and the error is thrown, so the caller changes nothing else and nothing is half done (unless
 * `undoOnFailure: false`: after a delete, whatever could be stopped stays stopped). A
 * subscription Stripe doesn't know (demo rows) is ended here, as account deletion does.
 */
export async function stopRenewals(userId: string, opts: { alertIds?: string[]; actorId?: string; undoOnFailure?: boolean } = {}): Promise<StoppedSubscription[]> {
  if (opts.alertIds?.length === 0) return [];
  const conditions: SQL[] = [eq(subscriptions.userId, userId), inArray(subscriptions.status, [...CHARGING]), eq(subscriptions.cancelAtPeriodEnd, false)];
  if (opts.alertIds) conditions.push(inArray(subscriptions.alertId, opts.alertIds));
  const charging = await db.select().from(subscriptions).where(and(...conditions));
  const actorId = opts.actorId ?? userId;
  const stopped: StoppedSubscription[] = [];
  for (const sub of charging) {
    try {
      const after = await setCancelAtPeriodEnd(userId, sub.id, true, actorId);
      stopped.push({ id: sub.id, endsOn: after.currentPeriodEnd, resumable: true });
    } catch (err) {
      if (!(err instanceof UnknownAtStripeError)) {
        const undo = opts.undoOnFailure === false ? [] : stopped.filter((s) => s.resumable).map((s) => s.id);
        if (undo.length) await resumeRenewals(userId, undo, actorId);
        throw err;
      }
      await endSubscriptionLocally(sub, actorId);
      stopped.push({ id: sub.id, endsOn: null, resumable: false });
    }
  }
  return stopped;
}

/**
 * Renews again those of `ids` that are the user's and still set to end (a stop being undone).
 * One that can't be resumed is logged and counted, not thrown: the caller's own change stands,
 * and the homeowner can still resume it on the billing page.
 */
export async function resumeRenewals(userId: string, ids: string[], actorId: string = userId): Promise<{ resumed: number; notResumed: number }> {
  const uuids = ids.filter(isUuid);
  if (uuids.length === 0) return { resumed: 0, notResumed: 0 };
  const ending = await db
    .select({ id: subscriptions.id })
    .from(subscriptions)
    .where(and(inArray(subscriptions.id, uuids), eq(subscriptions.userId, userId), inArray(subscriptions.status, [...CHARGING]), eq(subscriptions.cancelAtPeriodEnd, true)));
  let resumed = 0;
  for (const sub of ending) {
    try {
      await setCancelAtPeriodEnd(userId, sub.id, false, actorId);
      resumed++;
    } catch (err) {
      console.error(`[billing] could not resume subscription ${sub.id}`, err);
    }
  }
  return { resumed, notResumed: ending.length - resumed };
}

/**
 * Cancels every live subscription of a user at Stripe now (account deletion). The local rows
 * follow at once; the customer.subscription.deleted webhooks that follow are then no-ops.
 * Returns how many were cancelled. A cancellation can't be undone, so when Stripe refuses one
 * partway, a CancelIncompleteError says how many had been cancelled already.
 */
export async function cancelUserSubscriptions(userId: string, actorId: string | null = userId): Promise<number> {
  const live = await db
    .select()
    .from(subscriptions)
    .where(and(eq(subscriptions.userId, userId), inArray(subscriptions.status, [...LIVE])));
  if (live.length === 0) return 0;
  if (!stripeConfigured()) throw new Error("Stripe is not configured: cannot cancel subscriptions");
  let done = 0;
  for (const sub of live) {
    try {
      await stripe().subscriptions.cancel(sub.stripeSubscriptionId);
    } catch (err) {
      // Unknown at Stripe (e.g. demo rows): cancel locally all the same. Already canceled at
      // Stripe (its webhook not applied yet): nothing left to do there. Anything else: stop, so
      // the account is not deleted while a subscription keeps charging.
      if ((err as { statusCode?: number }).statusCode !== 404) {
        const current = await stripe().subscriptions.retrieve(sub.stripeSubscriptionId).catch(() => null);
        if (current?.status !== "canceled") throw new CancelIncompleteError(done, live.length, err);
      }
    }
    await endSubscriptionLocally(sub, actorId);
    done++;
  }
  return live.length;
}

/** Stripe refused a cancellation after `cancelled` of `total` subscriptions were already ended. */
export class CancelIncompleteError extends Error {
  constructor(
    readonly cancelled: number,
    readonly total: number,
    cause: unknown,
  ) {
    super(`cancelled ${cancelled} of ${total} subscriptions, then Stripe refused: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
    this.name = "CancelIncompleteError";
  }
}

/** Marks a subscription canceled here, with an audit entry (after Stripe ended it, or for one Stripe never knew). */
export async function endSubscriptionLocally(sub: { id: string; status: string }, actorId: string | null): Promise<void> {
  await db.transaction(async (tx) => {
    await tx
      .update(subscriptions)
      .set({ status: "canceled", canceledAt: new Date(), endedAt: new Date(), cancelAtPeriodEnd: false })
      .where(eq(subscriptions.id, sub.id));
    await audit({ actorId, action: "subscription.cancel", targetType: "subscription", targetId: sub.id, before: { status: sub.status }, after: { status: "canceled" } }, tx);
  });
}
