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

/** A subscription this call stopped: ended with its paid period (resumable), or ended here at once. */
export type StoppedSubscription = { id: string; endsOn: Date | null; resumable: boolean };

/**
 * Stops paying for these alerts: each subscription that would charge again is set to end with the
 * period already paid for (no refund, no further charge), at Stripe first; if Stripe refuses, the
 * error is thrown and the caller deletes nothing. A subscription Stripe doesn't know (demo rows)
 * is ended here, as account deletion does.
 */
export async function stopChargingFor(userId: string, alertIds: string[]): Promise<StoppedSubscription[]> {
  if (alertIds.length === 0) return [];
  const charging = await db
    .select()
    .from(subscriptions)
    .where(and(inArray(subscriptions.alertId, alertIds), eq(subscriptions.userId, userId), inArray(subscriptions.status, [...CHARGING]), eq(subscriptions.cancelAtPeriodEnd, false)));
  const stopped: StoppedSubscription[] = [];
  for (const sub of charging) {
    try {
      const after = await setCancelAtPeriodEnd(userId, sub.id, true);
      stopped.push({ id: sub.id, endsOn: after.currentPeriodEnd, resumable: true });
    } catch (err) {
      if (!(err instanceof UnknownAtStripeError)) throw err;
      await endSubscriptionLocally(sub, userId);
      stopped.push({ id: sub.id, endsOn: null, resumable: false });
    }
  }
  return stopped;
}

/** Deleting an alert also stops paying for it (stopChargingFor), then soft-deletes it: it stops watching the market at once. */
export async function deleteAlert(userId: string, id: string): Promise<Alert> {
  const [alert] = await db
    .select({ id: alerts.id })
    .from(alerts)
    .where(and(eq(alerts.id, id), eq(alerts.userId, userId), isNull(alerts.deletedAt)))
    .limit(1);
  if (!alert) throw new NotFoundError("That alert doesn't exist.");
  await stopChargingFor(userId, [id]);
  return changeAlert(userId, id, "delete");
}
