import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import { db } from "@/db";
import { alerts, type Alert } from "@/db/schema";
import { stopRenewals, type StoppedSubscription } from "@/lib/billing/cancel";
import { expireOpenCheckouts } from "@/lib/billing/checkout-sessions";
import { NotFoundError } from "@/lib/errors";
import { changeAlert } from "./queries";

export type { StoppedSubscription };

/** Stops paying for these alerts (lib/billing/cancel.ts stopRenewals: Stripe first, or nothing else changes). */
export function stopChargingFor(userId: string, alertIds: string[]): Promise<StoppedSubscription[]> {
  return stopRenewals(userId, { alertIds });
}

/**
 * After alerts were deleted (committed), best effort: their open Checkout sessions are expired,
 * so a checkout page left open cannot start a subscription for them; and a subscription the
 * webhook recorded between stopChargingFor and the delete is stopped too. Failures are logged,
 * never thrown: the delete stands (a subscription paid anyway is cancelled by the webhook).
 * Returns the subscriptions stopped in this pass.
 */
export async function afterAlertsDeleted(userId: string, alertIds: string[]): Promise<StoppedSubscription[]> {
  if (alertIds.length === 0) return [];
  await expireOpenCheckouts(userId, alertIds);
  try {
    return await stopChargingForDeleted(userId, alertIds);
  } catch (err) {
    console.error(`[alerts] could not stop the renewals of deleted alerts ${alertIds.join(", ")}`, err);
    return [];
  }
}

/** Stops renewals for alerts that are already deleted: each one stopped stays stopped, whatever fails after it. */
function stopChargingForDeleted(userId: string, alertIds: string[]): Promise<StoppedSubscription[]> {
  return stopRenewals(userId, { alertIds, undoOnFailure: false });
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
  const deleted = await changeAlert(userId, id, "delete");
  await afterAlertsDeleted(userId, [id]);
  return deleted;
}
