import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db";
import { alerts, auditLog, emailLog, mortgages, revokedSessions, userPreferences, users } from "@/db/schema";
import { authenticate } from "@/lib/auth/authenticate";
import { deliverQueued, registerUser } from "@/lib/auth/registration";
import { isSessionCurrent } from "@/lib/auth/session-version";
import { requestPasswordReset, resetPassword } from "@/lib/auth/reset";
import { pendingEmailChange, verifyEmailToken } from "@/lib/auth/verification";
import { ValidationError } from "@/lib/errors";
import { canEmail } from "@/lib/email/preferences";
import { recordClick, recordOpen } from "@/lib/email/events";
import { decodeRaw, startSmtpServer } from "@/tests/support/smtp";
import { deleteAccount } from "./delete";
import { exportAccountData } from "./export";
import { getPreferences, updatePreferences } from "./preferences";
import { changeName, changePassword, startEmailChange } from "./profile";
import { preferencesSchema } from "./schemas";
import { signOutEverywhere } from "./sessions";

let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
beforeAll(async () => {
  smtp = await startSmtpServer();
  process.env.SMTP_URL = smtp.url; // before anything calls env()
});
afterAll(() => smtp.close());

const meta = { ip: "203.0.113.9", userAgent: "vitest" };
const PASSWORD = "orchard quiet signal lamp";
let n = 0;

async function newUser() {
  const email = `acct${++n}-${Date.now()}@example.com`;
  const { userId, emailIds } = await registerUser({ name: "Sam Owner", email, password: PASSWORD }, meta);
  await deliverQueued(emailIds);
  return { id: userId!, email };
}
const sv = async (id: string) => (await db.select({ v: users.sessionVersion }).from(users).where(eq(users.id, id)))[0]!.v;
const lastMail = (to: string) => decodeRaw(smtp.to(to).at(-1)!.raw);

describe("preferences", () => {
  it("saves every field from the form, audits what changed, and canEmail follows them", async () => {
    const { id } = await newUser();
    expect(await canEmail(id, "alert")).toBe(true);
    expect(await canEmail(id, "marketing")).toBe(true);
    const form = preferencesSchema.parse({
      alertFrequency: "weekly",
      theme: "dark",
      currency: "CAD",
      dateFormat: "YYYY-MM-DD",
      minRateDropThreshold: "0.25",
      defaultRefiTerm: "180",
      emailNotifications: "on",
      shareAnonymousData: "on",
    });
    const saved = await updatePreferences(id, form);
    expect(saved).toEqual({
      emailNotifications: true,
      alertFrequency: "weekly",
      marketingEmails: false,
      theme: "dark",
      currency: "CAD",
      dateFormat: "YYYY-MM-DD",
      minRateDropThreshold: 0.25,
      autoCalculateRefiCost: false,
      defaultRefiTerm: 180,
      shareAnonymousData: true,
    });
    expect(await getPreferences(id)).toEqual(saved);
    const [entry] = await db.select().from(auditLog).where(and(eq(auditLog.targetId, id), eq(auditLog.action, "user.preferences_update")));
    expect(entry!.before).toMatchObject({ theme: "light", alertFrequency: "instant" });
    expect(entry!.after).toMatchObject({ theme: "dark", alertFrequency: "weekly" });
    expect(await canEmail(id, "marketing")).toBe(false);
    expect(await canEmail(id, "alert")).toBe(false);
    expect(await canEmail(id, "digest")).toBe(true);
  });

  it("creates a missing preferences row with the defaults", async () => {
    const { id } = await newUser();
    await db.delete(userPreferences).where(eq(userPreferences.userId, id));
    expect(await getPreferences(id)).toMatchObject({ theme: "light", currency: "USD", dateFormat: "MM/DD/YYYY", defaultRefiTerm: 360 });
  });
});

describe("profile", () => {
  it("changes the name with an audit entry", async () => {
    const { id } = await newUser();
    await changeName(id, "Samantha Owner");
    const [u] = await db.select().from(users).where(eq(users.id, id));
    expect(u!.name).toBe("Samantha Owner");
    const entries = await db.select().from(auditLog).where(and(eq(auditLog.targetId, id), eq(auditLog.action, "user.name_change")));
    expect(entries).toHaveLength(1);
  });

  it("a password change needs the current password, ends older sessions and sends a notice", async () => {
    const { id, email } = await newUser();
    const version = await sv(id);
    await expect(changePassword(id, "not my password", "a new long passphrase", meta)).rejects.toBeInstanceOf(ValidationError);
    expect(await sv(id)).toBe(version);
    await deliverQueued(await changePassword(id, PASSWORD, "a new long passphrase", meta));
    expect(await isSessionCurrent(id, version)).toBe(false);
    expect(await isSessionCurrent(id, version + 1)).toBe(true);
    expect((await authenticate(email, "a new long passphrase", null)).ok).toBe(true);
    expect((await authenticate(email, PASSWORD, null)).ok).toBe(false);
    expect(lastMail(email)).toContain("Your Refi Alert password was changed");
  });

  it("changes the email only when the new address follows its link, and tells the old one", async () => {
    const { id, email } = await newUser();
    const next = `moved${n}-${Date.now()}@example.com`;
    await expect(startEmailChange(id, next, "wrong password", meta)).rejects.toBeInstanceOf(ValidationError);
    await deliverQueued(await startEmailChange(id, next, PASSWORD, meta));
    expect((await db.select().from(users).where(eq(users.id, id)))[0]!.email).toBe(email);
    expect(await pendingEmailChange(id)).toMatchObject({ email: next });
    const token = lastMail(next).match(/verify-email\?token=([A-Za-z0-9_-]+)/)![1]!;
    expect(await verifyEmailToken(token)).toMatchObject({ status: "verified", emailChanged: true, email: next });
    const [u] = await db.select().from(users).where(eq(users.id, id));
    expect(u).toMatchObject({ email: next, emailVerified: true });
    expect(lastMail(email)).toContain(`now uses ${next}`);
    expect(await pendingEmailChange(id)).toBeNull();
    expect((await authenticate(next, PASSWORD, null)).ok).toBe(true);
  });

  it("an address owned by another account gets a notice instead of a link, and nothing changes", async () => {
    const a = await newUser();
    const b = await newUser();
    const before = smtp.to(b.email).length;
    await deliverQueued(await startEmailChange(a.id, b.email, PASSWORD, meta));
    expect(smtp.to(b.email)).toHaveLength(before + 1);
    expect(lastMail(b.email)).toContain("Someone tried to use your email address");
    expect(lastMail(b.email)).not.toContain("verify-email?token=");
    expect(await pendingEmailChange(a.id)).toBeNull();
  });
});

describe("taking the account back stops the links someone else may hold", () => {
  const linkIn = (to: string, path: string) => lastMail(to).match(new RegExp(`${path}\\?token=([A-Za-z0-9_-]+)`))![1]!;

  // Someone who knew the password sent an email change to their own inbox; a reset link sits in
  // the owner's mailbox. Whichever way the owner takes control, neither link may act afterwards.
  const ways: [string, (id: string, email: string) => Promise<unknown>][] = [
    ["changing the password", async (id) => deliverQueued(await changePassword(id, PASSWORD, "a brand new passphrase", meta))],
    ["signing out everywhere", (id) => signOutEverywhere(id, meta.ip)],
    [
      "resetting the password",
      async (_id, email) => {
        await deliverQueued(await requestPasswordReset(email, meta));
        expect(await resetPassword(linkIn(email, "/reset-password"), "a brand new passphrase", meta)).toMatchObject({ status: "reset" });
      },
    ],
  ];
  for (const [way, takeBack] of ways) {
    it(`${way} expires a pending email change and spends open reset links`, async () => {
      const { id, email } = await newUser();
      const intruder = `intruder${n}-${Date.now()}@example.com`;
      await deliverQueued(await startEmailChange(id, intruder, PASSWORD, meta));
      const changeLink = linkIn(intruder, "/verify-email");
      await deliverQueued(await requestPasswordReset(email, meta));
      const resetLink = linkIn(email, "/reset-password");

      await takeBack(id, email);

      expect(await verifyEmailToken(changeLink)).toMatchObject({ status: "expired" });
      expect((await db.select({ email: users.email }).from(users).where(eq(users.id, id)))[0]!.email).toBe(email);
      expect(await pendingEmailChange(id)).toBeNull();
      expect(await resetPassword(resetLink, "the intruder's passphrase", meta)).toMatchObject({ status: "used" });
    });
  }

  it("a completed email change spends reset links sent to the old address", async () => {
    const { id, email } = await newUser();
    await deliverQueued(await requestPasswordReset(email, meta));
    const resetLink = linkIn(email, "/reset-password");
    const next = `moved${n}-${Date.now()}@example.com`;
    await deliverQueued(await startEmailChange(id, next, PASSWORD, meta));
    expect(await verifyEmailToken(linkIn(next, "/verify-email"))).toMatchObject({ status: "verified", emailChanged: true });
    expect(await resetPassword(resetLink, "someone else's passphrase", meta)).toMatchObject({ status: "used" });
    expect((await authenticate(next, PASSWORD, null)).ok).toBe(true);
  });

  it("a deactivated account's email-change link does nothing", async () => {
    const { id, email } = await newUser();
    const next = `parked${n}-${Date.now()}@example.com`;
    await deliverQueued(await startEmailChange(id, next, PASSWORD, meta));
    await db.update(users).set({ isActive: false }).where(eq(users.id, id));
    expect(await verifyEmailToken(linkIn(next, "/verify-email"))).toMatchObject({ status: "invalid" });
    expect((await db.select({ email: users.email }).from(users).where(eq(users.id, id)))[0]!.email).toBe(email);
  });

  it("a link to the account's own address still verifies it after a password change", async () => {
    const { id, email } = await newUser();
    const signUpLink = linkIn(email, "/verify-email");
    await deliverQueued(await changePassword(id, PASSWORD, "a brand new passphrase", meta));
    expect(await verifyEmailToken(signUpLink)).toMatchObject({ status: "verified", emailChanged: false });
  });
});

describe("sessions, export and deletion", () => {
  it("sign out everywhere ends every session", async () => {
    const { id } = await newUser();
    const version = await sv(id);
    await signOutEverywhere(id, meta.ip);
    expect(await isSessionCurrent(id, version)).toBe(false);
  });

  it("a signed-out session id ends that session only", async () => {
    const { id } = await newUser();
    const version = await sv(id);
    const [signedOut, other] = [randomUUID(), randomUUID()];
    await db.insert(revokedSessions).values({ sid: signedOut, userId: id, expiresAt: new Date(Date.now() + 86_400_000) });
    expect(await isSessionCurrent(id, version, signedOut)).toBe(false);
    expect(await isSessionCurrent(id, version, other)).toBe(true);
    expect(await isSessionCurrent(id, version)).toBe(true); // a token from before session ids
    expect(await isSessionCurrent("not-a-uuid", version, other)).toBe(false);
  });

  it("exports everything without secrets: no password hash, masked loan numbers, no email links", async () => {
    const { id, email } = await newUser();
    await db.insert(mortgages).values({
      userId: id,
      name: "Home",
      zipCode: "02139",
      originalPrincipalCents: 40_000_000,
      originalTerm: 360,
      originalInterestRate: 6.5,
      remainingPrincipalCents: 38_000_000,
      remainingTerm: 330,
      loanNumberEncrypted: "v1:c2VjcmV0LWNpcGhlcnRleHQ",
      loanNumberLast4: "4321",
    });
    const data = (await exportAccountData(id))!;
    const json = JSON.stringify(data);
    expect(data.account.email).toBe(email);
    expect(json).not.toContain("passwordHash");
    expect(json).not.toContain("$argon2id$");
    expect(json).not.toContain("c2VjcmV0LWNpcGhlcnRleHQ");
    expect(json).not.toMatch(/token/i);
    expect(data.mortgages[0]).toMatchObject({ name: "Home", loanNumber: "••••4321" });
    expect(data.preferences).toMatchObject({ theme: "light" });
    expect(data.emails.some((e) => e.emailType === "email_verification")).toBe(true);
    expect(data.activity.some((a) => a.action === "user.sign_up")).toBe(true);
  });

  it("deletion needs the password; then the account is gone, its alerts stopped, and the address free", async () => {
    const { id, email } = await newUser();
    const [m] = await db
      .insert(mortgages)
      .values({ userId: id, name: "Home", zipCode: "02139", originalPrincipalCents: 40_000_000, originalTerm: 360, originalInterestRate: 6.5, remainingPrincipalCents: 38_000_000, remainingTerm: 330 })
      .returning();
    await db.insert(alerts).values({ userId: id, mortgageId: m!.id, alertType: "interest_rate", targetInterestRate: 5.5, targetTerm: 360 });
    const version = await sv(id);
    await expect(deleteAccount(id, "wrong password", meta.ip)).rejects.toBeInstanceOf(ValidationError);
    expect((await db.select().from(users).where(eq(users.id, id)))[0]!.deletedAt).toBeNull();

    await deliverQueued(await deleteAccount(id, PASSWORD, meta.ip));
    const [u] = await db.select().from(users).where(eq(users.id, id));
    expect(u!.deletedAt).toBeInstanceOf(Date);
    expect(u!.sessionVersion).toBe(version + 1);
    expect(await isSessionCurrent(id, version + 1)).toBe(false);
    const [a] = await db.select().from(alerts).where(eq(alerts.userId, id));
    expect(a).toMatchObject({ isActive: false });
    expect(a!.deletedAt).toBeInstanceOf(Date);
    expect(await canEmail(id, "alert")).toBe(false);
    expect((await authenticate(email, PASSWORD, null)).ok).toBe(false);
    expect(lastMail(email)).toContain("Your Refi Alert account was deleted");
    expect(await db.select().from(auditLog).where(and(eq(auditLog.targetId, id), eq(auditLog.action, "user.delete")))).toHaveLength(1);

    const again = await registerUser({ name: "Sam Again", email, password: PASSWORD }, meta);
    expect(again.userId).toBeTruthy();
    expect(again.userId).not.toBe(id);
  });
});

describe("email tracking", () => {
  it("wraps links and adds a signed pixel; opens and clicks move the status forward", async () => {
    const { email } = await newUser();
    const raw = decodeRaw(smtp.to(email)[0]!.raw);
    const [log] = await db.select().from(emailLog).where(eq(emailLog.recipientEmail, email));
    expect(raw).toContain(`/api/email/open/${log!.id}?s=`);
    expect(raw).toContain(`/api/email/click/${log!.id}?u=`);
    expect(log!.status).toBe("sent");
    await recordOpen(log!.id);
    let [row] = await db.select().from(emailLog).where(eq(emailLog.id, log!.id));
    expect(row!.status).toBe("opened");
    expect(row!.openedAt).toBeInstanceOf(Date);
    expect(row!.updatedAt.getTime()).toBeGreaterThan(log!.updatedAt.getTime()); // raw SQL keeps updated_at too
    await recordClick(log!.id);
    [row] = await db.select().from(emailLog).where(eq(emailLog.id, log!.id));
    expect(row!.status).toBe("clicked");
    expect(row!.clickedAt).toBeInstanceOf(Date);
    await recordOpen(log!.id);
    [row] = await db.select().from(emailLog).where(eq(emailLog.id, log!.id));
    expect(row!.status).toBe("clicked");
  });
});
