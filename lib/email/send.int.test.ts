import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/db";
import { emailLog } from "@/db/schema";
import { decodeRaw, startSmtpServer } from "@/tests/support/smtp";
import { deliverLogged, MAX_EMAIL_ATTEMPTS, queueEmail, retryDueEmails, sendEmail } from "./send";

let smtp: Awaited<ReturnType<typeof startSmtpServer>>;

beforeAll(async () => {
  smtp = await startSmtpServer();
  process.env.SMTP_URL = smtp.url;
  vi.resetModules();
});
afterAll(() => smtp.close());

const verification = (to: string) => ({ to, type: "email_verification" as const, template: "email-verification", params: { name: "Dana", token: "abc123" } });

describe("email delivery over SMTP", () => {
  it("sends an HTML and a text part and records the provider's message id", async () => {
    const { id, status } = await sendEmail(verification("dana@example.com"));
    expect(status).toBe("sent");
    const [row] = await db.select().from(emailLog).where(eq(emailLog.id, id));
    expect(row).toMatchObject({ status: "sent", attempts: 1, provider: "smtp", recipientEmail: "dana@example.com" });
    expect(row!.providerMessageId).toMatch(/^<.+>$/);
    const [mail] = smtp.to("dana@example.com");
    const raw = decodeRaw(mail!.raw);
    expect(raw).toContain("Content-Type: text/plain");
    expect(raw).toContain("Content-Type: text/html");
    expect(raw).toContain("/verify-email?token=abc123");
    // Only the token's hash may stay in the database: the log keeps the rest of the params.
    expect(row!.templateParams).toEqual({ name: "Dana" });
  });

  it("a temporary failure is marked failed with a next attempt, and the retry sends it", async () => {
    smtp.setMode("temporary");
    const { id, status } = await sendEmail(verification("retry@example.com"));
    expect(status).toBe("failed");
    let [row] = await db.select().from(emailLog).where(eq(emailLog.id, id));
    expect(row).toMatchObject({ status: "failed", attempts: 1 });
    expect(row!.errorMessage).toContain("451");
    expect(row!.nextAttemptAt!.getTime()).toBeGreaterThan(Date.now());
    expect(row!.templateParams).toMatchObject({ token: "abc123" }); // the retry needs the link

    smtp.setMode("accept");
    await db.update(emailLog).set({ nextAttemptAt: new Date(Date.now() - 1000) }).where(eq(emailLog.id, id));
    const result = await retryDueEmails();
    expect(result.sent).toBeGreaterThanOrEqual(1);
    [row] = await db.select().from(emailLog).where(eq(emailLog.id, id));
    expect(row).toMatchObject({ status: "sent", attempts: 2, templateParams: { name: "Dana" } });
    expect(smtp.to("retry@example.com")).toHaveLength(1);
    expect(decodeRaw(smtp.to("retry@example.com")[0]!.raw)).toContain("/verify-email?token=abc123");
  });

  it(`gives up after ${MAX_EMAIL_ATTEMPTS} attempts spread over most of a day, leaving the row failed for admins`, async () => {
    smtp.setMode("temporary");
    const started = Date.now();
    const { id } = await sendEmail(verification("down@example.com"));
    let waited = 0;
    for (let i = 1; i < MAX_EMAIL_ATTEMPTS; i++) {
      const [row] = await db.select().from(emailLog).where(eq(emailLog.id, id));
      expect(row).toMatchObject({ status: "failed", attempts: i });
      waited += row!.nextAttemptAt!.getTime() - Date.now();
      await db.update(emailLog).set({ nextAttemptAt: new Date(Date.now() - 1000) }).where(eq(emailLog.id, id));
      await retryDueEmails();
    }
    const [row] = await db.select().from(emailLog).where(eq(emailLog.id, id));
    expect(row).toMatchObject({ status: "failed", attempts: MAX_EMAIL_ATTEMPTS, nextAttemptAt: null });
    // An outage of most of a day is ridden out (the back-offs add up to over 20 hours).
    expect(waited).toBeGreaterThan(20 * 3600_000 - (Date.now() - started));
    // a further retry run leaves it alone
    await retryDueEmails();
    const [after] = await db.select().from(emailLog).where(eq(emailLog.id, id));
    expect(after!.attempts).toBe(MAX_EMAIL_ATTEMPTS);
    expect(smtp.to("down@example.com")).toHaveLength(0);
    smtp.setMode("accept");
  });

  it("a 5xx about our side, not the recipient (a blocked sending account), is retried, not bounced", async () => {
    smtp.setMode("sender-blocked");
    const { id, status } = await sendEmail(verification("blocked@example.com"));
    expect(status).toBe("failed");
    const [row] = await db.select().from(emailLog).where(eq(emailLog.id, id));
    expect(row!.errorMessage).toContain("554");
    expect(row!.nextAttemptAt!.getTime()).toBeGreaterThan(Date.now());
    smtp.setMode("accept");
    await db.update(emailLog).set({ nextAttemptAt: new Date(Date.now() - 1000) }).where(eq(emailLog.id, id));
    await retryDueEmails();
    expect(smtp.to("blocked@example.com")).toHaveLength(1);
  });

  it("an email taken by two senders at once (the immediate send and a retrier on another worker) goes out once", async () => {
    const id = await queueEmail(verification("once@example.com"));
    const outcomes = await Promise.all([deliverLogged(id), deliverLogged(id), deliverLogged(id)]);
    expect(outcomes.filter((o) => o === "sent")).toHaveLength(1);
    expect(smtp.to("once@example.com")).toHaveLength(1);
    const [row] = await db.select().from(emailLog).where(eq(emailLog.id, id));
    expect(row).toMatchObject({ status: "sent", attempts: 1 });
  });

  it("a permanent 5xx rejection marks the row bounced and is not retried", async () => {
    smtp.setMode("permanent");
    const { status, id } = await sendEmail(verification("nobody@example.com"));
    smtp.setMode("accept");
    expect(status).toBe("bounced");
    const [row] = await db.select().from(emailLog).where(eq(emailLog.id, id));
    expect(row!.nextAttemptAt).toBeNull();
    // Not sent: an admin's retry still needs the link.
    expect(row!.templateParams).toMatchObject({ token: "abc123" });
  });
});
