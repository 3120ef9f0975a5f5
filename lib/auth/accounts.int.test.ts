import { and, eq, isNull } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/db";
import { auditLog, emailLog, emailVerificationTokens, passwordResetTokens, userPreferences, users } from "@/db/schema";
import { decodeRaw, startSmtpServer } from "@/tests/support/smtp";
import { authenticate, LOCKOUT_MINUTES } from "./authenticate";
import { deliverQueued, registerUser } from "./registration";
import { inspectResetToken, requestPasswordReset, resetPassword } from "./reset";
import { isSessionCurrent } from "./session-version";
import { resendVerification, verifyEmailToken } from "./verification";

// Accounts end to end on PostgreSQL, with every email going through a real SMTP server.
let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
beforeAll(async () => {
  smtp = await startSmtpServer();
  process.env.SMTP_URL = smtp.url; // before anything calls env()
});
afterAll(() => smtp.close());
beforeEach(() => smtp.setMode("accept"));

const meta = { ip: "203.0.113.7", userAgent: "vitest" };
let n = 0;
const fresh = () => `user${++n}-${Date.now()}@example.com`;
const PASSWORD = "lantern harbor pebble";

/** The token in the link of the only (or last) message to `to` whose link contains `path`. */
function tokenFrom(to: string, path: string, index = -1): string {
  const mails = smtp.to(to);
  const raw = decodeRaw(mails.at(index)!.raw);
  const match = raw.match(new RegExp(`${path}\\?token=([A-Za-z0-9_-]+)`));
  if (!match) throw new Error(`no ${path} link in the message to ${to}`);
  return match[1]!;
}

async function signUp(email = fresh(), password = PASSWORD) {
  const result = await registerUser({ name: "Dana Homeowner", email, password }, meta);
  await deliverQueued(result.emailIds);
  return { email, ...result };
}

describe("sign-up and verification", () => {
  it("creates the user, default preferences and one verification email whose link verifies the account", async () => {
    const { email, userId } = await signUp();
    expect(userId).toBeTruthy();
    const [user] = await db.select().from(users).where(eq(users.id, userId!));
    expect(user).toMatchObject({ email, name: "Dana Homeowner", emailVerified: false });
    expect(user!.passwordHash).toMatch(/^\$argon2id\$/);
    const [prefs] = await db.select().from(userPreferences).where(eq(userPreferences.userId, userId!));
    expect(prefs).toMatchObject({ emailNotifications: true, alertFrequency: "instant", theme: "light", minRateDropThreshold: 0.125, defaultRefiTerm: 360 });

    const mails = smtp.to(email);
    expect(mails).toHaveLength(1);
    expect(decodeRaw(mails[0]!.raw)).toContain("Subject: Confirm your email address");
    const token = tokenFrom(email, "/verify-email");
    // Only the hash is stored.
    const rows = await db.select().from(emailVerificationTokens).where(eq(emailVerificationTokens.userId, userId!));
    expect(rows).toHaveLength(1);
    expect(rows[0]!.tokenHash).not.toContain(token);
    expect(rows[0]!.expiresAt.getTime() - Date.now()).toBeGreaterThan(23.9 * 3600_000);

    expect(await verifyEmailToken(token)).toMatchObject({ status: "verified", userId, emailChanged: false });
    const [after] = await db.select().from(users).where(eq(users.id, userId!));
    expect(after!.emailVerified).toBe(true);
    expect(after!.emailVerifiedAt).toBeInstanceOf(Date);
  });

  it("keeps the theme the browser showed while signing up", async () => {
    const email = fresh();
    const { userId } = await registerUser({ name: "Noor", email, password: PASSWORD }, meta, "dark");
    const [prefs] = await db.select().from(userPreferences).where(eq(userPreferences.userId, userId!));
    expect(prefs!.theme).toBe("dark");
  });

  it("refuses a reused, an altered and an expired link", async () => {
    const { email } = await signUp();
    const token = tokenFrom(email, "/verify-email");
    const altered = (token[0] === "A" ? "B" : "A") + token.slice(1);
    expect((await verifyEmailToken(altered)).status).toBe("invalid");
    expect((await verifyEmailToken("not-a-token")).status).toBe("invalid");
    expect((await verifyEmailToken(token)).status).toBe("verified");
    expect((await verifyEmailToken(token)).status).toBe("used");

    const second = await signUp();
    const late = new Date(Date.now() + 24 * 3600_000 + 1000);
    expect(await verifyEmailToken(tokenFrom(second.email, "/verify-email"), late)).toMatchObject({ status: "expired", userId: second.userId });
    const [still] = await db.select().from(users).where(eq(users.id, second.userId!));
    expect(still!.emailVerified).toBe(false);
  });

  it("resends with a 60-second cooldown and at most 5 a day; older links stop working", async () => {
    const { email, userId } = await signUp();
    const first = tokenFrom(email, "/verify-email");
    const t0 = Date.now();
    expect(await resendVerification(userId!, meta, new Date(t0 + 10_000))).toMatchObject({ ok: false, reason: "cooldown" });
    let at = t0 + 61_000;
    for (let i = 1; i <= 5; i++) {
      const r = await resendVerification(userId!, meta, new Date(at));
      expect(r.ok).toBe(true);
      if (r.ok) await deliverQueued(r.emailIds);
      at += 61_000;
    }
    const limited = await resendVerification(userId!, meta, new Date(at));
    expect(limited).toMatchObject({ ok: false, reason: "daily_limit" });
    expect(smtp.to(email)).toHaveLength(6);
    const [row] = await db.select().from(emailVerificationTokens).where(eq(emailVerificationTokens.userId, userId!));
    expect(row!.resentCount).toBe(5);
    expect(row!.lastResentAt!.getTime()).toBe(at - 61_000);
    // A day after the last resend the count starts again.
    expect((await resendVerification(userId!, meta, new Date(at - 61_000 + 24 * 3600_000 + 1000))).ok).toBe(true);

    expect((await verifyEmailToken(first)).status).toBe("invalid");
    expect((await verifyEmailToken(tokenFrom(email, "/verify-email", -2))).status).toBe("invalid");
  });

  it("a duplicate sign-up creates nothing, keeps the password and tells only the owner", async () => {
    const { email, userId } = await signUp();
    const before = await db.select().from(users).where(eq(users.id, userId!));
    const dup = await registerUser({ name: "Mallory", email: email.toUpperCase(), password: "a different long password" }, meta);
    expect(dup.userId).toBeNull();
    expect(dup.emailIds).toHaveLength(1);
    await deliverQueued(dup.emailIds);
    const all = await db.select().from(users).where(eq(users.email, email));
    expect(all).toHaveLength(1);
    expect(all[0]!.passwordHash).toBe(before[0]!.passwordHash);
    expect(all[0]!.name).toBe("Dana Homeowner");
    const mails = smtp.to(email);
    expect(mails).toHaveLength(2);
    const notice = decodeRaw(mails[1]!.raw);
    expect(notice).toContain("Someone tried to sign up with your email address");
    expect(notice).not.toContain("/verify-email?token=");
    const tokens = await db.select().from(emailVerificationTokens).where(eq(emailVerificationTokens.userId, userId!));
    expect(tokens).toHaveLength(1);
  });

  it("a failed email is logged for retry and does not undo the sign-up", async () => {
    smtp.setMode("temporary");
    const { userId, emailIds } = await signUp();
    expect(userId).toBeTruthy();
    const [log] = await db.select().from(emailLog).where(eq(emailLog.id, emailIds[0]!));
    expect(log).toMatchObject({ status: "failed", emailType: "email_verification", userId });
  });
});

describe("sign-in, lockout and sessions", () => {
  it("locks after 5 failures with the lock time, refuses even the right password, and unlocks after the window", async () => {
    const { email, userId } = await signUp();
    for (let i = 1; i <= 4; i++) expect(await authenticate(email, "wrong password!!", meta.ip)).toMatchObject({ ok: false, reason: "invalid" });
    const fifth = await authenticate(email, "wrong password!!", meta.ip);
    expect(fifth).toMatchObject({ ok: false, reason: "locked" });
    if (!fifth.ok) expect(fifth.lockedUntil!.getTime() - Date.now()).toBeGreaterThan((LOCKOUT_MINUTES - 1) * 60_000);
    expect(await authenticate(email, PASSWORD, meta.ip)).toMatchObject({ ok: false, reason: "locked" });

    // The window passes.
    await db.update(users).set({ lockedUntil: new Date(Date.now() - 1000) }).where(eq(users.id, userId!));
    const ok = await authenticate(email, PASSWORD, "198.51.100.4");
    expect(ok.ok).toBe(true);
    const [user] = await db.select().from(users).where(eq(users.id, userId!));
    expect(user).toMatchObject({ failedLoginAttempts: 0, lockedUntil: null, lastLoginIp: "198.51.100.4" });
    expect(user!.lastLoginAt!.getTime()).toBeGreaterThan(Date.now() - 60_000);
  });

  it("an unknown email gets the same answers as an account with a wrong password, lockout included", async () => {
    const { email } = await signUp();
    const ghost = fresh();
    const answers = async (address: string) => {
      const out: string[] = [];
      for (let i = 0; i < 7; i++) {
        const r = await authenticate(address, "wrong password!!", meta.ip);
        out.push(r.ok ? "ok" : r.reason);
      }
      return out;
    };
    const real = await answers(email);
    expect(real).toEqual(["invalid", "invalid", "invalid", "invalid", "locked", "locked", "locked"]);
    // A prober cannot tell the address with no account from the real one.
    expect(await answers(ghost)).toEqual(real);
  });

  it("rate-limits sign-in attempts per email, in the database", async () => {
    const { email } = await signUp();
    const results = [];
    for (let i = 0; i < 16; i++) results.push(await authenticate(email, PASSWORD, `192.0.2.${i}`));
    expect(results.slice(0, 15).every((r) => r.ok)).toBe(true);
    expect(results[15]).toMatchObject({ ok: false, reason: "rate_limited" });
  });

  it("a session stops being current when the session version changes", async () => {
    const { userId } = await signUp();
    const [user] = await db.select().from(users).where(eq(users.id, userId!));
    expect(await isSessionCurrent(userId!, user!.sessionVersion)).toBe(true);
    expect(await isSessionCurrent(userId!, user!.sessionVersion + 1)).toBe(false);
    await db.update(users).set({ isActive: false }).where(eq(users.id, userId!));
    expect(await isSessionCurrent(userId!, user!.sessionVersion)).toBe(false);
  });
});

describe("password reset", () => {
  it("emails a one-hour link; using it sets the password, spends every reset link, ends sessions, clears a lockout and sends a notice", async () => {
    const { email, userId } = await signUp();
    const [before] = await db.select().from(users).where(eq(users.id, userId!));
    for (let i = 0; i < 5; i++) await authenticate(email, "wrong password!!", meta.ip);
    expect((await authenticate(email, PASSWORD, meta.ip)).ok).toBe(false);

    await deliverQueued(await requestPasswordReset(email, meta));
    await deliverQueued(await requestPasswordReset(email.toUpperCase(), meta));
    const older = tokenFrom(email, "/reset-password", -2);
    const token = tokenFrom(email, "/reset-password", -1);
    const [stored] = await db.select().from(passwordResetTokens).where(eq(passwordResetTokens.userId, userId!)).limit(1);
    expect(stored!.expiresAt.getTime() - Date.now()).toBeLessThanOrEqual(3600_000);
    expect(await inspectResetToken(token)).toBe("valid");

    const result = await resetPassword(token, "a brand new passphrase", meta);
    expect(result.status).toBe("reset");
    if (result.status === "reset") await deliverQueued(result.emailIds);

    const [after] = await db.select().from(users).where(eq(users.id, userId!));
    expect(after!.sessionVersion).toBe(before!.sessionVersion + 1);
    expect(await isSessionCurrent(userId!, before!.sessionVersion)).toBe(false);
    expect(after).toMatchObject({ failedLoginAttempts: 0, lockedUntil: null, emailVerified: true });
    expect((await authenticate(email, PASSWORD, meta.ip)).ok).toBe(false);
    expect((await authenticate(email, "a brand new passphrase", meta.ip)).ok).toBe(true);

    expect(await resetPassword(token, "yet another passphrase", meta)).toEqual({ status: "used" });
    expect(await resetPassword(older, "yet another passphrase", meta)).toEqual({ status: "used" });
    expect(decodeRaw(smtp.to(email).at(-1)!.raw)).toContain("Your Refi Alert password was changed");
    const audits = await db.select().from(auditLog).where(and(eq(auditLog.targetId, userId!), eq(auditLog.action, "user.password_reset")));
    expect(audits).toHaveLength(1);
  });

  it("answers an unknown address with no email, and refuses expired or altered links", async () => {
    const nobody = fresh();
    expect(await requestPasswordReset(nobody, meta)).toEqual([]);
    expect(smtp.to(nobody)).toHaveLength(0);

    const { email } = await signUp();
    await deliverQueued(await requestPasswordReset(email, meta));
    const token = tokenFrom(email, "/reset-password");
    const late = new Date(Date.now() + 3600_000 + 1000);
    expect(await inspectResetToken(token, late)).toBe("expired");
    expect(await resetPassword(token, "a brand new passphrase", meta, late)).toEqual({ status: "expired" });
    expect(await resetPassword(token.slice(0, -1) + (token.endsWith("A") ? "B" : "A"), "a brand new passphrase", meta)).toEqual({ status: "invalid" });
    expect((await authenticate(email, PASSWORD, meta.ip)).ok).toBe(true);
  });

  it("accepts the current password again, so a reset link cannot be used to test guesses of it", async () => {
    const { email, userId } = await signUp();
    const [before] = await db.select().from(users).where(eq(users.id, userId!));
    await deliverQueued(await requestPasswordReset(email, meta));
    const result = await resetPassword(tokenFrom(email, "/reset-password"), PASSWORD, meta);
    // The same answer as for any new password: the link is spent and every session ends.
    expect(result.status).toBe("reset");
    const [after] = await db.select().from(users).where(eq(users.id, userId!));
    expect(after!.sessionVersion).toBe(before!.sessionVersion + 1);
    expect((await authenticate(email, PASSWORD, meta.ip)).ok).toBe(true);
  });
});

describe("deleted accounts", () => {
  it("cannot sign in or reset, and the address can register again", async () => {
    const { email, userId } = await signUp();
    await db.update(users).set({ deletedAt: new Date() }).where(eq(users.id, userId!));
    expect(await authenticate(email, PASSWORD, meta.ip)).toMatchObject({ ok: false, reason: "invalid" });
    expect(await requestPasswordReset(email, meta)).toEqual([]);
    const again = await signUp(email, "another good passphrase");
    expect(again.userId).toBeTruthy();
    expect(again.userId).not.toBe(userId);
    const live = await db.select().from(users).where(and(eq(users.email, email), isNull(users.deletedAt)));
    expect(live.map((u) => u.id)).toEqual([again.userId]);
    expect((await authenticate(email, "another good passphrase", meta.ip)).ok).toBe(true);
  });
});
