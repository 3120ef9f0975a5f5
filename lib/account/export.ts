import "server-only";
import { desc, eq, inArray, or, and } from "drizzle-orm";
import { db } from "@/db";
import {
  alerts,
  auditLog,
  calculationHistory,
  emailLog,
  invoices,
  mortgageTracking,
  mortgages,
  subscriptions,
  triggers,
  userPreferences,
  users,
} from "@/db/schema";
import { maskLoanNumber } from "@/lib/mortgages/crypto";

/**
 * Everything we hold about a user, as one JSON document (the "export my data" download).
 * Left out on purpose: the password hash, token hashes, the encrypted loan number (shown
 * masked), and email template parameters (they can hold one-use links).
 */
export async function exportAccountData(userId: string) {
  const [user] = await db.select().from(users).where(eq(users.id, userId)).limit(1);
  if (!user) return null;
  const { passwordHash: _hash, ...account } = user;
  void _hash;
  const [prefs] = await db.select().from(userPreferences).where(eq(userPreferences.userId, userId));
  const mortgageRows = await db.select().from(mortgages).where(eq(mortgages.userId, userId)).orderBy(mortgages.createdAt);
  const mortgageIds = mortgageRows.map((m) => m.id);
  const tracking = mortgageIds.length
    ? await db.select().from(mortgageTracking).where(inArray(mortgageTracking.mortgageId, mortgageIds)).orderBy(mortgageTracking.recordedOn)
    : [];
  const alertRows = await db.select().from(alerts).where(eq(alerts.userId, userId)).orderBy(alerts.createdAt);
  const alertIds = alertRows.map((a) => a.id);
  const triggerRows = alertIds.length ? await db.select().from(triggers).where(inArray(triggers.alertId, alertIds)).orderBy(triggers.triggeredAt) : [];
  const subscriptionRows = await db.select().from(subscriptions).where(eq(subscriptions.userId, userId)).orderBy(subscriptions.createdAt);
  const invoiceRows = await db.select().from(invoices).where(eq(invoices.userId, userId)).orderBy(invoices.invoiceDate);
  const calculations = await db.select().from(calculationHistory).where(eq(calculationHistory.userId, userId)).orderBy(calculationHistory.createdAt);
  const emails = await db
    .select({
      id: emailLog.id,
      recipientEmail: emailLog.recipientEmail,
      emailType: emailLog.emailType,
      subject: emailLog.subject,
      status: emailLog.status,
      sentAt: emailLog.sentAt,
      openedAt: emailLog.openedAt,
      clickedAt: emailLog.clickedAt,
      createdAt: emailLog.createdAt,
    })
    .from(emailLog)
    .where(eq(emailLog.userId, userId))
    .orderBy(desc(emailLog.createdAt));
  const activity = await db
    .select({ action: auditLog.action, targetType: auditLog.targetType, targetId: auditLog.targetId, before: auditLog.before, after: auditLog.after, ipAddress: auditLog.ipAddress, createdAt: auditLog.createdAt })
    .from(auditLog)
    .where(or(eq(auditLog.actorId, userId), and(eq(auditLog.targetType, "user"), eq(auditLog.targetId, userId))))
    .orderBy(auditLog.createdAt);

  return {
    exportedAt: new Date().toISOString(),
    // v2: a payment alert's trigger values (thresholdValue, currentValue) are cents, as all
    // money here; a rate alert's are percents (v1 had dollars for payment alerts).
    format: "refi-alert-account-export/v2",
    account,
    preferences: prefs ? (({ id: _id, userId: _u, ...rest }) => rest)(prefs) : null,
    mortgages: mortgageRows.map(({ loanNumberEncrypted: _enc, loanNumberLast4, ...m }) => ({ ...m, loanNumber: maskLoanNumber(loanNumberLast4) || null })),
    mortgageTracking: tracking,
    alerts: alertRows,
    triggers: triggerRows,
    subscriptions: subscriptionRows,
    invoices: invoiceRows,
    calculations,
    emails,
    activity,
  };
}

export type AccountExport = NonNullable<Awaited<ReturnType<typeof exportAccountData>>>;
