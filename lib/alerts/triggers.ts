import "server-only";
import { currentRateSql } from "@/lib/mortgages/current-rate";
import { and, eq, isNull, sql } from "drizzle-orm";
import { db as defaultDb, type DbOrTx } from "@/db";
import { alerts, mortgages, triggers, type Trigger } from "@/db/schema";
import { ConflictError, NotFoundError } from "@/lib/errors";
import { refinanceCostCents } from "./evaluate";
import { refiNumbers, type RefiNumbers } from "./numbers";

export const SNOOZE_DAYS = 7;

export type TriggerAction = "dismiss" | "snooze" | "contacted";

export type TriggerView = Trigger & {
  alert: { id: string; alertType: "interest_rate" | "monthly_payment"; targetTerm: number; targetInterestRate: number | null; targetMonthlyPaymentCents: number | null };
  mortgageName: string;
  numbers: RefiNumbers | null;
};

/** The trigger if its alert belongs to `userId` (and is not deleted); NotFoundError otherwise. */
export async function getTrigger(userId: string, id: string, db: DbOrTx = defaultDb): Promise<TriggerView> {
  const [row] = await db
    .select({ trigger: triggers, alert: alerts, mortgage: mortgages, currentRate: currentRateSql() })
    .from(triggers)
    .innerJoin(alerts, eq(alerts.id, triggers.alertId))
    .innerJoin(mortgages, eq(mortgages.id, alerts.mortgageId))
    .where(and(eq(triggers.id, id), eq(alerts.userId, userId), isNull(alerts.deletedAt)))
    .limit(1);
  if (!row) throw new NotFoundError("That alert notification doesn't exist.");
  const { trigger, alert, mortgage, currentRate } = row;
  return {
    ...trigger,
    alert: {
      id: alert.id,
      alertType: alert.alertType,
      targetTerm: alert.targetTerm,
      targetInterestRate: alert.targetInterestRate === null ? null : Number(alert.targetInterestRate),
      targetMonthlyPaymentCents: alert.targetMonthlyPaymentCents,
    },
    mortgageName: mortgage.name,
    numbers: refiNumbers({
      balanceCents: mortgage.remainingPrincipalCents,
      currentRate,
      monthsLeft: mortgage.remainingTerm,
      marketRate: Number(trigger.marketRate),
      targetTerm: alert.targetTerm,
      costCents: refinanceCostCents(alert),
    }),
  };
}

const ownedTrigger = (userId: string, id: string) =>
  and(eq(triggers.id, id), sql`EXISTS (SELECT 1 FROM alerts a WHERE a.id = ${triggers.alertId} AND a.user_id = ${userId} AND a.deleted_at IS NULL)`);

/** Opening the trigger page records that the owner saw it (the first time). */
export async function markTriggerViewed(userId: string, id: string, db: DbOrTx = defaultDb): Promise<void> {
  await db
    .update(triggers)
    .set({ userViewed: true, viewedAt: sql`coalesce(${triggers.viewedAt}, now())` })
    .where(and(ownedTrigger(userId, id), eq(triggers.userViewed, false)));
}

/**
 * Records what the owner did: dismiss and "I contacted a lender" acknowledge the trigger;
 * snooze keeps it open but quiet for 7 days, after which the alert may fire again.
 */
export async function actOnTrigger(userId: string, id: string, action: TriggerAction, db: DbOrTx = defaultDb): Promise<Trigger> {
  return db.transaction(async (tx) => {
    const [current] = await tx.select().from(triggers).where(ownedTrigger(userId, id)).limit(1).for("update");
    if (!current) throw new NotFoundError("That alert notification doesn't exist.");
    const open = current.status === "triggered" || current.status === "notified";
    if (action === "snooze" && !open) throw new ConflictError("Only an open alert can be snoozed; this one is already closed.");
    const now = new Date();
    const set: Partial<typeof triggers.$inferInsert> =
      action === "snooze"
        ? { userAction: "snoozed", actionTakenAt: now, snoozedUntil: new Date(now.getTime() + SNOOZE_DAYS * 86_400_000) }
        : {
            userAction: action === "dismiss" ? "dismissed" : "contacted_lender",
            actionTakenAt: now,
            // An expired trigger stays expired; an open one is acknowledged.
            status: open ? "acknowledged" : current.status,
            snoozedUntil: null,
          };
    const [row] = await tx.update(triggers).set({ ...set, userViewed: true, viewedAt: current.viewedAt ?? now }).where(eq(triggers.id, id)).returning();
    return row!;
  });
}
