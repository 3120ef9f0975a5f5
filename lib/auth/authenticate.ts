import "server-only";
import { and, eq, isNull, sql } from "drizzle-orm";
import { db } from "@/db";
import { users, type User } from "@/db/schema";
import { consumeRateLimit } from "@/lib/rate-limit";
import { checkLimits } from "./limits";
import { verifyPassword } from "./password";

export const MAX_FAILED_ATTEMPTS = 5;
export const LOCKOUT_MINUTES = 15;

export type AuthFailure = "invalid" | "locked" | "rate_limited";
export type AuthResult = { ok: true; user: User } | { ok: false; reason: AuthFailure; lockedUntil?: Date; retryAfterSeconds?: number };

// How long an address with no account keeps counting failures: a real account's counter only
// resets on a successful sign-in, so this one must outlast any probing session.
const UNKNOWN_COUNT_SECONDS = 30 * 24 * 3600;

/**
 * An address with no account answers exactly as an account would: "invalid" for the first four
 * failures, then "locked", so the lockout message cannot tell a prober which addresses exist.
 * (Counted in rate_limits, per address, like the real counter on users.)
 */
async function unknownAccountFailure(email: string): Promise<AuthResult> {
  if (!email) return { ok: false, reason: "invalid" };
  const count = await consumeRateLimit(`signIn:unknown:${email}`.slice(0, 200), MAX_FAILED_ATTEMPTS - 1, UNKNOWN_COUNT_SECONDS);
  if (count.allowed) return { ok: false, reason: "invalid" };
  return { ok: false, reason: "locked", lockedUntil: new Date(Date.now() + LOCKOUT_MINUTES * 60_000) };
}

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

/**
 * Checks an email and password. Unknown accounts still cost one password hash (timing reveals
 * nothing) and get the same answers, lockout included (unknownAccountFailure). The 5th failure locks the account for 15 minutes;
 * success resets the counter and records the time and address of the sign-in. Attempts are
 * rate-limited per address and per email (in the database) before any password is checked.
 */
export async function authenticate(emailInput: string, password: string, ip: string | null): Promise<AuthResult> {
  const email = normalizeEmail(emailInput);
  const limited = await checkLimits("signIn", { ip, email: email || null });
  if (limited) return { ok: false, reason: "rate_limited", retryAfterSeconds: limited.retryAfterSeconds };
  const [user] = email
    ? await db.select().from(users).where(and(eq(users.email, email), isNull(users.deletedAt))).limit(1)
    : [];
  const valid = await verifyPassword(user?.passwordHash, password);
  if (!user) return unknownAccountFailure(email);
  const now = new Date();
  if (user.lockedUntil && user.lockedUntil > now) return { ok: false, reason: "locked", lockedUntil: user.lockedUntil };
  if (!valid || !user.isActive) {
    if (!valid) {
      // One atomic statement, so concurrent failures all count.
      const [updated] = await db
        .update(users)
        .set({
          failedLoginAttempts: sql`${users.failedLoginAttempts} + 1`,
          lockedUntil: sql`CASE WHEN ${users.failedLoginAttempts} + 1 >= ${MAX_FAILED_ATTEMPTS} THEN now() + make_interval(mins => ${LOCKOUT_MINUTES}) ELSE NULL END`,
        })
        .where(eq(users.id, user.id))
        .returning({ lockedUntil: users.lockedUntil });
      if (updated?.lockedUntil) return { ok: false, reason: "locked", lockedUntil: updated.lockedUntil };
    }
    return { ok: false, reason: "invalid" };
  }
  const [fresh] = await db
    .update(users)
    .set({ failedLoginAttempts: 0, lockedUntil: null, lastLoginAt: now, lastLoginIp: ip })
    .where(eq(users.id, user.id))
    .returning();
  return { ok: true, user: fresh ?? user };
}
