import "server-only";
import { and, eq, isNull, sql } from "drizzle-orm";
import { db } from "@/db";
import { passwordResetTokens, users } from "@/db/schema";
import { audit } from "@/lib/audit";
import { queueEmail } from "@/lib/email";
import { hashPassword } from "./password";
import { revokeAccountLinks } from "./revoke-links";
import { trimMeta, type RequestMeta } from "./request-meta";
import { hashToken, isWellFormedToken, newToken } from "./tokens";

export const RESET_TTL_MS = 60 * 60 * 1000;

/**
 * "Forgot password": for a live account, a one-use link valid for an hour (only its hash is
 * stored). Unknown addresses get no email; the caller answers the same either way and sends
 * the returned emails after the response, so neither the words nor the time tell them apart.
 */
export async function requestPasswordReset(emailInput: string, meta: RequestMeta, now = new Date()): Promise<string[]> {
  const email = emailInput.trim().toLowerCase();
  const m = trimMeta(meta);
  return db.transaction(async (tx) => {
    const [user] = await tx
      .select({ id: users.id, name: users.name, email: users.email, isActive: users.isActive })
      .from(users)
      .where(and(eq(users.email, email), isNull(users.deletedAt)))
      .limit(1);
    if (!user || !user.isActive) return [];
    const { token, hash } = newToken();
    await tx.insert(passwordResetTokens).values({
      userId: user.id,
      tokenHash: hash,
      expiresAt: new Date(now.getTime() + RESET_TTL_MS),
      ipAddress: m.ip,
      userAgent: m.userAgent,
    });
    return [await queueEmail({ to: user.email, type: "password_reset", template: "password-reset", userId: user.id, params: { name: user.name, token } }, tx)];
  });
}

export type ResetTokenState = "valid" | "invalid" | "expired" | "used";

/** What a reset link is worth, for the page that opens it (nothing is changed). */
export async function inspectResetToken(token: unknown, now = new Date()): Promise<ResetTokenState> {
  if (!isWellFormedToken(token)) return "invalid";
  const [row] = await db
    .select({ usedAt: passwordResetTokens.usedAt, expiresAt: passwordResetTokens.expiresAt, deletedAt: users.deletedAt, isActive: users.isActive })
    .from(passwordResetTokens)
    .innerJoin(users, eq(users.id, passwordResetTokens.userId))
    .where(eq(passwordResetTokens.tokenHash, hashToken(token)))
    .limit(1);
  if (!row || row.deletedAt || !row.isActive) return "invalid";
  if (row.usedAt) return "used";
  if (row.expiresAt <= now) return "expired";
  return "valid";
}

export type ResetResult = { status: "reset"; userId: string; email: string; emailIds: string[] } | { status: Exclude<ResetTokenState, "valid"> };

/**
 * Sets a new password from a reset link, in one transaction: the token is marked used and every
 * other open reset token of the account is spent; the session version goes up (every session
 * ends); a lockout is cleared; a "your password was changed" notice is queued. Following the
 * link proves the address, so an unverified account becomes verified.
 *
 * The new password may equal the current one (Settings refuses that, after asking for the
 * current password). Refusing it here would tell whoever holds the link — someone reading the
 * owner's mail, say — whether a guess is the current password, without changing anything or
 * alerting anyone: a password oracle for use elsewhere. Setting it again does no harm.
 */
export async function resetPassword(token: unknown, newPassword: string, meta: RequestMeta, now = new Date()): Promise<ResetResult> {
  if (!isWellFormedToken(token)) return { status: "invalid" };
  const passwordHash = await hashPassword(newPassword);
  const m = trimMeta(meta);
  return db.transaction(async (tx): Promise<ResetResult> => {
    const [row] = await tx
      .select({ t: passwordResetTokens, u: { id: users.id, name: users.name, email: users.email, deletedAt: users.deletedAt, isActive: users.isActive, emailVerified: users.emailVerified } })
      .from(passwordResetTokens)
      .innerJoin(users, eq(users.id, passwordResetTokens.userId))
      .where(eq(passwordResetTokens.tokenHash, hashToken(token)))
      .for("update")
      .limit(1);
    if (!row || row.u.deletedAt || !row.u.isActive) return { status: "invalid" };
    if (row.t.usedAt) return { status: "used" };
    if (row.t.expiresAt <= now) return { status: "expired" };
    await tx
      .update(passwordResetTokens)
      .set({ usedAt: now })
      .where(and(eq(passwordResetTokens.userId, row.u.id), isNull(passwordResetTokens.usedAt)));
    await tx
      .update(users)
      .set({
        passwordHash,
        sessionVersion: sql`${users.sessionVersion} + 1`,
        failedLoginAttempts: 0,
        lockedUntil: null,
        ...(row.u.emailVerified ? {} : { emailVerified: true, emailVerifiedAt: now }),
      })
      .where(eq(users.id, row.u.id));
    await revokeAccountLinks(row.u.id, tx, now);
    await audit({ actorId: row.u.id, action: "user.password_reset", targetType: "user", targetId: row.u.id, ip: m.ip }, tx);
    const emailId = await queueEmail(
      { to: row.u.email, type: "security_notice", template: "password-changed", userId: row.u.id, params: { name: row.u.name, at: now.toISOString() } },
      tx,
    );
    return { status: "reset", userId: row.u.id, email: row.u.email, emailIds: [emailId] };
  });
}
