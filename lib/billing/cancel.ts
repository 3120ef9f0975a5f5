import "server-only";
import { and, eq, inArray } from "drizzle-orm";
import { db } from "@/db";
import { subscriptions } from "@/db/schema";
import { audit } from "@/lib/audit";
import { stripe, stripeConfigured } from "./stripe";

const LIVE = ["active", "trialing", "past_due", "incomplete", "unpaid"] as const;

/**
 * Cancels every live subscription of a user at Stripe now (account deletion). The local rows
 * follow at once; the customer.subscription.deleted webhooks that follow are then no-ops.
 * Returns how many were cancelled.
 */
export async function cancelUserSubscriptions(userId: string, actorId: string | null = userId): Promise<number> {
  const live = await db
    .select()
    .from(subscriptions)
    .where(and(eq(subscriptions.userId, userId), inArray(subscriptions.status, [...LIVE])));
  if (live.length === 0) return 0;
  if (!stripeConfigured()) throw new Error("Stripe is not configured: cannot cancel subscriptions");
  for (const sub of live) {
    try {
      await stripe().subscriptions.cancel(sub.stripeSubscriptionId);
    } catch (err) {
      // Unknown at Stripe (e.g. demo rows): cancel locally all the same. Already canceled at
      // Stripe (its webhook not applied yet): nothing left to do there. Anything else: stop, so
      // the account is not deleted while a subscription keeps charging.
      if ((err as { statusCode?: number }).statusCode !== 404) {
        const current = await stripe().subscriptions.retrieve(sub.stripeSubscriptionId).catch(() => null);
        if (current?.status !== "canceled") throw err;
      }
    }
    await endSubscriptionLocally(sub, actorId);
  }
  return live.length;
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
