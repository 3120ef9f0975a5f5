import "server-only";
import { and, eq, inArray, isNull } from "drizzle-orm";
import { db } from "@/db";
import { alerts, mortgages, subscriptions } from "@/db/schema";
import { afterAlertsDeleted, stopChargingFor, type StoppedSubscription } from "@/lib/alerts/delete";
import { resumeRenewals } from "@/lib/billing/cancel";
import { NotFoundError } from "@/lib/errors";
import { restoreMortgage, softDeleteMortgage } from "./queries";
import { isUuid } from "./schemas";

export type MortgageDeleted = { id: string; name: string; alerts: number; stopped: StoppedSubscription[] };

/**
 * Deleting a mortgage deletes its alerts, and so stops paying for them, as deleting an alert does:
 * a homeowner who sold the house must not keep paying to watch it. Stripe is asked first (each
 * subscription ends with the period already paid for); if it refuses, nothing is deleted and the
 * error says why.
 */
export async function deleteMortgage(userId: string, id: string): Promise<MortgageDeleted> {
  if (!isUuid(id)) throw new NotFoundError("That mortgage doesn't exist.");
  const [mortgage] = await db
    .select({ id: mortgages.id })
    .from(mortgages)
    .where(and(eq(mortgages.id, id), eq(mortgages.userId, userId), isNull(mortgages.deletedAt)))
    .limit(1);
  if (!mortgage) throw new NotFoundError("That mortgage doesn't exist.");
  const live = await db
    .select({ id: alerts.id })
    .from(alerts)
    .where(and(eq(alerts.mortgageId, id), eq(alerts.userId, userId), isNull(alerts.deletedAt)));
  const stopped = await stopChargingFor(
    userId,
    live.map((a) => a.id),
  );
  const row = await softDeleteMortgage(userId, id);
  // Their open checkouts expired; any renewal that slipped in stopped too (and undone by an undo).
  const late = await afterAlertsDeleted(
    userId,
    live.map((a) => a.id),
  );
  return { ...row, stopped: [...stopped, ...late] };
}

export type MortgageRestored = { id: string; name: string; alerts: number; resumed: number; notResumed: number };

/**
 * Undo: the mortgage and the alerts deleted with it come back, and the subscriptions that delete
 * set to end (`resume`, as deleteMortgage returned them) renew again. Only the owner's
 * subscriptions of this mortgage's alerts are touched, whatever ids the browser sends back.
 */
export async function undoDeleteMortgage(userId: string, id: string, resume: string[]): Promise<MortgageRestored> {
  const row = await restoreMortgage(userId, id);
  const ids = resume.filter(isUuid);
  const mine = ids.length
    ? await db
        .select({ id: subscriptions.id })
        .from(subscriptions)
        .innerJoin(alerts, eq(alerts.id, subscriptions.alertId))
        .where(and(inArray(subscriptions.id, ids), eq(subscriptions.userId, userId), eq(alerts.mortgageId, id), isNull(alerts.deletedAt)))
    : [];
  // Restored either way; one that can't be resumed can still be resumed on the billing page.
  const { resumed, notResumed } = await resumeRenewals(
    userId,
    mine.map((sub) => sub.id),
  );
  return { ...row, resumed, notResumed };
}
