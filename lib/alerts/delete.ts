import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import { db } from "@/db";
import { alerts, type Alert } from "@/db/schema";
import { stopRenewals, type StoppedSubscription } from "@/lib/billing/cancel";
import { NotFoundError } from "@/lib/errors";
import { changeAlert } from "./queries";

export type { StoppedSubscription };

/** Stops paying for these alerts (lib/billing/cancel.ts stopRenewals: Stripe first, or nothing else changes). */
export function stopChargingFor(userId: string, alertIds: string[]): Promise<StoppedSubscription[]> {
  return stopRenewals(userId, { alertIds });
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
