import "server-only";
import { and, eq, inArray, lte, sql } from "drizzle-orm";
import { db, type DbOrTx } from "@/db";
import { emailLog, type EmailLog } from "@/db/schema";
import { env } from "@/lib/env";
import { renderTemplate } from "./templates";
import { addTracking } from "./tracking";
import { deliver, PermanentDeliveryError } from "./transport";

export const MAX_EMAIL_ATTEMPTS = 3;
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

/** Back-off before attempt n+1: 1 min, 5 min, 30 min. */
export function retryDelayMs(attempts: number): number {
  return [60_000, 5 * 60_000, 30 * 60_000][Math.min(attempts - 1, 2)] ?? 30 * 60_000;
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
 * Sends a logged email now and records the outcome: sent (with the provider's message id),
 * failed (attempts counted, next attempt scheduled) or bounced (permanent 5xx). Never throws for
 * a delivery failure, so a down mail server cannot block sign-up or alerts.
 */
export async function deliverLogged(id: string): Promise<EmailLog["status"]> {
  const [row] = await db.select().from(emailLog).where(eq(emailLog.id, id)).limit(1);
  if (!row || row.status === "sent" || row.status === "opened" || row.status === "clicked" || row.status === "bounced") {
    return row?.status ?? "failed";
  }
  const { __headers, ...params } = row.templateParams as Record<string, unknown> & { __headers?: Record<string, string> };
  const attempts = row.attempts + 1;
  try {
    const { APP_URL, AUTH_SECRET } = env();
    const rendered = addTracking(renderTemplate(row.template, { ...params, __emailId: row.id }, { appUrl: APP_URL }), {
      appUrl: APP_URL,
      secret: AUTH_SECRET,
      emailId: row.id,
    });
    const result = await deliver({ to: row.recipientEmail, ...rendered, headers: __headers }, row.id);
    await db
      .update(emailLog)
      .set({ status: "sent", sentAt: new Date(), attempts, provider: result.provider, providerMessageId: result.messageId, errorMessage: null, nextAttemptAt: null, templateParams: withoutSecrets })
      .where(eq(emailLog.id, id));
    return "sent";
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    const permanent = err instanceof PermanentDeliveryError;
    const giveUp = permanent || attempts >= MAX_EMAIL_ATTEMPTS;
    await db
      .update(emailLog)
      .set({
        status: permanent ? "bounced" : "failed",
        attempts,
        errorMessage: message.slice(0, 2000),
        // Kept for a retry (an admin may retry a bounce too); the link expires on its own.
        nextAttemptAt: giveUp ? null : new Date(Date.now() + retryDelayMs(attempts)),
      })
      .where(eq(emailLog.id, id));
    return permanent ? "bounced" : "failed";
  }
}

/** Queue and send at once. Returns the email_log id and the outcome. */
export async function sendEmail(input: SendEmailInput): Promise<{ id: string; status: EmailLog["status"] }> {
  const id = await queueEmail(input);
  return { id, status: await deliverLogged(id) };
}

/**
 * Retries failed (and stuck queued) emails whose next attempt is due, up to MAX_EMAIL_ATTEMPTS.
 * Rows are claimed by pushing next_attempt_at forward under SKIP LOCKED, so two workers never
 * send the same email twice.
 */
export async function retryDueEmails(limit = 100): Promise<{ retried: number; sent: number }> {
  const claimed = await db.transaction(async (tx) => {
    const due = await tx
      .select({ id: emailLog.id })
      .from(emailLog)
      .where(and(inArray(emailLog.status, ["failed", "queued"]), lte(emailLog.nextAttemptAt, new Date()), sql`${emailLog.attempts} < ${MAX_EMAIL_ATTEMPTS}`))
      .orderBy(emailLog.nextAttemptAt)
      .limit(limit)
      .for("update", { skipLocked: true });
    if (due.length === 0) return [];
    const ids = due.map((d) => d.id);
    await tx.update(emailLog).set({ nextAttemptAt: new Date(Date.now() + 10 * 60_000) }).where(inArray(emailLog.id, ids));
    return ids;
  });
  let sent = 0;
  for (const id of claimed) if ((await deliverLogged(id)) === "sent") sent++;
  return { retried: claimed.length, sent };
}
