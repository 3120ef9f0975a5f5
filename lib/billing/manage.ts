import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import { db } from "@/db";
import { subscriptions, users } from "@/db/schema";
import { audit } from "@/lib/audit";
import { env } from "@/lib/env";
import { ConflictError, NotFoundError, ValidationError } from "@/lib/errors";
import { stripe } from "./stripe";
import { syncSubscription } from "./sync";

/** Stripe has no such subscription (e.g. a demo row): nothing can be changed there. */
export class UnknownAtStripeError extends ConflictError {
  constructor() {
    super("Stripe doesn't know this subscription any more. Please contact support.");
  }
}

/**
 * Cancel at period end (or undo it) for one of the user's subscriptions: changed at Stripe, then
 * applied at once from Stripe's answer (the webhook that follows is then a no-op). The audit entry
 * names `actorId` (an admin acting on the account), the user by default.
 */
export async function setCancelAtPeriodEnd(userId: string, subscriptionId: string, cancel: boolean, actorId: string = userId) {
  const [row] = await db
    .select()
    .from(subscriptions)
    .where(and(eq(subscriptions.id, subscriptionId), eq(subscriptions.userId, userId)))
    .limit(1);
  if (!row) throw new NotFoundError("Subscription not found.");
  if (row.status === "canceled" || row.status === "incomplete_expired") throw new ConflictError("This subscription has already ended.");
  if (row.cancelAtPeriodEnd === cancel) return row;
  let updated;
  try {
    updated = await stripe().subscriptions.update(row.stripeSubscriptionId, { cancel_at_period_end: cancel });
  } catch (err) {
    if ((err as { statusCode?: number }).statusCode === 404) throw new UnknownAtStripeError();
    throw err;
  }
  try {
    return await db.transaction(async (tx) => {
      const outcome = await syncSubscription(tx, updated, { kind: "fetched" });
      await audit(
        { actorId, action: cancel ? "subscription.cancel_at_period_end" : "subscription.resume", targetType: "subscription", targetId: row.id, before: { cancelAtPeriodEnd: row.cancelAtPeriodEnd }, after: { cancelAtPeriodEnd: cancel } },
        tx,
      );
      return outcome.subscription ?? row;
    });
  } catch (err) {
    // Stripe changed and our record did not (the database failed): put Stripe back, so an error
    // here still means nothing changed, as its callers tell the homeowner. Should that fail too,
    // the customer.subscription.updated webhook brings the row in line with Stripe later.
    await stripe()
      .subscriptions.update(row.stripeSubscriptionId, { cancel_at_period_end: row.cancelAtPeriodEnd })
      .catch((undoErr: unknown) => console.error(`[billing] subscription ${row.stripeSubscriptionId}: set cancel_at_period_end=${cancel} at Stripe, could not record it here nor undo it`, undoErr));
    throw err;
  }
}

/** A Stripe Customer Portal session for the user's customer (payment methods, invoices). */
export async function createPortalSession(userId: string): Promise<string> {
  const [user] = await db.select({ customer: users.stripeCustomerId }).from(users).where(and(eq(users.id, userId), isNull(users.deletedAt))).limit(1);
  if (!user?.customer) throw new ValidationError("You have no payment methods yet: they are added when you activate an alert.");
  const session = await stripe().billingPortal.sessions.create({ customer: user.customer, return_url: `${env().APP_URL.replace(/\/+$/, "")}/billing` });
  return session.url;
}
