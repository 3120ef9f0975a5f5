import "server-only";
import { and, desc, eq, isNull, ne, sql } from "drizzle-orm";
import { db } from "@/db";
import { emailVerificationTokens, users } from "@/db/schema";
import { audit } from "@/lib/audit";
import { queueEmail } from "@/lib/email";
import { revokeAccountLinks } from "./revoke-links";
import { deliverQueued, issueVerification, VERIFICATION_TTL_MS } from "./registration";
import { trimMeta, type RequestMeta } from "./request-meta";
import { hashToken, isWellFormedToken, newToken } from "./tokens";

export const RESEND_COOLDOWN_SECONDS = 60;
export const RESENDS_PER_DAY = 5;

export type VerifyResult =
  | { status: "verified"; userId: string; email: string; emailChanged: boolean }
  | { status: "invalid" | "expired" | "used" | "taken"; userId?: string };

/**
 * Uses a verification link: marks the token verified (once: a conditional update, so two
 * clicks at once cannot both succeed) and the user's email verified. A token for another address
 * (an email change) replaces the account's address, if no other account took it meanwhile,
 * and tells the old address. Every other open link of the account stops working.
 */
export async function verifyEmailToken(token: unknown, now = new Date()): Promise<VerifyResult> {
  if (!isWellFormedToken(token)) return { status: "invalid" };
  const hash = hashToken(token);
  const result = await db.transaction(async (tx): Promise<VerifyResult & { emailIds?: string[] }> => {
    const [row] = await tx
      .select({ t: emailVerificationTokens, u: { id: users.id, name: users.name, email: users.email, deletedAt: users.deletedAt, isActive: users.isActive } })
      .from(emailVerificationTokens)
      .innerJoin(users, eq(users.id, emailVerificationTokens.userId))
      .where(eq(emailVerificationTokens.tokenHash, hash))
      .for("update")
      .limit(1);
    // A deactivated account's links do nothing: an admin stopped it, and its owner cannot sign in.
    if (!row || row.u.deletedAt || !row.u.isActive) return { status: "invalid" };
    if (row.t.verifiedAt) return { status: "used", userId: row.u.id };
    if (row.t.expiresAt <= now) return { status: "expired", userId: row.u.id };
    const emailChanged = row.t.email !== row.u.email;
    if (emailChanged) {
      const [taken] = await tx
        .select({ id: users.id })
        .from(users)
        .where(and(eq(users.email, row.t.email), isNull(users.deletedAt), ne(users.id, row.u.id)))
        .limit(1);
      if (taken) return { status: "taken", userId: row.u.id };
    }
    // Every open link of the account is spent: those for this address are done, and after an
    // email change those for the old address (or another pending change) must not act any more.
    await tx
      .update(emailVerificationTokens)
      .set({ verifiedAt: now })
      .where(and(eq(emailVerificationTokens.userId, row.u.id), isNull(emailVerificationTokens.verifiedAt)));
    await tx
      .update(users)
      .set({ email: row.t.email, emailVerified: true, emailVerifiedAt: now })
      .where(eq(users.id, row.u.id));
    const emailIds: string[] = [];
    if (emailChanged) {
      // A reset link sent to the old address must not outlive the move.
      await revokeAccountLinks(row.u.id, tx, now);
      emailIds.push(
        await queueEmail(
          { to: row.u.email, type: "security_notice", template: "email-changed", userId: row.u.id, params: { name: row.u.name, newEmail: row.t.email, at: now.toISOString() } },
          tx,
        ),
      );
      await audit({ actorId: row.u.id, action: "user.email_change", targetType: "user", targetId: row.u.id, before: { email: row.u.email }, after: { email: row.t.email } }, tx);
    } else {
      await audit({ actorId: row.u.id, action: "user.email_verify", targetType: "user", targetId: row.u.id, after: { email: row.t.email } }, tx);
    }
    return { status: "verified", userId: row.u.id, email: row.t.email, emailChanged, emailIds };
  });
  if (result.status === "verified" && result.emailIds?.length) await deliverQueued(result.emailIds);
  if (result.status === "verified") return { status: "verified", userId: result.userId, email: result.email, emailChanged: result.emailChanged };
  return result;
}

export type ResendResult =
  | { ok: true; emailIds: string[] }
  | { ok: false; reason: "already_verified" | "cooldown" | "daily_limit" | "not_found"; retryAfterSeconds?: number };

/**
 * Sends a fresh verification link to the account's address. The open token row is re-keyed
 * (the previous link stops working), with at most one resend a minute and five a day
 * (resent_count, last_resent_at): after the fifth, the next is allowed 24 hours after the last.
 * One conditional UPDATE, so concurrent clicks cannot slip past the limits.
 */
export async function resendVerification(userId: string, meta: RequestMeta, now = new Date()): Promise<ResendResult> {
  const [user] = await db
    .select({ id: users.id, name: users.name, email: users.email, emailVerified: users.emailVerified })
    .from(users)
    .where(and(eq(users.id, userId), isNull(users.deletedAt)))
    .limit(1);
  if (!user) return { ok: false, reason: "not_found" };
  if (user.emailVerified) return { ok: false, reason: "already_verified" };
  const m = trimMeta(meta);
  return db.transaction(async (tx) => {
    const [open] = await tx
      .select()
      .from(emailVerificationTokens)
      .where(and(eq(emailVerificationTokens.userId, user.id), eq(emailVerificationTokens.email, user.email), isNull(emailVerificationTokens.verifiedAt)))
      .orderBy(desc(emailVerificationTokens.createdAt))
      .limit(1)
      .for("update");
    if (!open) {
      // No link was ever sent to this address (e.g. an imported account): start one.
      return { ok: true as const, emailIds: [await issueVerification(tx, user, user.email, m)] };
    }
    const last = (open.lastResentAt ?? open.createdAt).getTime();
    const cooldownLeft = Math.ceil((last + RESEND_COOLDOWN_SECONDS * 1000 - now.getTime()) / 1000);
    if (cooldownLeft > 0) return { ok: false as const, reason: "cooldown" as const, retryAfterSeconds: cooldownLeft };
    const dayReset = !open.lastResentAt || open.lastResentAt.getTime() <= now.getTime() - 24 * 3600_000;
    if (!dayReset && open.resentCount >= RESENDS_PER_DAY) {
      return { ok: false as const, reason: "daily_limit" as const, retryAfterSeconds: Math.ceil((open.lastResentAt!.getTime() + 24 * 3600_000 - now.getTime()) / 1000) };
    }
    const { token, hash } = newToken();
    await tx
      .update(emailVerificationTokens)
      .set({
        tokenHash: hash,
        expiresAt: new Date(now.getTime() + VERIFICATION_TTL_MS),
        resentCount: dayReset ? 1 : sql`${emailVerificationTokens.resentCount} + 1`,
        lastResentAt: now,
        ipAddress: m.ip,
        userAgent: m.userAgent,
      })
      .where(eq(emailVerificationTokens.id, open.id));
    const emailId = await queueEmail(
      { to: user.email, type: "email_verification", template: "email-verification", userId: user.id, params: { name: user.name, token } },
      tx,
    );
    return { ok: true as const, emailIds: [emailId] };
  });
}

/** The address an email change is waiting to confirm, if any. */
export async function pendingEmailChange(userId: string, now = new Date()): Promise<{ email: string; expiresAt: Date } | null> {
  const [row] = await db
    .select({ email: emailVerificationTokens.email, expiresAt: emailVerificationTokens.expiresAt })
    .from(emailVerificationTokens)
    .innerJoin(users, eq(users.id, emailVerificationTokens.userId))
    .where(
      and(
        eq(emailVerificationTokens.userId, userId),
        isNull(emailVerificationTokens.verifiedAt),
        ne(emailVerificationTokens.email, users.email),
        sql`${emailVerificationTokens.expiresAt} > ${now.toISOString()}::timestamptz`,
      ),
    )
    .orderBy(desc(emailVerificationTokens.createdAt))
    .limit(1);
  return row ?? null;
}

/**
 * Starts an email change: a link to the new address, which replaces the old one only once
 * clicked. Earlier pending changes are dropped. If another account owns the address, its owner
 * gets a notice instead and the caller sees the same outcome (no enumeration).
 */
export async function requestEmailChange(user: { id: string; name: string }, newEmail: string, meta: RequestMeta): Promise<string[]> {
  const email = newEmail.trim().toLowerCase();
  return db.transaction(async (tx) => {
    const [current] = await tx.select({ email: users.email }).from(users).where(eq(users.id, user.id)).limit(1);
    await tx
      .delete(emailVerificationTokens)
      .where(and(eq(emailVerificationTokens.userId, user.id), isNull(emailVerificationTokens.verifiedAt), ne(emailVerificationTokens.email, current!.email)));
    const [owner] = await tx
      .select({ id: users.id, name: users.name })
      .from(users)
      .where(and(eq(users.email, email), isNull(users.deletedAt)))
      .limit(1);
    if (owner) {
      return [await queueEmail({ to: email, type: "security_notice", template: "email-taken-attempt", userId: owner.id, params: { name: owner.name } }, tx)];
    }
    await audit({ actorId: user.id, action: "user.email_change_request", targetType: "user", targetId: user.id, after: { pendingEmail: email }, ip: meta.ip }, tx);
    return [await issueVerification(tx, user, email, meta, "email-change-verification")];
  });
}
