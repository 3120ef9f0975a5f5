import "server-only";
import { and, eq, inArray, lte, sql } from "drizzle-orm";
import { db, type DbOrTx } from "@/db";
import { emailLog, type EmailLog } from "@/db/schema";
import { env } from "@/lib/env";
import { whyNotWanted } from "./still-wanted";
import { renderTemplate } from "./templates";
import { addTracking } from "./tracking";
import { deliver, PermanentDeliveryError } from "./transport";

/**
 * Waits before attempt n+1: 1 min, 5 min, 30 min, 2 h, 6 h, 12 h. A mail server down for most
 * of a day (an outage, rotated credentials) costs no email; after that an admin sees it failed.
 */
const RETRY_DELAYS_MS = [60_000, 5 * 60_000, 30 * 60_000, 2 * 3600_000, 6 * 3600_000, 12 * 3600_000];
export const MAX_EMAIL_ATTEMPTS = RETRY_DELAYS_MS.length + 1;
/** How long a claimed email is left to its sender before the retrier may take it over (a crash mid-send). */
const SEND_LEASE_MS = 10 * 60_000;
type EmailType = EmailLog["emailType"];

export type SendEmailInput = {
  to: string;
  type: EmailType;
  template: string;
  params?: Record<string, unknown>;
  userId?: string | null;
  alertId?: string | null;
  triggerId?: string | null;
  headers?: Record<string, string>;
};

/** Back-off after `attempts` failed attempts (see RETRY_DELAYS_MS). */
export function retryDelayMs(attempts: number): number {
  return RETRY_DELAYS_MS[Math.min(Math.max(attempts, 1), RETRY_DELAYS_MS.length) - 1]!;
}

/**
 * Records an email in email_log (queued) inside the caller's transaction when one is given,
 * without sending it. Use with `deliverLogged(id)` after the transaction commits, so an email is
 * never sent for work that was rolled back and never lost for work that was committed.
 */
export async function queueEmail(input: SendEmailInput, tx: DbOrTx = db): Promise<string> {
  const params = input.params ?? {};
  const { subject } = renderTemplate(input.template, params, { appUrl: env().APP_URL });
  const [row] = await tx
    .insert(emailLog)
    .values({
      userId: input.userId ?? null,
      recipientEmail: input.to.toLowerCase(),
      emailType: input.type,
      subject: subject.slice(0, 255),
      alertId: input.alertId ?? null,
      triggerId: input.triggerId ?? null,
      template: input.template,
      templateParams: { ...params, ...(input.headers ? { __headers: input.headers } : {}) },
      status: "queued",
      // The retrier picks a queued email up only if the immediate send never happened (a crash).
      nextAttemptAt: new Date(Date.now() + 2 * 60_000),
    })
    .returning({ id: emailLog.id });
  return row!.id;
}

/**
 * Link secrets in an email's params (a verification or reset token): kept only until the email
 * is sent, since only their hashes may stay in the database (email_log is in every backup). An
 * email not sent yet (failed, bounced) keeps its link for a retry; the link expires anyway.
 */
const SECRET_PARAMS = ["token"] as const;
const withoutSecrets = sql`${emailLog.templateParams} - ${sql.raw(`'{${SECRET_PARAMS.join(",")}}'::text[]`)}`;

/**
 * Takes an email for sending: counts the attempt and leases the row, in one statement that
 * succeeds only while the row still has the attempt count the caller knows it to have (0 for
 * one it has just queued; what the retrier's claim read). Whoever takes it first sends it; any
 * other sender, now or later, finds the count moved on. So the immediate send, the retrier and
 * an admin's retry, on any number of workers, never send one email twice, and a sender that
 * dies mid-send leaves the row to the retrier once the lease ends.
 */
async function takeForSending(id: string, attemptsSoFar: number): Promise<{ row: EmailLog | null; taken: boolean }> {
  const [taken] = await db
    .update(emailLog)
    // Back to queued while on its way: an admin's retry (which takes only failed or bounced
    // emails) can't start a second send of it meanwhile.
    .set({ status: "queued", attempts: attemptsSoFar + 1, nextAttemptAt: new Date(Date.now() + SEND_LEASE_MS), updatedAt: new Date() })
    .where(and(eq(emailLog.id, id), inArray(emailLog.status, ["queued", "failed"]), eq(emailLog.attempts, attemptsSoFar)))
    .returning();
  if (taken) return { row: taken, taken: true };
  const [row] = await db.select().from(emailLog).where(eq(emailLog.id, id)).limit(1);
  return { row: row ?? null, taken: false };
}

/** Records a send the mail server accepted; a few tries, since a failure here means a resend later. */
async function recordSent(id: string, result: { provider: string; messageId: string }): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await db
        .update(emailLog)
        .set({ status: "sent", sentAt: new Date(), provider: result.provider, providerMessageId: result.messageId, errorMessage: null, nextAttemptAt: null, templateParams: withoutSecrets, updatedAt: new Date() })
        .where(eq(emailLog.id, id));
      return;
    } catch (err) {
      if (attempt >= 3) {
        // The mail is out; only our record of it is missing. Left leased, the retrier would send
        // it again when the lease ends: said loudly, since nothing else can tell.
        console.error(`[email] ${id} was sent (${result.messageId}) but could not be recorded; it may be sent again`, err);
        return;
      }
      await new Promise((r) => setTimeout(r, 500 * 3 ** attempt));
    }
  }
}

/**
 * Sends a logged email now and records the outcome: sent (with the provider's message id),
 * failed (attempts counted, next attempt scheduled) or bounced (the recipient refused for good).
 * Never throws for a delivery failure, so a down mail server cannot block sign-up or alerts.
 * `attemptsSoFar`: the row's attempt count as the caller knows it (0 for an email it has just
 * queued). An email another sender has taken is left to it (its current status comes back).
 */
export async function deliverLogged(id: string, attemptsSoFar = 0): Promise<EmailLog["status"]> {
  const { row, taken } = await takeForSending(id, attemptsSoFar);
  if (!row) return "failed";
  if (!taken) return row.status;
  // A failing check sends anyway: the email was wanted when queued.
  const unwanted = await whyNotWanted(row).catch(() => null);
  if (unwanted) {
    await db.update(emailLog).set({ status: "failed", errorMessage: unwanted, nextAttemptAt: null, updatedAt: new Date() }).where(eq(emailLog.id, id));
    return "failed";
  }
  const { __headers, ...params } = row.templateParams as Record<string, unknown> & { __headers?: Record<string, string> };
  let result: { provider: string; messageId: string };
  try {
    const { APP_URL, AUTH_SECRET } = env();
    const rendered = addTracking(renderTemplate(row.template, { ...params, __emailId: row.id }, { appUrl: APP_URL }), {
      appUrl: APP_URL,
      secret: AUTH_SECRET,
      emailId: row.id,
    });
    result = await deliver({ to: row.recipientEmail, ...rendered, headers: __headers }, row.id);
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    const permanent = err instanceof PermanentDeliveryError;
    const giveUp = permanent || row.attempts >= MAX_EMAIL_ATTEMPTS;
    await db
      .update(emailLog)
      .set({
        status: permanent ? "bounced" : "failed",
        errorMessage: message.slice(0, 2000),
        // Kept for a retry (an admin may retry a bounce too); the link expires on its own.
        nextAttemptAt: giveUp ? null : new Date(Date.now() + retryDelayMs(row.attempts)),
        updatedAt: new Date(),
      })
      .where(eq(emailLog.id, id))
      // The database failing too: the lease lets the retrier try again later.
      .catch((dbErr: unknown) => console.error(`[email] ${id}: send failed (${message}) and could not be recorded`, dbErr));
    return permanent ? "bounced" : "failed";
  }
  await recordSent(id, result);
  return "sent";
}

/** Queue and send at once. Returns the email_log id and the outcome. */
export async function sendEmail(input: SendEmailInput): Promise<{ id: string; status: EmailLog["status"] }> {
  const id = await queueEmail(input);
  return { id, status: await deliverLogged(id) };
}

/**
 * Retries failed (and stuck queued) emails whose next attempt is due, up to MAX_EMAIL_ATTEMPTS,
 * in batches until none is due or `budgetMs` is spent (the job runs every 5 minutes: a backlog
 * left by an outage drains in the next runs, not 100 every 5 minutes). Each batch is claimed by
 * pushing next_attempt_at forward under SKIP LOCKED, and each email is then taken by
 * deliverLogged, so two workers never send the same email twice.
 */
export async function retryDueEmails(opts: { batch?: number; budgetMs?: number } = {}): Promise<{ retried: number; sent: number }> {
  const deadline = Date.now() + (opts.budgetMs ?? 4 * 60_000);
  let retried = 0;
  let sent = 0;
  do {
    const claimed = await claimDue(opts.batch ?? 100);
    if (claimed.length === 0) break;
    retried += claimed.length;
    for (const { id, attempts } of claimed) if ((await deliverLogged(id, attempts)) === "sent") sent++;
  } while (Date.now() < deadline);
  return { retried, sent };
}

async function claimDue(limit: number): Promise<{ id: string; attempts: number }[]> {
  return db.transaction(async (tx) => {
    const due = await tx
      .select({ id: emailLog.id, attempts: emailLog.attempts })
      .from(emailLog)
      .where(and(inArray(emailLog.status, ["failed", "queued"]), lte(emailLog.nextAttemptAt, new Date()), sql`${emailLog.attempts} < ${MAX_EMAIL_ATTEMPTS}`))
      .orderBy(emailLog.nextAttemptAt)
      .limit(limit)
      .for("update", { skipLocked: true });
    if (due.length === 0) return [];
    await tx
      .update(emailLog)
      .set({ nextAttemptAt: new Date(Date.now() + SEND_LEASE_MS) })
      .where(inArray(emailLog.id, due.map((d) => d.id)));
    return due;
  });
}
