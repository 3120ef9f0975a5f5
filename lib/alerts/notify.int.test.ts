import { eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "@/db";
import { alerts, emailLog, subscriptions, triggers, userPreferences } from "@/db/schema";
import { retryDueEmails } from "@/lib/email";
import { decodeRaw, startSmtpServer } from "@/tests/support/smtp";
import { notifyInstant, sendDigests } from "./notify";
import { sweepAlerts } from "./sweep";
import { makeAlert, makeMortgage, makeUser, publishRate, resetMarket } from "./test-fixtures";
import { unsubscribeToken, unsubscribeUser, verifyUnsubscribeToken } from "./unsubscribe";

let smtp: Awaited<ReturnType<typeof startSmtpServer>>;

beforeAll(async () => {
  smtp = await startSmtpServer();
  process.env.SMTP_URL = smtp.url;
  vi.resetModules();
});
afterAll(() => smtp.close());
beforeEach(async () => {
  smtp.setMode("accept");
  await resetMarket();
  await db.delete(alerts);
});

async function ownerWithAlert(prefs: Partial<typeof userPreferences.$inferInsert>, target = 6.75) {
  const user = await makeUser({ prefs });
  const mortgage = await makeMortgage(user.id, { balanceCents: 36_000_000, rate: 7.25, monthsLeft: 300 });
  const alert = await makeAlert(user.id, mortgage.id, { alertType: "interest_rate", targetInterestRate: target, estimateRefinanceCostCents: 500_000 });
  return { user, alert };
}

describe("alert notifications", () => {
  it("honours preferences: off gets nothing, instant an email per trigger, once, with the numbers and an unsubscribe header", async () => {
    const off = await ownerWithAlert({ emailNotifications: false });
    const instant = await ownerWithAlert({ alertFrequency: "instant" });
    const daily = await ownerWithAlert({ alertFrequency: "daily" });
    await publishRate("30_year_fixed", "2026-06-04", 6.25);
    const swept = await sweepAlerts();
    expect(swept.created).toHaveLength(3);

    const first = await notifyInstant();
    expect(first).toEqual({ queued: 1, sent: 1 });
    expect(smtp.to(off.user.email)).toHaveLength(0);
    expect(smtp.to(daily.user.email)).toHaveLength(0);
    const [mail] = smtp.to(instant.user.email);
    // Unfold folded header lines (RFC 5322) before reading them.
    const raw = decodeRaw(mail!.raw).replace(/\r\n[ \t]+/g, " ");
    const [trigger] = await db.select().from(triggers).where(eq(triggers.alertId, instant.alert.id));
    expect(raw).toContain(`/triggers/${trigger!.id}`);
    expect(raw).toContain("6.25%");
    expect(raw).toMatch(/Monthly savings/);
    expect(raw).toMatch(/Break-even on \$5,000 of costs/);
    expect(raw).toMatch(/List-Unsubscribe: <http:\/\/127\.0\.0\.1:3000\/api\/unsubscribe\?token=[^>]+>/);
    expect(raw).toContain("List-Unsubscribe-Post: List-Unsubscribe=One-Click");

    expect(trigger).toMatchObject({ status: "notified", notificationSent: true });
    const [log] = await db.select().from(emailLog).where(eq(emailLog.triggerId, trigger!.id));
    expect(log).toMatchObject({ emailType: "alert_notification", alertId: instant.alert.id, status: "sent" });
    const [a] = await db.select().from(alerts).where(eq(alerts.id, instant.alert.id));
    expect(a!.notificationCount).toBe(1);
    expect(a!.lastNotificationSentAt).not.toBeNull();

    // Running again, or two at once, sends nothing more.
    const again = await Promise.all([notifyInstant(), notifyInstant()]);
    expect(again.reduce((n, r) => n + r.queued, 0)).toBe(0);
    expect(smtp.to(instant.user.email)).toHaveLength(1);

    // The daily user gets one digest of the day's triggers, once.
    const digest = await sendDigests("daily");
    expect(digest).toEqual({ queued: 1, sent: 1 });
    const digestMail = decodeRaw(smtp.to(daily.user.email)[0]!.raw);
    expect(digestMail).toContain("daily alert summary");
    const [dailyTrigger] = await db.select().from(triggers).where(eq(triggers.alertId, daily.alert.id));
    expect(digestMail).toContain(`/triggers/${dailyTrigger!.id}`);
    expect(dailyTrigger!.notificationSent).toBe(true);
    const [digestLog] = await db.select().from(emailLog).where(eq(emailLog.userId, daily.user.id));
    expect(digestLog).toMatchObject({ emailType: "daily_digest", triggerId: dailyTrigger!.id, alertId: daily.alert.id });
    expect(await sendDigests("daily")).toEqual({ queued: 0, sent: 0 });
    expect(await sendDigests("weekly")).toEqual({ queued: 0, sent: 0 });
    expect(smtp.to(off.user.email)).toHaveLength(0);
    const [offTrigger] = await db.select().from(triggers).where(eq(triggers.alertId, off.alert.id));
    expect(offTrigger!.notificationSent).toBe(false);
  });

  it("speaks the owner's currency and date format: the trigger's reason and the email", async () => {
    const user = await makeUser({ prefs: { currency: "EUR", dateFormat: "DD/MM/YYYY" } });
    const mortgage = await makeMortgage(user.id, { balanceCents: 36_000_000, rate: 7.25, monthsLeft: 300 });
    const alert = await makeAlert(user.id, mortgage.id, { alertType: "monthly_payment", targetMonthlyPaymentCents: 300_000, estimateRefinanceCostCents: 500_000 });
    const isoUser = await makeUser({ prefs: { currency: "GBP", dateFormat: "YYYY-MM-DD" } });
    const isoAlert = await makeAlert(isoUser.id, (await makeMortgage(isoUser.id)).id, { alertType: "interest_rate", targetInterestRate: 6.75 });
    await publishRate("30_year_fixed", "2026-06-04", 6.25);
    await sweepAlerts();

    const [t] = await db.select().from(triggers).where(eq(triggers.alertId, alert.id));
    expect(t!.reason).toMatch(/^At the 30-year fixed rate of 6\.25% \(week of 4 Jun 2026\), a 360-month loan of €365,000\.00 .* costs €[\d,]+\.\d\d a month, at or below your target of €3,000\.00\.$/);
    const [isoTrigger] = await db.select().from(triggers).where(eq(triggers.alertId, isoAlert.id));
    expect(isoTrigger!.reason).toContain("in the week of 2026-06-04");

    await notifyInstant();
    const raw = decodeRaw(smtp.to(user.email)[0]!.raw);
    expect(raw).toContain("rate (week of 4 Jun 2026)");
    expect(raw).toContain("€3,000.00");
    expect(raw).toMatch(/Break-even on €5,000 of costs/);
    expect(raw).not.toMatch(/\$\d/);
  });

  it("a digest gathers several triggers of the period into one email", async () => {
    const { user, alert } = await ownerWithAlert({ alertFrequency: "weekly" });
    const second = await makeAlert(user.id, alert.mortgageId, { alertType: "interest_rate", targetInterestRate: 6.5 });
    await publishRate("30_year_fixed", "2026-06-11", 6.25);
    await sweepAlerts();
    expect(await sendDigests("weekly")).toEqual({ queued: 1, sent: 1 });
    const mails = smtp.to(user.email);
    expect(mails).toHaveLength(1);
    const raw = decodeRaw(mails[0]!.raw);
    expect(raw).toContain("2 of your alerts fired");
    const rows = await db.select().from(triggers).where(inArray(triggers.alertId, [alert.id, second.id]));
    for (const t of rows) expect(raw).toContain(`/triggers/${t.id}`);
  });

  it("an SMTP failure is retried with back-off and the trigger is still emailed exactly once", async () => {
    const { user, alert } = await ownerWithAlert({ alertFrequency: "instant" });
    await publishRate("30_year_fixed", "2026-06-18", 6.25);
    await sweepAlerts();
    smtp.setMode("temporary");
    expect(await notifyInstant()).toEqual({ queued: 1, sent: 0 });
    const [failed] = await db.select().from(emailLog).where(eq(emailLog.alertId, alert.id));
    expect(failed).toMatchObject({ status: "failed", attempts: 1 });
    expect(failed!.nextAttemptAt!.getTime()).toBeGreaterThan(Date.now());
    // Nothing new is queued for the same trigger while the email waits for its retry.
    expect((await notifyInstant()).queued).toBe(0);

    smtp.setMode("accept");
    await db.update(emailLog).set({ nextAttemptAt: new Date(Date.now() - 1000) }).where(eq(emailLog.id, failed!.id));
    await retryDueEmails();
    const logs = await db.select().from(emailLog).where(eq(emailLog.alertId, alert.id));
    expect(logs).toHaveLength(1);
    expect(logs[0]).toMatchObject({ status: "sent", attempts: 2 });
    expect(smtp.to(user.email)).toHaveLength(1);
  });

  it("the unsubscribe token is bound to its user and turns alert emails off", async () => {
    const { user } = await ownerWithAlert({ alertFrequency: "instant" });
    const token = unsubscribeToken(user.id);
    expect(verifyUnsubscribeToken(token)).toBe(user.id);
    const other = await makeUser();
    const forged = `${other.id}.${token.split(".")[1]}`;
    expect(verifyUnsubscribeToken(forged)).toBeNull();
    expect(verifyUnsubscribeToken("nonsense")).toBeNull();

    expect(await unsubscribeUser(user.id)).toBe(true);
    const [prefs] = await db.select().from(userPreferences).where(eq(userPreferences.userId, user.id));
    expect(prefs!.emailNotifications).toBe(false);
    await publishRate("30_year_fixed", "2026-06-25", 6.25);
    await sweepAlerts();
    expect(await notifyInstant()).toEqual({ queued: 0, sent: 0 });
    expect(smtp.to(user.email)).toHaveLength(0);
  });

  it("every waiting trigger is emailed, however many there are and however late the job runs; not one whose subscription lapsed", async () => {
    const owners = await Promise.all([1, 2, 3, 4, 5].map(() => ownerWithAlert({ alertFrequency: "instant" })));
    await publishRate("30_year_fixed", "2026-07-02", 6.25);
    expect((await sweepAlerts()).created).toHaveLength(5);
    // Two waited three days (the worker was down); one subscription lapsed since its trigger.
    const threeDaysAgo = new Date(Date.now() - 3 * 86_400_000);
    await db.update(triggers).set({ triggeredAt: threeDaysAgo }).where(inArray(triggers.alertId, [owners[0]!.alert.id, owners[1]!.alert.id]));
    await db.update(subscriptions).set({ status: "canceled" }).where(eq(subscriptions.alertId, owners[4]!.alert.id));

    expect(await notifyInstant({ pageSize: 2 })).toEqual({ queued: 4, sent: 4 });
    for (const o of owners.slice(0, 4)) expect(smtp.to(o.user.email)).toHaveLength(1);
    expect(smtp.to(owners[4]!.user.email)).toHaveLength(0);
    const [lapsed] = await db.select().from(triggers).where(eq(triggers.alertId, owners[4]!.alert.id));
    expect(lapsed!.notificationSent).toBe(false);
  });

  it("a digest includes a trigger made after the previous digest ran, even when this one runs late", async () => {
    const first = await ownerWithAlert({ alertFrequency: "daily" });
    const second = await ownerWithAlert({ alertFrequency: "daily" });
    await publishRate("30_year_fixed", "2026-07-09", 6.25);
    await sweepAlerts();
    // More than a day old when the digest finally runs.
    await db.update(triggers).set({ triggeredAt: new Date(Date.now() - 30 * 3600_000) }).where(eq(triggers.alertId, first.alert.id));
    expect(await sendDigests("daily", { pageSize: 1 })).toEqual({ queued: 2, sent: 2 });
    expect(smtp.to(first.user.email)).toHaveLength(1);
    expect(smtp.to(second.user.email)).toHaveLength(1);
  });

  it("sending stops when its time is up, and email.retry sends the rest, once each", async () => {
    const owners = await Promise.all([1, 2, 3].map(() => ownerWithAlert({ alertFrequency: "instant" })));
    await publishRate("30_year_fixed", "2026-07-16", 6.25);
    await sweepAlerts();
    expect(await notifyInstant({ budgetMs: 0 })).toEqual({ queued: 3, sent: 0 });
    for (const o of owners) expect(smtp.to(o.user.email)).toHaveLength(0);
    // Queued emails are due to the retrier two minutes later (here: now).
    const ids = owners.map((o) => o.alert.id);
    await db.update(emailLog).set({ nextAttemptAt: new Date(Date.now() - 1000) }).where(inArray(emailLog.alertId, ids));
    expect(await retryDueEmails()).toEqual({ retried: 3, sent: 3 });
    for (const o of owners) expect(smtp.to(o.user.email)).toHaveLength(1);
    expect((await db.select().from(emailLog).where(inArray(emailLog.alertId, ids))).map((e) => [e.status, e.attempts])).toEqual([
      ["sent", 1],
      ["sent", 1],
      ["sent", 1],
    ]);
  });

  it("a retry re-checks: nothing is sent once the owner turned alert emails off or dismissed the alert in the app", async () => {
    const offLater = await ownerWithAlert({ alertFrequency: "instant" });
    const dismissedLater = await ownerWithAlert({ alertFrequency: "instant" });
    const stillWanted = await ownerWithAlert({ alertFrequency: "instant" });
    await publishRate("30_year_fixed", "2026-07-23", 6.25);
    await sweepAlerts();
    smtp.setMode("temporary");
    expect(await notifyInstant()).toEqual({ queued: 3, sent: 0 });
    smtp.setMode("accept");

    await unsubscribeUser(offLater.user.id);
    await db.update(triggers).set({ userAction: "dismissed", status: "acknowledged" }).where(eq(triggers.alertId, dismissedLater.alert.id));
    const ids = [offLater, dismissedLater, stillWanted].map((o) => o.alert.id);
    await db.update(emailLog).set({ nextAttemptAt: new Date(Date.now() - 1000) }).where(inArray(emailLog.alertId, ids));
    expect(await retryDueEmails()).toEqual({ retried: 3, sent: 1 });

    expect(smtp.to(stillWanted.user.email)).toHaveLength(1);
    for (const o of [offLater, dismissedLater]) {
      expect(smtp.to(o.user.email)).toHaveLength(0);
      const [log] = await db.select().from(emailLog).where(eq(emailLog.alertId, o.alert.id));
      expect(log).toMatchObject({ status: "failed", nextAttemptAt: null });
      expect(log!.errorMessage).toMatch(/^Not sent: /);
    }
  });

  it("two workers notifying at once email each trigger once between them", async () => {
    const owners = await Promise.all([1, 2, 3, 4, 5, 6].map(() => ownerWithAlert({ alertFrequency: "instant" })));
    await publishRate("30_year_fixed", "2026-07-30", 6.25);
    await sweepAlerts();
    const runs = await Promise.all([notifyInstant({ pageSize: 2 }), notifyInstant({ pageSize: 2 })]);
    expect(runs.reduce((n, r) => n + r.queued, 0)).toBe(6);
    expect(runs.reduce((n, r) => n + r.sent, 0)).toBe(6);
    for (const o of owners) expect(smtp.to(o.user.email)).toHaveLength(1);
  });
});
