import "server-only";
import { and, eq, isNull, ne, sql } from "drizzle-orm";
import { db, queryRows, type DbOrTx } from "@/db";
import { emailVerificationTokens, users, type User } from "@/db/schema";
import { audit } from "@/lib/audit";
import { newToken } from "@/lib/auth/tokens";
import { cancelUserSubscriptions, resumeRenewals, stopRenewals, type StoppedSubscription } from "@/lib/billing/cancel";
import { expireOpenCheckouts } from "@/lib/billing/checkout-sessions";
import { sendEmail } from "@/lib/email";
import { ConflictError, NotFoundError, ValidationError } from "@/lib/errors";
import type { ActionState } from "@/lib/validated-action";
import { assertAdmin, type AdminCtx } from "./guard";

type Tx = Parameters<Parameters<typeof db.transaction>[0]>[0];

/** The fields an admin action can change, as written to audit_log before and after. */
function snapshot(u: User) {
  return {
    email: u.email,
    role: u.role,
    emailVerified: u.emailVerified,
    isActive: u.isActive,
    deactivatedAt: u.deactivatedAt,
    deletedAt: u.deletedAt,
    failedLoginAttempts: u.failedLoginAttempts,
    lockedUntil: u.lockedUntil,
    sessionVersion: u.sessionVersion,
  };
}

async function lockUser(tx: DbOrTx, userId: string): Promise<User> {
  if (!/^[0-9a-f-]{36}$/i.test(userId)) throw new NotFoundError("No such user.");
  const [row] = await tx.select().from(users).where(eq(users.id, userId)).for("update").limit(1);
  if (!row) throw new NotFoundError("No such user.");
  return row;
}

/**
 * One admin change to one user, in one transaction: check the actor, lock the row, apply,
 * audit before/after. `change` returns the new values (or throws to refuse, changing nothing).
 */
async function changeUser(
  actorId: string,
  userId: string,
  action: string,
  ctx: AdminCtx,
  change: (user: User, tx: Tx) => Promise<Partial<User> | null>,
  /** More to record with the new values (what else the action did). */
  noted: Record<string, unknown> = {},
): Promise<User> {
  await assertAdmin(actorId);
  return db.transaction(async (tx) => {
    const before = await lockUser(tx, userId);
    const values = await change(before, tx);
    if (!values) return before;
    const [after] = await tx.update(users).set({ ...values, updatedAt: new Date() }).where(eq(users.id, userId)).returning();
    await audit({ actorId, action, targetType: "user", targetId: userId, before: snapshot(before), after: { ...snapshot(after!), ...noted }, ip: ctx.ip }, tx);
    return after!;
  });
}

/** The refusals an action makes under the row lock, checked first too, before Stripe is asked for anything. */
async function precheck(actorId: string, userId: string, check: (user: User) => void): Promise<void> {
  await assertAdmin(actorId);
  check(await lockUser(db, userId));
}

// A deactivated or deleted account can't use its alerts, so it must not keep paying for them:
// both actions stop the renewals (each subscription ends with the period already paid for) and
// record which in the audit log; when the account is live again, those renew again.
const STOPPED_KEY = "renewalsStopped";

/** " Their subscription will not renew: it ends with the period already paid for (…)", for the admin's message. */
function stoppedSentence(stopped: StoppedSubscription[], undo: string): string {
  if (stopped.length === 0) return "";
  const which = stopped.length === 1 ? "Their subscription" : `Their ${stopped.length} subscriptions`;
  return ` ${which} will not renew: ${stopped.length === 1 ? "it ends" : "they end"} with the period already paid for (${undo} renews ${stopped.length === 1 ? "it" : "them"}).`;
}

/**
 * The subscriptions deactivation or deletion stopped since the account was last live (an entry
 * that made it active and not deleted), to be renewed now that it is live again. Read in the
 * transaction that makes it live, before that entry is written.
 */
async function renewalsToResume(tx: DbOrTx, userId: string): Promise<string[]> {
  const rows = await queryRows<{ ids: unknown }>(
    tx,
    sql`SELECT after -> ${STOPPED_KEY} AS ids FROM audit_log
        WHERE target_type = 'user' AND target_id = ${userId} AND action IN ('admin.user.deactivate', 'admin.user.delete')
          AND created_at > coalesce((SELECT max(created_at) FROM audit_log
                                     WHERE target_type = 'user' AND target_id = ${userId}
                                       AND action IN ('admin.user.reactivate', 'admin.user.restore')
                                       AND (after ->> 'isActive')::boolean AND after ->> 'deletedAt' IS NULL), '-infinity')`,
  );
  return rows.flatMap((r) => (Array.isArray(r.ids) ? r.ids.filter((id): id is string => typeof id === "string") : []));
}

/** " Their subscription renews again.": what resuming did, for the admin's message. */
function resumedSentence({ resumed, notResumed }: { resumed: number; notResumed: number }): string {
  const parts: string[] = [];
  if (resumed) parts.push(resumed === 1 ? "Their subscription renews again." : `Their ${resumed} subscriptions renew again.`);
  if (notResumed) parts.push(`${notResumed === 1 ? "One subscription" : `${notResumed} subscriptions`} could not be renewed; they can renew from their billing page.`);
  return parts.length ? ` ${parts.join(" ")}` : "";
}

type UserInput = { userId: string };

function notSelf(actorId: string, user: User, what: string) {
  if (user.id === actorId) throw new ConflictError(`You can't ${what} your own account.`);
}

export async function unlockUser(actorId: string, { userId }: UserInput, ctx: AdminCtx = {}): Promise<ActionState> {
  await changeUser(actorId, userId, "admin.user.unlock", ctx, async () => ({ failedLoginAttempts: 0, lockedUntil: null }));
  return { ok: true, message: "Account unlocked: they can sign in again." };
}

export async function markVerified(actorId: string, { userId }: UserInput, ctx: AdminCtx = {}): Promise<ActionState> {
  await changeUser(actorId, userId, "admin.user.verify", ctx, async (u) => {
    if (u.emailVerified) throw new ConflictError("This email address is already verified.");
    return { emailVerified: true, emailVerifiedAt: new Date() };
  });
  return { ok: true, message: "Email address marked as verified." };
}

/**
 * Deactivation and deletion, which both take the account offline: the refusals are checked first,
 * then the renewals stopped at Stripe, then the account changed (recording which renewals were
 * stopped, for reactivation or restore to renew).
 */
async function takeOffline(
  actorId: string,
  userId: string,
  action: "admin.user.deactivate" | "admin.user.delete",
  ctx: AdminCtx,
  refuse: (user: User) => void,
  values: (user: User) => Partial<User>,
): Promise<StoppedSubscription[]> {
  await precheck(actorId, userId, refuse);
  const stopped = await stopRenewals(userId, { actorId });
  const noted = { [STOPPED_KEY]: stopped.filter((x) => x.resumable).map((x) => x.id) };
  await changeUser(
    actorId,
    userId,
    action,
    ctx,
    async (u) => {
      refuse(u); // again, under the row lock: the account may have changed since the precheck
      return values(u);
    },
    noted,
  );
  return stopped;
}

/** Deactivation ends every session at once (the session version no longer matches) and stops the renewals. */
export async function deactivateUser(actorId: string, { userId }: UserInput, ctx: AdminCtx = {}): Promise<ActionState> {
  const stopped = await takeOffline(
    actorId,
    userId,
    "admin.user.deactivate",
    ctx,
    (u) => {
      notSelf(actorId, u, "deactivate");
      if (!u.isActive) throw new ConflictError("This account is already deactivated.");
    },
    (u) => ({ isActive: false, deactivatedAt: new Date(), sessionVersion: u.sessionVersion + 1 }),
  );
  return { ok: true, message: `Account deactivated and signed out everywhere.${stoppedSentence(stopped, "reactivating")}` };
}

export async function reactivateUser(actorId: string, { userId }: UserInput, ctx: AdminCtx = {}): Promise<ActionState> {
  let resume: string[] = [];
  const after = await changeUser(actorId, userId, "admin.user.reactivate", ctx, async (u, tx) => {
    if (u.isActive) throw new ConflictError("This account is already active.");
    if (!u.deletedAt) resume = await renewalsToResume(tx, userId);
    return { isActive: true, deactivatedAt: null };
  });
  return { ok: true, message: `Account reactivated.${resumedSentence(await resumeRenewals(after.id, resume, actorId))}` };
}

/** Deletion (restorable) signs the user out everywhere and stops the renewals. */
export async function softDeleteUser(actorId: string, { userId }: UserInput, ctx: AdminCtx = {}): Promise<ActionState> {
  const stopped = await takeOffline(
    actorId,
    userId,
    "admin.user.delete",
    ctx,
    (u) => {
      notSelf(actorId, u, "delete");
      if (u.deletedAt) throw new ConflictError("This account is already deleted.");
    },
    (u) => ({ deletedAt: new Date(), sessionVersion: u.sessionVersion + 1 }),
  );
  // A checkout page left open must not start a subscription the webhook would then cancel.
  await expireOpenCheckouts(userId);
  return { ok: true, message: `Account deleted (it can be restored).${stoppedSentence(stopped, "restoring")}` };
}

/** Refused when someone registered the address again since the deletion (emails are unique among live accounts). */
export async function restoreUser(actorId: string, { userId }: UserInput, ctx: AdminCtx = {}): Promise<ActionState> {
  let resume: string[] = [];
  const after = await changeUser(actorId, userId, "admin.user.restore", ctx, async (u, tx) => {
    if (!u.deletedAt) throw new ConflictError("This account is not deleted.");
    const [other] = await tx
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.email, u.email), isNull(users.deletedAt), ne(users.id, u.id)))
      .limit(1);
    if (other) throw new ConflictError(`Another live account now uses ${u.email}; this one can't be restored.`);
    if (u.isActive) resume = await renewalsToResume(tx, userId);
    return { deletedAt: null };
  });
  return { ok: true, message: `Account restored.${resumedSentence(await resumeRenewals(after.id, resume, actorId))}` };
}

/**
 * The last admin can't be removed, and no admin can demote themselves (so there is always someone
 * to undo a mistake). All admin rows are locked first, so two admins demoting each other at the
 * same moment can't both succeed.
 */
export async function setUserRole(actorId: string, { userId, role }: UserInput & { role: "user" | "admin" }, ctx: AdminCtx = {}): Promise<ActionState> {
  await changeUser(actorId, userId, role === "admin" ? "admin.user.promote" : "admin.user.demote", ctx, async (u, tx) => {
    if (u.role === role) throw new ConflictError(role === "admin" ? "This user is already an admin." : "This user is not an admin.");
    if (role === "admin") {
      if (u.deletedAt || !u.isActive) throw new ConflictError("Only an active account can be made an admin.");
      return { role };
    }
    notSelf(actorId, u, "remove the admin role from");
    const admins = await queryRows<{ id: string }>(
      tx,
      sql`SELECT id FROM users WHERE role = 'admin' AND deleted_at IS NULL AND is_active ORDER BY id FOR UPDATE`,
    );
    if (admins.filter((a) => a.id !== u.id).length === 0) throw new ConflictError("This is the last admin: make someone else an admin first.");
    return { role };
  });
  return { ok: true, message: role === "admin" ? "They are now an admin." : "Admin role removed." };
}

/**
 * Hard delete. The foreign keys do the rest, as the plan's cascades say: mortgages (and their
 * tracking, alerts, triggers), subscriptions and invoices, preferences, tokens and calculations
 * go; email_log rows stay, anonymised (user_id set null). Live subscriptions are cancelled at
 * Stripe first, so a purged user is never billed again.
 */
export async function purgeUser(actorId: string, { userId, confirmEmail }: UserInput & { confirmEmail: string }, ctx: AdminCtx = {}): Promise<ActionState> {
  await assertAdmin(actorId);
  const [target] = await db.select().from(users).where(eq(users.id, userId)).limit(1);
  if (!target) throw new NotFoundError("No such user.");
  if (target.id === actorId) throw new ConflictError("You can't delete your own account.");
  if (confirmEmail.trim().toLowerCase() !== target.email) {
    throw new ValidationError("Type the account's email address exactly to confirm.", { confirmEmail: ["This doesn't match the account's email address."] });
  }
  const cancelled = await cancelUserSubscriptions(userId, actorId);
  await expireOpenCheckouts(userId); // while the row still names the Stripe customer
  await db.transaction(async (tx) => {
    const before = await lockUser(tx, userId);
    const [counts] = await queryRows<Record<string, number>>(
      tx,
      sql`SELECT (SELECT count(*)::int FROM mortgages WHERE user_id = ${userId}) AS mortgages,
                 (SELECT count(*)::int FROM alerts WHERE user_id = ${userId}) AS alerts,
                 (SELECT count(*)::int FROM subscriptions WHERE user_id = ${userId}) AS subscriptions,
                 (SELECT count(*)::int FROM invoices WHERE user_id = ${userId}) AS invoices,
                 (SELECT count(*)::int FROM calculation_history WHERE user_id = ${userId}) AS calculations,
                 (SELECT count(*)::int FROM email_log WHERE user_id = ${userId}) AS emails_kept`,
    );
    await tx.delete(users).where(eq(users.id, userId));
    await audit(
      { actorId, action: "admin.user.purge", targetType: "user", targetId: userId, before: { ...snapshot(before), name: before.name, removed: counts, subscriptionsCancelled: cancelled }, after: null, ip: ctx.ip },
      tx,
    );
  });
  return { ok: true, message: `${target.email} was permanently deleted.` };
}

/**
 * A fresh verification link: 32 random bytes, only the SHA-256 stored, valid 24 hours; older
 * unused links of the user stop working.
 */
export async function resendVerification(actorId: string, { userId }: UserInput, ctx: AdminCtx = {}): Promise<ActionState> {
  await assertAdmin(actorId);
  const { token, hash } = newToken();
  const user = await db.transaction(async (tx) => {
    const u = await lockUser(tx, userId);
    if (u.deletedAt || !u.isActive) throw new ConflictError("This account is deactivated or deleted.");
    if (u.emailVerified) throw new ConflictError("This email address is already verified.");
    // A double click (or two admins) must not send two links in a row: the first would stop working.
    const [recent] = await tx
      .select({ id: emailVerificationTokens.id })
      .from(emailVerificationTokens)
      .where(and(eq(emailVerificationTokens.userId, u.id), sql`${emailVerificationTokens.createdAt} > now() - interval '1 minute'`))
      .limit(1);
    if (recent) throw new ConflictError("A verification email went to this address less than a minute ago. Wait a minute before sending another.");
    await tx
      .update(emailVerificationTokens)
      .set({ expiresAt: new Date() })
      .where(and(eq(emailVerificationTokens.userId, u.id), isNull(emailVerificationTokens.verifiedAt), sql`${emailVerificationTokens.expiresAt} > now()`));
    await tx.insert(emailVerificationTokens).values({
      userId: u.id,
      tokenHash: hash,
      email: u.email,
      expiresAt: new Date(Date.now() + 24 * 3600_000),
      ipAddress: ctx.ip ?? null,
    });
    await audit({ actorId, action: "admin.user.resend_verification", targetType: "user", targetId: u.id, before: { emailVerified: false }, after: { verificationSentTo: u.email }, ip: ctx.ip }, tx);
    return u;
  });
  const sent = await sendEmail({ to: user.email, type: "email_verification", template: "email-verification", params: { name: user.name, token }, userId: user.id });
  return sent.status === "sent"
    ? { ok: true, message: `Verification email sent to ${user.email}.` }
    : { ok: false, message: `The email could not be delivered now (${sent.status}); it will be retried automatically.` };
}
