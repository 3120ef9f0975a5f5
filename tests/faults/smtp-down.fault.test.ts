// SMTP down: sign-up and alert notifications still succeed; their emails are logged failed with
// a next attempt, and the retry sends them once the mail server is back on the same address.
import { createServer, type AddressInfo } from "node:net";
import { eq, inArray, sql } from "drizzle-orm";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db";
import { emailLog, triggers, users } from "@/db/schema";

// A port nothing listens on (yet): bound, then released.
const port = await new Promise<number>((resolve) => {
  const probe = createServer();
  probe.listen(0, "127.0.0.1", () => {
    const p = (probe.address() as AddressInfo).port;
    probe.close(() => resolve(p));
  });
});
process.env.SMTP_URL = `smtp://127.0.0.1:${port}`;

const { registerUser } = await import("@/lib/auth/registration");
const { deliverQueued } = await import("@/lib/auth/registration");
const { retryDueEmails } = await import("@/lib/email");
const { notifyInstant } = await import("@/lib/alerts/notify");
const { sweepAlerts } = await import("@/lib/alerts/sweep");
const { makeAlert, makeMortgage, makeUser, publishRate, resetMarket } = await import("@/lib/alerts/test-fixtures");

const received: string[] = [];
let smtp: SMTPServer | undefined;

function startSmtpOn(p: number): Promise<SMTPServer> {
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, session, callback) {
      stream.on("data", () => {});
      stream.on("end", () => {
        received.push(...session.envelope.rcptTo.map((r) => r.address.toLowerCase()));
        callback();
      });
    },
  });
  return new Promise((resolve) => server.listen(p, "127.0.0.1", () => resolve(server)));
}

beforeAll(async () => {
  await resetMarket();
});
afterAll(async () => {
  await new Promise<void>((resolve) => (smtp ? smtp.close(() => resolve()) : resolve()));
});

describe("SMTP down", () => {
  it("sign-up and alert notifications are not blocked; emails fail with a next attempt and are sent by the retry later", async () => {
    // Sign-up while the mail server is down: the account exists, the email is failed and scheduled.
    const email = `smtp-down-${Date.now()}@example.com`;
    const started = Date.now();
    const reg = await registerUser({ name: "Robin Offline", email, password: "correct horse battery staple 42" }, { ip: "127.0.0.1", userAgent: "faults" });
    await deliverQueued(reg.emailIds);
    expect(Date.now() - started).toBeLessThan(15_000); // not blocked on the mail server
    expect(reg.userId).toBeTruthy();
    const [user] = await db.select().from(users).where(eq(users.email, email));
    expect(user).toBeDefined();
    const [verification] = await db.select().from(emailLog).where(inArray(emailLog.id, reg.emailIds));
    expect(verification).toMatchObject({ emailType: "email_verification", status: "failed", attempts: 1 });
    expect(verification!.nextAttemptAt!.getTime()).toBeGreaterThan(Date.now());
    expect(verification!.errorMessage).toBeTruthy();

    // An alert firing while the mail server is down: the trigger is recorded, the email fails.
    const owner = await makeUser({ prefs: { alertFrequency: "instant" } });
    const mortgage = await makeMortgage(owner.id, { balanceCents: 36_000_000, rate: 7.25, monthsLeft: 300 });
    const alert = await makeAlert(owner.id, mortgage.id, { alertType: "interest_rate", targetInterestRate: 6.75, estimateRefinanceCostCents: 500_000 });
    await publishRate("30_year_fixed", "2026-06-04", 6.25);
    const swept = await sweepAlerts();
    expect(swept.created.length).toBeGreaterThanOrEqual(1);
    const notified = await notifyInstant();
    expect(notified.sent).toBe(0);
    const [trigger] = await db.select().from(triggers).where(eq(triggers.alertId, alert.id));
    expect(trigger).toBeDefined();
    const [alertMail] = await db.select().from(emailLog).where(eq(emailLog.triggerId, trigger!.id));
    expect(alertMail).toMatchObject({ emailType: "alert_notification", status: "failed", attempts: 1 });
    expect(alertMail!.nextAttemptAt).not.toBeNull();

    // Nothing is due yet: the retry waits for next_attempt_at.
    expect((await retryDueEmails()).sent).toBe(0);

    // The mail server comes back on the same address, and the back-off has passed.
    smtp = await startSmtpOn(port);
    const ids = [verification!.id, alertMail!.id];
    await db.update(emailLog).set({ nextAttemptAt: sql`now() - interval '1 second'` }).where(inArray(emailLog.id, ids));
    const retried = await retryDueEmails();
    expect(retried.sent).toBeGreaterThanOrEqual(2);
    const after = await db.select().from(emailLog).where(inArray(emailLog.id, ids));
    expect(after.map((r) => ({ status: r.status, attempts: r.attempts, next: r.nextAttemptAt }))).toEqual([
      { status: "sent", attempts: 2, next: null },
      { status: "sent", attempts: 2, next: null },
    ]);
    expect(received).toContain(email);
    expect(received).toContain(owner.email.toLowerCase());
    // Sent once each: another retry sends nothing more.
    const count = received.length;
    expect((await retryDueEmails()).sent).toBe(0);
    expect(received).toHaveLength(count);
  });
});
