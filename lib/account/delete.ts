import "server-only";
import { and, eq, isNull, sql } from "drizzle-orm";
import { db } from "@/db";
import { alerts, emailVerificationTokens, mortgages, passwordResetTokens, users } from "@/db/schema";
import { audit } from "@/lib/audit";
import { verifyPassword } from "@/lib/auth/password";
import { CancelIncompleteError, cancelUserSubscriptions } from "@/lib/billing/cancel";
import { expireOpenCheckouts } from "@/lib/billing/checkout-sessions";
import { queueEmail } from "@/lib/email";
import { NotFoundError, ServiceUnavailableError, ValidationError } from "@/lib/errors";

/**
 * Deletes an account after checking its password: live subscriptions are cancelled at Stripe
 * first (if Stripe cannot be reached, nothing is deleted and the user is told to try again);
 * then, in one transaction, the user row is soft-deleted (deleted_at) with its session version
 * bumped, its alerts stopped and mortgages soft-deleted, its open links spent, a notice queued
 * and an audit_log row written. The address can register again; the old account cannot sign in.
 * Returns the emails to send after the response.
 */
export async function deleteAccount(userId: string, password: string, ip: string | null): Promise<string[]> {
  const [user] = await db
    .select()
    .from(users)
    .where(and(eq(users.id, userId), isNull(users.deletedAt)))
    .limit(1);
  if (!user) throw new NotFoundError("Your account was not found.");
  if (!(await verifyPassword(user.passwordHash, password))) {
    throw new ValidationError("Please correct the highlighted fields.", { deletePassword: ["That isn't your current password."] });
  }
  let cancelled = 0;
  try {
    cancelled = await cancelUserSubscriptions(userId, userId);
  } catch (err) {
    console.error("[account] cancelling subscriptions failed", err);
    // Say exactly what changed: a cancellation that went through can't be taken back.
    const partly = err instanceof CancelIncompleteError && err.cancelled > 0 ? `We cancelled ${err.cancelled} of your ${err.total} subscriptions, but couldn't cancel the rest` : "We couldn't cancel your subscription";
    throw new ServiceUnavailableError(`${partly} with our payment provider, so your account was not deleted. Please try again in a few minutes.`);
  }
  const now = new Date();
  const emails = await db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({ deletedAt: now, sessionVersion: sql`${users.sessionVersion} + 1` })
      .where(eq(users.id, userId));
    await tx.update(alerts).set({ isActive: false, deletedAt: now }).where(and(eq(alerts.userId, userId), isNull(alerts.deletedAt)));
    await tx.update(mortgages).set({ deletedAt: now }).where(and(eq(mortgages.userId, userId), isNull(mortgages.deletedAt)));
    await tx.update(passwordResetTokens).set({ usedAt: now }).where(and(eq(passwordResetTokens.userId, userId), isNull(passwordResetTokens.usedAt)));
    await tx.delete(emailVerificationTokens).where(and(eq(emailVerificationTokens.userId, userId), isNull(emailVerificationTokens.verifiedAt)));
    await audit(
      { actorId: userId, action: "user.delete", targetType: "user", targetId: userId, before: { email: user.email, name: user.name }, after: { deletedAt: now, subscriptionsCancelled: cancelled }, ip },
      tx,
    );
    return [
      await queueEmail({ to: user.email, type: "security_notice", template: "account-deleted", userId, params: { name: user.name, at: now.toISOString() } }, tx),
    ];
  });
  await afterAccountDeleted(userId);
  return emails;
}

/**
 * After the deletion committed, best effort (logged, never thrown: the account stays deleted):
 * open Checkout sessions are expired, so a checkout page left open cannot start a subscription
 * nobody could cancel; and a subscription the webhook recorded while the account was being
 * deleted is cancelled like the others. One paid anyway is cancelled by the webhook.
 */
async function afterAccountDeleted(userId: string): Promise<void> {
  await expireOpenCheckouts(userId);
  await cancelUserSubscriptions(userId, userId).catch((err: unknown) => console.error(`[account] could not cancel late subscriptions of deleted user ${userId}`, err));
}
