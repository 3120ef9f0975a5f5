import "server-only";
import { currentRateSql } from "@/lib/mortgages/current-rate";
import { and, desc, eq, inArray, isNull, sql } from "drizzle-orm";
import { db as defaultDb, type DbOrTx } from "@/db";
import { alerts, mortgages, subscriptions, triggers, userPreferences, users, type Alert } from "@/db/schema";
import { NotFoundError, ValidationError } from "@/lib/errors";
import type { AlertTarget } from "./evaluate";
import type { AlertForm } from "./schemas";

/** Our estimate of refinance costs when the homeowner gives none: 2 % of the balance (lenders quote 2–5 %). */
export const CALCULATED_COST_SHARE = 0.02;

export function calculatedCostCents(remainingPrincipalCents: number): number {
  return Math.round(remainingPrincipalCents * CALCULATED_COST_SHARE);
}

export function targetOf(a: Pick<Alert, "alertType" | "targetInterestRate" | "targetMonthlyPaymentCents" | "targetTerm">): AlertTarget {
  return a.alertType === "interest_rate"
    ? { alertType: "interest_rate", targetInterestRate: Number(a.targetInterestRate), targetTerm: a.targetTerm }
    : { alertType: "monthly_payment", targetMonthlyPaymentCents: Number(a.targetMonthlyPaymentCents), targetTerm: a.targetTerm };
}

/** The alert's columns for a form (targets in cents and percent; the other type's target cleared). */
function formColumns(form: AlertForm) {
  return {
    alertType: form.alertType,
    targetInterestRate: form.alertType === "interest_rate" ? form.targetRate! : null,
    targetMonthlyPaymentCents: form.alertType === "monthly_payment" ? Math.round(form.targetPayment! * 100) : null,
    targetTerm: form.targetTerm,
    estimateRefinanceCostCents: form.refinanceCost === undefined ? null : Math.round(form.refinanceCost * 100),
  };
}

async function liveMortgage(tx: DbOrTx, userId: string, mortgageId: string) {
  const [m] = await tx
    .select()
    .from(mortgages)
    .where(and(eq(mortgages.id, mortgageId), eq(mortgages.userId, userId), isNull(mortgages.deletedAt)))
    .limit(1);
  return m ?? null;
}

async function autoCost(tx: DbOrTx, userId: string, remainingPrincipalCents: number): Promise<number | null> {
  const [prefs] = await tx.select({ auto: userPreferences.autoCalculateRefiCost }).from(userPreferences).where(eq(userPreferences.userId, userId)).limit(1);
  return (prefs?.auto ?? true) ? calculatedCostCents(remainingPrincipalCents) : null;
}

/** Creates an alert on one of the user's mortgages. It waits "awaiting payment" until subscribed. */
export async function createAlert(userId: string, input: AlertForm & { mortgageId: string }, db: DbOrTx = defaultDb): Promise<Alert> {
  return db.transaction(async (tx) => {
    const [user] = await tx.select({ verified: users.emailVerified }).from(users).where(and(eq(users.id, userId), isNull(users.deletedAt))).limit(1);
    if (!user) throw new NotFoundError();
    if (!user.verified) throw new ValidationError("Please verify your email address before creating an alert: alerts are delivered by email.");
    const mortgage = await liveMortgage(tx, userId, input.mortgageId);
    if (!mortgage) throw new ValidationError("Please correct the highlighted fields.", { mortgageId: ["Choose one of your mortgages."] });
    const [row] = await tx
      .insert(alerts)
      .values({ ...formColumns(input), userId, mortgageId: mortgage.id, calculatedRefinanceCostCents: await autoCost(tx, userId, mortgage.remainingPrincipalCents) })
      .returning();
    return row!;
  });
}

const owned = (userId: string, id: string) => and(eq(alerts.id, id), eq(alerts.userId, userId), isNull(alerts.deletedAt));

async function requireOwned(tx: DbOrTx, userId: string, id: string): Promise<Alert> {
  const [row] = await tx.select().from(alerts).where(owned(userId, id)).limit(1).for("update");
  if (!row) throw new NotFoundError("That alert doesn't exist.");
  return row;
}

/**
 * Edits the target. A changed target retires the alert's open triggers (they answered the old
 * question), so the next sweep judges the new target afresh.
 */
export async function updateAlert(userId: string, id: string, form: AlertForm, db: DbOrTx = defaultDb): Promise<Alert> {
  return db.transaction(async (tx) => {
    const before = await requireOwned(tx, userId, id);
    const [mortgage] = await tx.select().from(mortgages).where(eq(mortgages.id, before.mortgageId)).limit(1);
    const cols = formColumns(form);
    const [row] = await tx
      .update(alerts)
      .set({ ...cols, calculatedRefinanceCostCents: mortgage ? await autoCost(tx, userId, mortgage.remainingPrincipalCents) : before.calculatedRefinanceCostCents })
      .where(eq(alerts.id, id))
      .returning();
    const targetChanged =
      before.alertType !== cols.alertType ||
      before.targetTerm !== cols.targetTerm ||
      Number(before.targetInterestRate ?? NaN) !== Number(cols.targetInterestRate ?? NaN) ||
      before.targetMonthlyPaymentCents !== cols.targetMonthlyPaymentCents ||
      before.estimateRefinanceCostCents !== cols.estimateRefinanceCostCents;
    if (targetChanged) {
      // The next sweep judges the new target afresh. A trigger not emailed yet is removed, not
      // expired: it holds its rate week's slot (one trigger per alert, rate type and week), so
      // an expired one would keep the new target from firing for the very week that meets it.
      // Those already emailed or dismissed stay, closed, as the record of what was sent.
      await tx.delete(triggers).where(and(eq(triggers.alertId, id), eq(triggers.status, "triggered"), eq(triggers.notificationSent, false)));
      await tx
        .update(triggers)
        .set({ status: "expired", updatedAt: new Date() })
        .where(and(eq(triggers.alertId, id), inArray(triggers.status, ["triggered", "notified", "acknowledged"])));
    }
    return row!;
  });
}

export type AlertChange = "pause" | "resume" | "dismiss" | "restore" | "delete";

/** Pause/resume, dismiss/restore and (soft) delete. Each is idempotent. */
export async function changeAlert(userId: string, id: string, change: AlertChange, db: DbOrTx = defaultDb): Promise<Alert> {
  return db.transaction(async (tx) => {
    await requireOwned(tx, userId, id);
    const now = new Date();
    const set: Partial<typeof alerts.$inferInsert> = {
      pause: { isActive: false, pausedAt: sql`coalesce(${alerts.pausedAt}, now())` as unknown as Date },
      resume: { isActive: true, pausedAt: null },
      dismiss: { userDismissed: true, dismissedAt: sql`coalesce(${alerts.dismissedAt}, now())` as unknown as Date },
      restore: { userDismissed: false, dismissedAt: null },
      delete: { deletedAt: now },
    }[change];
    const [row] = await tx.update(alerts).set(set).where(eq(alerts.id, id)).returning();
    return row!;
  });
}

export type AlertRow = Alert & {
  mortgageName: string;
  remainingPrincipalCents: number;
  remainingTerm: number;
  currentRate: number;
  subscription: { status: string; currentPeriodEnd: Date | null; cancelAtPeriodEnd: boolean; amountCents: number; interval: string } | null;
  lastTrigger: { id: string; status: string; triggeredAt: Date; marketRate: number } | null;
  openTriggers: number;
};

const alertSelect = {
  alert: alerts,
  mortgageName: mortgages.name,
  remainingPrincipalCents: mortgages.remainingPrincipalCents,
  remainingTerm: mortgages.remainingTerm,
  currentRate: currentRateSql(),
  subStatus: subscriptions.status,
  subPeriodEnd: subscriptions.currentPeriodEnd,
  subCancelAtPeriodEnd: subscriptions.cancelAtPeriodEnd,
  subAmountCents: subscriptions.amountCents,
  subInterval: subscriptions.interval,
};

async function withTriggers(db: DbOrTx, rows: { alert: Alert; mortgageName: string; remainingPrincipalCents: number; remainingTerm: number; currentRate: number; subStatus: string | null; subPeriodEnd: Date | null; subCancelAtPeriodEnd: boolean | null; subAmountCents: number | null; subInterval: string | null }[]): Promise<AlertRow[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.alert.id);
  // Newest trigger per alert and the count of open ones, in one query.
  const stats = await db
    .selectDistinctOn([triggers.alertId], {
      alertId: triggers.alertId,
      id: triggers.id,
      status: triggers.status,
      triggeredAt: triggers.triggeredAt,
      marketRate: triggers.marketRate,
      open: sql<number>`(count(*) FILTER (WHERE ${triggers.status} IN ('triggered','notified') AND (${triggers.expiresAt} IS NULL OR ${triggers.expiresAt} > now())) OVER (PARTITION BY ${triggers.alertId}))::int`,
    })
    .from(triggers)
    .where(inArray(triggers.alertId, ids))
    .orderBy(triggers.alertId, desc(triggers.triggeredAt), desc(triggers.marketDate));
  const byAlert = new Map(stats.map((s) => [s.alertId, s]));
  return rows.map((r) => {
    const s = byAlert.get(r.alert.id);
    return {
      ...r.alert,
      mortgageName: r.mortgageName,
      remainingPrincipalCents: r.remainingPrincipalCents,
      remainingTerm: r.remainingTerm,
      currentRate: Number(r.currentRate),
      subscription: r.subStatus
        ? { status: r.subStatus, currentPeriodEnd: r.subPeriodEnd, cancelAtPeriodEnd: Boolean(r.subCancelAtPeriodEnd), amountCents: r.subAmountCents ?? 0, interval: r.subInterval ?? "year" }
        : null,
      lastTrigger: s ? { id: s.id, status: s.status, triggeredAt: s.triggeredAt, marketRate: Number(s.marketRate) } : null,
      openTriggers: s ? Number(s.open) : 0,
    };
  });
}

/** The user's alerts (not deleted), newest first, with mortgage, subscription and last trigger. */
export async function listAlerts(userId: string, db: DbOrTx = defaultDb): Promise<AlertRow[]> {
  const rows = await db
    .select(alertSelect)
    .from(alerts)
    .innerJoin(mortgages, eq(mortgages.id, alerts.mortgageId))
    .leftJoin(subscriptions, eq(subscriptions.alertId, alerts.id))
    .where(and(eq(alerts.userId, userId), isNull(alerts.deletedAt), isNull(mortgages.deletedAt)))
    .orderBy(desc(alerts.createdAt));
  return withTriggers(db, rows);
}

/** One of the user's alerts, or NotFoundError (also for another user's id). */
export async function getAlert(userId: string, id: string, db: DbOrTx = defaultDb): Promise<AlertRow> {
  const rows = await db
    .select(alertSelect)
    .from(alerts)
    .innerJoin(mortgages, eq(mortgages.id, alerts.mortgageId))
    .leftJoin(subscriptions, eq(subscriptions.alertId, alerts.id))
    .where(and(owned(userId, id), isNull(mortgages.deletedAt)))
    .limit(1);
  const [row] = await withTriggers(db, rows);
  if (!row) throw new NotFoundError("That alert doesn't exist.");
  return row;
}

/** The user's live mortgages, for the "create an alert" form. */
export async function mortgageChoices(userId: string, db: DbOrTx = defaultDb) {
  return db
    .select({ id: mortgages.id, name: mortgages.name, remainingPrincipalCents: mortgages.remainingPrincipalCents, remainingTerm: mortgages.remainingTerm, currentRate: currentRateSql() })
    .from(mortgages)
    .where(and(eq(mortgages.userId, userId), isNull(mortgages.deletedAt)))
    .orderBy(mortgages.name);
}

/** The alert's triggers, newest first. */
export async function alertTriggers(userId: string, alertId: string, db: DbOrTx = defaultDb) {
  return db
    .select({ trigger: triggers })
    .from(triggers)
    .innerJoin(alerts, eq(alerts.id, triggers.alertId))
    .where(and(eq(triggers.alertId, alertId), eq(alerts.userId, userId)))
    .orderBy(desc(triggers.triggeredAt), desc(triggers.marketDate))
    .limit(50)
    .then((r) => r.map((x) => x.trigger));
}
