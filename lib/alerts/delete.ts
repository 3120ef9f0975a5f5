import "server-only";
import { and, eq, inArray, isNull } from "drizzle-orm";
import { db } from "@/db";
import { alerts, subscriptions, type Alert } from "@/db/schema";
import { endSubscriptionLocally } from "@/lib/billing/cancel";
import { setCancelAtPeriodEnd, UnknownAtStripeError } from "@/lib/billing/manage";
import { NotFoundError } from "@/lib/errors";
import { changeAlert } from "./queries";

/** Subscriptions that will charge again unless cancelled. */
const CHARGING = ["active", "trialing", "past_due", "unpaid"] as const;

/**
 * Deleting an alert also stops paying for it: its subscription is set to end with the period
 * already paid for (no refund, no further charge), at Stripe first — if Stripe refuses, nothing is
 * deleted and the error says why. A subscription Stripe doesn't know (demo rows) is ended here, as
 * account deletion does. Then the alert is soft-deleted (it stops watching the market at once).
 */
export async function deleteAlert(userId: string, id: string): Promise<Alert> {
  const [alert] = await db
    .select({ id: alerts.id })
    .from(alerts)
    .where(and(eq(alerts.id, id), eq(alerts.userId, userId), isNull(alerts.deletedAt)))
    .limit(1);
  if (!alert) throw new NotFoundError("That alert doesn't exist.");
  const [sub] = await db
    .select()
    .from(subscriptions)
    .where(and(eq(subscriptions.alertId, id), eq(subscriptions.userId, userId), inArray(subscriptions.status, [...CHARGING])))
    .limit(1);
  if (sub && !sub.cancelAtPeriodEnd) {
    try {
      await setCancelAtPeriodEnd(userId, sub.id, true);
    } catch (err) {
      if (!(err instanceof UnknownAtStripeError)) throw err;
      await endSubscriptionLocally(sub, userId);
    }
  }
  return changeAlert(userId, id, "delete");
}
