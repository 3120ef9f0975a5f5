import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/db";
import {
  alerts,
  auditLog,
  calculationHistory,
  emailLog,
  emailVerificationTokens,
  invoices,
  mortgages,
  subscriptions,
  userPreferences,
  users,
} from "@/db/schema";
import { hashToken } from "@/lib/auth/tokens";
import { ConflictError, ForbiddenError, ValidationError } from "@/lib/errors";
import { decodeRaw, startSmtpServer } from "@/tests/support/smtp";
import { makePayingCustomer, makeUser } from "./test-fixtures";
import {
  deactivateUser,
  markVerified,
  purgeUser,
  reactivateUser,
  resendVerification,
  restoreUser,
  setUserRole,
  softDeleteUser,
  unlockUser,
} from "./user-actions";
import { getUserDetail, searchUsers } from "./users";

let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
beforeAll(async () => {
  smtp = await startSmtpServer();
  process.env.SMTP_URL = smtp.url;
  vi.resetModules();
});
afterAll(() => smtp.close());

async function auditFor(targetId: string, action: string) {
  return db.select().from(auditLog).where(and(eq(auditLog.targetId, targetId), eq(auditLog.action, action)));
}

async function reload(id: string) {
  const [u] = await db.select().from(users).where(eq(users.id, id));
  return u;
}

describe("admin user actions", () => {
  it("unlock clears the failed attempts and the lock, and is audited with before and after", async () => {
    const admin = await makeUser({ role: "admin" });
    const user = await makeUser();
    const lockedUntil = new Date(Date.now() + 3600_000);
    await db.update(users).set({ failedLoginAttempts: 5, lockedUntil }).where(eq(users.id, user.id));

    const result = await unlockUser(admin.id, { userId: user.id }, { ip: "203.0.113.9" });
    expect(result.ok).toBe(true);
    const after = await reload(user.id);
    expect(after).toMatchObject({ failedLoginAttempts: 0, lockedUntil: null });

    const [entry] = await auditFor(user.id, "admin.user.unlock");
    expect(entry).toMatchObject({ actorId: admin.id, targetType: "user", ipAddress: "203.0.113.9" });
    expect(entry!.before).toMatchObject({ failedLoginAttempts: 5, lockedUntil: lockedUntil.toISOString() });
    expect(entry!.after).toMatchObject({ failedLoginAttempts: 0, lockedUntil: null });
    expect(JSON.stringify(entry)).not.toContain("not-a-real-hash");
    // The user's page lists it with the admin who did it.
    const { audit } = await getUserDetail(admin.id, user.id);
    expect(audit[0]).toMatchObject({ action: "admin.user.unlock", actorId: admin.id, actorEmail: admin.email });
  });

  it("the user's page reads their own currency and date format (defaults without a preferences row)", async () => {
    const admin = await makeUser({ role: "admin" });
    const user = await makeUser();
    await db.update(userPreferences).set({ currency: "GBP", dateFormat: "YYYY-MM-DD" }).where(eq(userPreferences.userId, user.id));
    expect((await getUserDetail(admin.id, user.id)).display).toMatchObject({ currency: "GBP", dateFormat: "YYYY-MM-DD" });
    await db.delete(userPreferences).where(eq(userPreferences.userId, user.id));
    expect((await getUserDetail(admin.id, user.id)).display).toMatchObject({ currency: "USD", dateFormat: "MM/DD/YYYY" });
  });

  it("deactivation ends the user's sessions (session version bumped); reactivation lets them back", async () => {
    const admin = await makeUser({ role: "admin" });
    const user = await makeUser();
    await deactivateUser(admin.id, { userId: user.id });
    const off = await reload(user.id);
    expect(off).toMatchObject({ isActive: false, sessionVersion: user.sessionVersion + 1 });
    expect(off!.deactivatedAt).toBeInstanceOf(Date);
    const [entry] = await auditFor(user.id, "admin.user.deactivate");
    expect(entry!.before).toMatchObject({ isActive: true, sessionVersion: user.sessionVersion });
    expect(entry!.after).toMatchObject({ isActive: false, sessionVersion: user.sessionVersion + 1 });

    await expect(deactivateUser(admin.id, { userId: user.id })).rejects.toBeInstanceOf(ConflictError);
    await reactivateUser(admin.id, { userId: user.id });
    expect(await reload(user.id)).toMatchObject({ isActive: true, deactivatedAt: null });
    expect(await auditFor(user.id, "admin.user.reactivate")).toHaveLength(1);
  });

  it("an admin can't deactivate, delete or demote themselves", async () => {
    const admin = await makeUser({ role: "admin" });
    await makeUser({ role: "admin" });
    await expect(deactivateUser(admin.id, { userId: admin.id })).rejects.toBeInstanceOf(ConflictError);
    await expect(softDeleteUser(admin.id, { userId: admin.id })).rejects.toBeInstanceOf(ConflictError);
    await expect(setUserRole(admin.id, { userId: admin.id, role: "user" })).rejects.toBeInstanceOf(ConflictError);
    await expect(purgeUser(admin.id, { userId: admin.id, confirmEmail: admin.email })).rejects.toBeInstanceOf(ConflictError);
    expect(await reload(admin.id)).toMatchObject({ role: "admin", isActive: true, deletedAt: null });
  });

  it("the last admin can't be removed; with two, one can demote the other (audited)", async () => {
    // Only admins made in this test exist besides any earlier ones: demote every other admin first.
    const a = await makeUser({ role: "admin" });
    const b = await makeUser({ role: "admin" });
    for (const other of await db.select().from(users).where(eq(users.role, "admin"))) {
      if (other.id !== a.id && other.id !== b.id) await db.update(users).set({ role: "user" }).where(eq(users.id, other.id));
    }
    await setUserRole(a.id, { userId: b.id, role: "user" });
    expect((await reload(b.id))!.role).toBe("user");
    const [entry] = await auditFor(b.id, "admin.user.demote");
    expect(entry).toMatchObject({ actorId: a.id, before: expect.objectContaining({ role: "admin" }), after: expect.objectContaining({ role: "user" }) });

    // b is no longer an admin and can't act; a is now the last admin.
    await expect(setUserRole(b.id, { userId: a.id, role: "user" })).rejects.toBeInstanceOf(ForbiddenError);
    // A deactivated admin can no longer act at all.
    const c = await makeUser({ role: "admin" });
    await db.update(users).set({ isActive: false }).where(eq(users.id, c.id));
    await expect(setUserRole(c.id, { userId: a.id, role: "user" })).rejects.toBeInstanceOf(ForbiddenError);
    await db.update(users).set({ isActive: true }).where(eq(users.id, c.id));
    // c (active admin again) demotes a: allowed, c remains. Then nobody can demote c.
    await setUserRole(c.id, { userId: a.id, role: "user" });
    await setUserRole(c.id, { userId: b.id, role: "admin" });
    await setUserRole(b.id, { userId: c.id, role: "user" });
    await expect(setUserRole(b.id, { userId: b.id, role: "user" })).rejects.toThrow(/your own/);
    const admins = await db.select().from(users).where(eq(users.role, "admin"));
    expect(admins.map((x) => x.id)).toEqual([b.id]);
  });

  it("a deleted admin doesn't count as another admin: the last live admin stays", async () => {
    const actor = await makeUser({ role: "admin" });
    const target = await makeUser({ role: "admin" });
    // every other admin is deleted: actor and target remain
    for (const other of await db.select().from(users).where(eq(users.role, "admin"))) {
      if (other.id !== actor.id && other.id !== target.id) await db.update(users).set({ deletedAt: new Date() }).where(eq(users.id, other.id));
    }
    await setUserRole(actor.id, { userId: target.id, role: "user" });
    // a deleted admin row doesn't count as "another admin"
    await expect(setUserRole(actor.id, { userId: actor.id, role: "user" })).rejects.toBeInstanceOf(ConflictError);
    expect((await reload(actor.id))!.role).toBe("admin");
  });

  it("soft delete bumps the session version; restore is refused while another live account has the email", async () => {
    const admin = await makeUser({ role: "admin" });
    const user = await makeUser();
    await softDeleteUser(admin.id, { userId: user.id });
    const deleted = await reload(user.id);
    expect(deleted!.deletedAt).toBeInstanceOf(Date);
    expect(deleted!.sessionVersion).toBe(user.sessionVersion + 1);

    const newcomer = await makeUser({ email: user.email });
    await expect(restoreUser(admin.id, { userId: user.id })).rejects.toThrow(/Another live account/);
    expect((await reload(user.id))!.deletedAt).not.toBeNull();
    expect((await getUserDetail(admin.id, user.id)).liveEmailTaken).toBe(true);

    await softDeleteUser(admin.id, { userId: newcomer.id });
    await restoreUser(admin.id, { userId: user.id });
    expect((await reload(user.id))!.deletedAt).toBeNull();
    expect(await auditFor(user.id, "admin.user.restore")).toHaveLength(1);
  });

  it("purge needs the typed email, then removes the user with the plan's cascades and keeps email logs anonymised", async () => {
    const admin = await makeUser({ role: "admin" });
    const user = await makeUser();
    // a canceled subscription: nothing to cancel at Stripe, so no Stripe needed here
    const paid = await makePayingCustomer(user.id, { status: "canceled" });
    await db.insert(calculationHistory).values({ userId: user.id, calculationType: "monthly_payment", inputParams: {}, outputResults: {} });
    const [email] = await db
      .insert(emailLog)
      .values({ userId: user.id, recipientEmail: user.email, emailType: "welcome", subject: "Hi", template: "email-verification", alertId: paid.alert.id })
      .returning();
    await db.insert(emailVerificationTokens).values({ userId: user.id, tokenHash: "a".repeat(64), email: user.email, expiresAt: new Date() });

    await expect(purgeUser(admin.id, { userId: user.id, confirmEmail: "someone@else.com" })).rejects.toBeInstanceOf(ValidationError);
    expect(await reload(user.id)).toBeDefined();

    await purgeUser(admin.id, { userId: user.id, confirmEmail: ` ${user.email.toUpperCase()} ` });
    expect(await reload(user.id)).toBeUndefined();
    for (const [table, col] of [
      [mortgages, mortgages.userId],
      [alerts, alerts.userId],
      [subscriptions, subscriptions.userId],
      [invoices, invoices.userId],
      [calculationHistory, calculationHistory.userId],
      [userPreferences, userPreferences.userId],
      [emailVerificationTokens, emailVerificationTokens.userId],
    ] as const) {
      expect(await db.select().from(table).where(eq(col, user.id))).toHaveLength(0);
    }
    const [kept] = await db.select().from(emailLog).where(eq(emailLog.id, email!.id));
    expect(kept).toMatchObject({ userId: null, alertId: null, recipientEmail: user.email });
    const [entry] = await auditFor(user.id, "admin.user.purge");
    expect(entry!.after).toBeNull();
    expect(entry!.before).toMatchObject({ email: user.email, removed: { mortgages: 1, alerts: 1, subscriptions: 1, invoices: 1, calculations: 1, emails_kept: 1 } });
  });

  it("mark verified and resend verification (a fresh 24-hour link, hashed, emailed)", async () => {
    const admin = await makeUser({ role: "admin" });
    const user = await makeUser({ verified: false, name: "Robin" });
    const result = await resendVerification(admin.id, { userId: user.id });
    expect(result.ok).toBe(true);
    const [mail] = smtp.to(user.email);
    const token = decodeRaw(mail!.raw).match(/verify-email\?token=([A-Za-z0-9_-]{43})/)![1]!;
    const [row] = await db.select().from(emailVerificationTokens).where(eq(emailVerificationTokens.userId, user.id));
    expect(row!.tokenHash).toBe(hashToken(token));
    expect(row!.expiresAt.getTime() - Date.now()).toBeGreaterThan(23.9 * 3600_000);
    expect(await auditFor(user.id, "admin.user.resend_verification")).toHaveLength(1);

    // A second click within the minute sends nothing (it would void the link just sent).
    await expect(resendVerification(admin.id, { userId: user.id })).rejects.toThrow(/less than a minute ago/);
    expect(smtp.to(user.email)).toHaveLength(1);
    expect(await auditFor(user.id, "admin.user.resend_verification")).toHaveLength(1);

    await markVerified(admin.id, { userId: user.id });
    expect(await reload(user.id)).toMatchObject({ emailVerified: true });
    await expect(resendVerification(admin.id, { userId: user.id })).rejects.toBeInstanceOf(ConflictError);
  });

  it("a non-admin is refused by every action, and nothing changes", async () => {
    const homeowner = await makeUser();
    const target = await makeUser();
    await db.update(users).set({ failedLoginAttempts: 4 }).where(eq(users.id, target.id));
    await expect(unlockUser(homeowner.id, { userId: target.id })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(getUserDetail(homeowner.id, target.id)).rejects.toBeInstanceOf(ForbiddenError);
    expect((await reload(target.id))!.failedLoginAttempts).toBe(4);
  });
});

describe("searchUsers", () => {
  it("finds by email or name, filters, and pages with a keyset cursor without repeats", async () => {
    const tag = `zq${Date.now().toString(36)}`;
    const made = [];
    for (let i = 0; i < 7; i++) made.push(await makeUser({ name: `${tag} Person ${i}`, verified: i % 2 === 0 }));
    await db.update(users).set({ lockedUntil: new Date(Date.now() + 3600_000) }).where(eq(users.id, made[3]!.id));
    await makePayingCustomer(made[5]!.id);

    const byEmail = await searchUsers({ q: made[2]!.email.toUpperCase() });
    expect(byEmail.rows.map((r) => r.id)).toEqual([made[2]!.id]);

    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: Awaited<ReturnType<typeof searchUsers>> = await searchUsers({ q: tag, limit: 3, cursor });
      expect(page.rows.length).toBeLessThanOrEqual(3);
      seen.push(...page.rows.map((r) => r.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toHaveLength(7);
    expect(new Set(seen).size).toBe(7);
    expect(seen).toEqual([...made].reverse().map((u) => u.id)); // newest first

    expect((await searchUsers({ q: tag, filters: ["verified"] })).rows).toHaveLength(4);
    expect((await searchUsers({ q: tag, filters: ["locked"] })).rows.map((r) => r.id)).toEqual([made[3]!.id]);
    expect((await searchUsers({ q: tag, filters: ["paying"] })).rows.map((r) => r.id)).toEqual([made[5]!.id]);
    expect((await searchUsers({ q: "100%_" })).rows).toHaveLength(0);
  });
});
