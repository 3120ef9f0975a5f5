import "server-only";
import { and, eq, isNull, sql } from "drizzle-orm";
import { db } from "@/db";
import { users } from "@/db/schema";
import { audit } from "@/lib/audit";
import { checkLimits, waitText } from "@/lib/auth/limits";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import type { RequestMeta } from "@/lib/auth/request-meta";
import { revokeAccountLinks } from "@/lib/auth/revoke-links";
import { requestEmailChange } from "@/lib/auth/verification";
import { queueEmail } from "@/lib/email";
import { NotFoundError, RateLimitError, ValidationError } from "@/lib/errors";

async function liveUser(userId: string) {
  const [user] = await db
    .select()
    .from(users)
    .where(and(eq(users.id, userId), isNull(users.deletedAt)))
    .limit(1);
  if (!user) throw new NotFoundError("Your account was not found.");
  return user;
}

/** Re-checks the password for a sensitive change; a wrong one is a field error, nothing changes. */
async function confirmPassword(userId: string, password: string, field: string) {
  const user = await liveUser(userId);
  if (!(await verifyPassword(user.passwordHash, password))) {
    throw new ValidationError("Please correct the highlighted fields.", { [field]: ["That isn't your current password."] });
  }
  return user;
}

export async function changeName(userId: string, name: string): Promise<void> {
  const user = await liveUser(userId);
  if (user.name === name) return;
  await db.transaction(async (tx) => {
    await tx.update(users).set({ name }).where(eq(users.id, userId));
    await audit({ actorId: userId, action: "user.name_change", targetType: "user", targetId: userId, before: { name: user.name }, after: { name } }, tx);
  });
}

/**
 * Changes the password after checking the current one. Every session ends (session_version
 * goes up); the caller signs the current browser in again. A notice goes to the account's address.
 * Returns the emails to send after the response.
 */
export async function changePassword(userId: string, currentPassword: string, newPassword: string, meta: RequestMeta): Promise<string[]> {
  const user = await confirmPassword(userId, currentPassword, "currentPassword");
  const passwordHash = await hashPassword(newPassword);
  return db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({ passwordHash, sessionVersion: sql`${users.sessionVersion} + 1`, failedLoginAttempts: 0, lockedUntil: null })
      .where(eq(users.id, userId));
    await revokeAccountLinks(userId, tx);
    await audit({ actorId: userId, action: "user.password_change", targetType: "user", targetId: userId, ip: meta.ip }, tx);
    return [
      await queueEmail(
        { to: user.email, type: "security_notice", template: "password-changed", userId, params: { name: user.name, at: new Date().toISOString() } },
        tx,
      ),
    ];
  });
}

/**
 * Starts an email change after checking the password: the new address gets a link and replaces
 * the old one only when it is followed. Returns the emails to send after the response.
 */
export async function startEmailChange(userId: string, newEmail: string, currentPassword: string, meta: RequestMeta): Promise<string[]> {
  const user = await confirmPassword(userId, currentPassword, "emailPassword");
  const email = newEmail.trim().toLowerCase();
  if (email === user.email) throw new ValidationError("Please correct the highlighted fields.", { newEmail: ["That is already your email address."] });
  const limited = await checkLimits("emailChange", { ip: meta.ip, email: user.email });
  if (limited) throw new RateLimitError(`Too many email changes. Please try again in ${waitText(limited.retryAfterSeconds)}.`, limited.retryAfterSeconds);
  return requestEmailChange({ id: user.id, name: user.name }, email, meta);
}
