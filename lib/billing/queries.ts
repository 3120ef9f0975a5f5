import "server-only";
import { and, desc, eq, isNull, sql } from "drizzle-orm";
import { db } from "@/db";
import { alerts, invoices, mortgages, subscriptions } from "@/db/schema";
import { alertStatus } from "@/lib/alerts/status";
import { isMonitoredStatus, LIVE_STATUSES } from "./status";

export type BillingSubscription = Awaited<ReturnType<typeof listSubscriptions>>[number];

/** The user's subscriptions with the alert and mortgage they pay for, newest first. */
export async function listSubscriptions(userId: string) {
  const rows = await db
    .select({
      sub: subscriptions,
      alert: {
        id: alerts.id,
        alertType: alerts.alertType,
        targetInterestRate: alerts.targetInterestRate,
        targetMonthlyPaymentCents: alerts.targetMonthlyPaymentCents,
        isActive: alerts.isActive,
        pausedAt: alerts.pausedAt,
        userDismissed: alerts.userDismissed,
        deletedAt: alerts.deletedAt,
      },
      mortgageName: mortgages.name,
    })
    .from(subscriptions)
    .innerJoin(alerts, eq(alerts.id, subscriptions.alertId))
    .innerJoin(mortgages, eq(mortgages.id, alerts.mortgageId))
    .where(eq(subscriptions.userId, userId))
    .orderBy(desc(subscriptions.createdAt));
  // What the alert is doing now (lib/alerts/status.ts: the same rule as the list, the page and the sweep).
  return rows.map((r) => ({ ...r, alertState: alertStatus(r.alert, r.sub) }));
}

/** The user's invoices, newest first, with the mortgage name of the alert they paid for. */
export async function listInvoices(userId: string, limit = 50) {
  return db
    .select({ invoice: invoices, alertId: subscriptions.alertId, mortgageName: mortgages.name })
    .from(invoices)
    .innerJoin(subscriptions, eq(subscriptions.id, invoices.subscriptionId))
    .innerJoin(alerts, eq(alerts.id, subscriptions.alertId))
    .innerJoin(mortgages, eq(mortgages.id, alerts.mortgageId))
    .where(eq(invoices.userId, userId))
    .orderBy(desc(invoices.invoiceDate))
    .limit(limit);
}

/** One alert's subscription, for the alert page (null when never paid). */
export async function alertSubscription(userId: string, alertId: string) {
  const [row] = await db
    .select()
    .from(subscriptions)
    .where(and(eq(subscriptions.userId, userId), eq(subscriptions.alertId, alertId)))
    .limit(1);
  return row ? { ...row, monitored: isMonitoredStatus(row.status, row.currentPeriodEnd) } : null;
}

/**
 * The user's alerts with no live subscription, offered for activation on the billing page;
 * `lapsed` when its subscription was paid once and has ended.
 */
export async function alertsAwaitingPayment(userId: string) {
  return db
    .select({
      id: alerts.id,
      alertType: alerts.alertType,
      targetInterestRate: alerts.targetInterestRate,
      targetMonthlyPaymentCents: alerts.targetMonthlyPaymentCents,
      mortgageName: mortgages.name,
      lapsed: sql<boolean>`EXISTS (SELECT 1 FROM subscriptions s WHERE s.alert_id = ${alerts.id} AND s.status NOT IN ('incomplete', 'incomplete_expired'))`,
    })
    .from(alerts)
    .innerJoin(mortgages, eq(mortgages.id, alerts.mortgageId))
    .where(
      and(
        eq(alerts.userId, userId),
        isNull(alerts.deletedAt),
        isNull(mortgages.deletedAt),
        sql`NOT EXISTS (SELECT 1 FROM subscriptions s WHERE s.alert_id = ${alerts.id} AND s.status IN (${sql.join(
          LIVE_STATUSES.map((st) => sql`${st}`),
          sql`, `,
        )}))`,
      ),
    )
    .orderBy(desc(alerts.createdAt));
}
