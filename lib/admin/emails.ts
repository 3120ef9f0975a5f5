import "server-only";
import { eq, sql, type SQL } from "drizzle-orm";
import { db, queryRows } from "@/db";
import { emailLog, emailStatus, emailType } from "@/db/schema";
import { audit } from "@/lib/audit";
import { deliverLogged } from "@/lib/email";
import { ConflictError, NotFoundError } from "@/lib/errors";
import type { ActionState } from "@/lib/validated-action";
import { decodeCursor, keysetPage } from "./cursor";
import { assertAdmin, type AdminCtx } from "./guard";

export const EMAIL_TYPES = emailType.enumValues;
export const EMAIL_STATUSES = emailStatus.enumValues;
export type EmailType = (typeof EMAIL_TYPES)[number];
export type EmailStatus = (typeof EMAIL_STATUSES)[number];

export type EmailListParams = {
  type?: EmailType | null;
  /** "problems" (failed + bounced, the default view), one status, or "all". */
  status?: EmailStatus | "problems" | "all" | null;
  cursor?: string | null;
  limit?: number;
};

export type EmailRow = {
  id: string;
  userId: string | null;
  recipientEmail: string;
  emailType: EmailType;
  subject: string;
  status: EmailStatus;
  attempts: number;
  errorMessage: string | null;
  createdAt: string;
  sentAt: string | null;
};

type EmailLogRow = {
  id: string;
  user_id: string | null;
  recipient_email: string;
  email_type: EmailType;
  subject: string;
  status: EmailStatus;
  attempts: number;
  error_message: string | null;
  created_at: string;
  created_at_iso: string;
  sent_at: string | null;
};

/** The email list's statement (for the admin views and, through EXPLAIN, the tests of its plan). */
export function emailListQuery(where: SQL[], params: EmailListParams): { query: SQL; limit: number } {
  const limit = Math.min(Math.max(params.limit ?? 50, 1), 200);
  const cursor = decodeCursor(params.cursor);
  // created_at <= c is the indexable half of the keyset condition.
  if (cursor) where.push(sql`e.created_at <= ${cursor.at}::timestamptz AND (e.created_at < ${cursor.at}::timestamptz OR e.id < ${cursor.id}::uuid)`);
  if (params.type) where.push(sql`e.email_type = ${params.type}`);
  return {
    limit,
    query: sql`SELECT e.id, e.user_id, e.recipient_email, e.email_type, e.subject, e.status, e.attempts, e.error_message,
               e.created_at::text AS created_at,
               to_char(e.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS created_at_iso,
               to_char(e.sent_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS sent_at
        FROM email_log e
        WHERE ${where.length ? sql.join(where, sql` AND `) : sql`TRUE`}
        ORDER BY e.created_at DESC, e.id DESC
        LIMIT ${limit + 1}`,
  };
}

async function listEmails(where: SQL[], params: EmailListParams): Promise<{ rows: EmailRow[]; nextCursor: string | null }> {
  const { query, limit } = emailListQuery(where, params);
  const rows = await queryRows<EmailLogRow>(db, query);
  return keysetPage(rows, limit, (r) => r.created_at, (r): EmailRow => ({
    id: r.id,
    userId: r.user_id,
    recipientEmail: r.recipient_email,
    emailType: r.email_type,
    subject: r.subject,
    status: r.status,
    attempts: Number(r.attempts),
    errorMessage: r.error_message,
    createdAt: r.created_at_iso,
    sentAt: r.sent_at,
  }));
}

/**
 * Failed and bounced emails, newest first, keyset-paginated. An index on created_at answers it:
 * PostgreSQL reads idx_email_created backwards until it has a page of failures (a few % of all
 * mail), or the partial idx_email_failed_created where failures are rarer still; never the whole
 * log (lib/admin/query-plans.int.test.ts). Exported for the benchmark (1M email_log rows).
 */
export async function failedEmails(params: FailedEmailParams = {}) {
  return listEmails([failedStatus(params)], params);
}

type FailedEmailParams = Omit<EmailListParams, "status"> & { status?: "failed" | "bounced" | null };
const failedStatus = (params: FailedEmailParams) => (params.status ? sql`e.status = ${params.status}` : sql`e.status IN ('failed', 'bounced')`);

/** failedEmails' statement, for the tests of its plan. */
export const failedEmailsQuery = (params: FailedEmailParams = {}) => emailListQuery([failedStatus(params)], params).query;

/** The email log page: problems first by default; any status, or everything, on request. */
export async function emailLogPage(actorId: string, params: EmailListParams) {
  await assertAdmin(actorId);
  const status = params.status ?? "problems";
  if (status === "problems") return failedEmails({ ...params, status: null });
  if (status === "failed" || status === "bounced") return failedEmails({ ...params, status });
  return listEmails(status === "all" ? [] : [sql`e.status = ${status}`], params);
}

/**
 * Sends a failed or bounced email again now. Its attempts start over, so if this try fails too
 * the automatic retries (lib/email/send.ts: 1 min, 5 min, 30 min, ... 12 h) follow as for a new
 * email. One being sent right now is queued, not failed, so it is not taken twice.
 */
export async function retryEmail(actorId: string, { emailId }: { emailId: string }, ctx: AdminCtx = {}): Promise<ActionState> {
  await assertAdmin(actorId);
  const [row] = await db.select().from(emailLog).where(eq(emailLog.id, emailId)).limit(1);
  if (!row) throw new NotFoundError("No such email.");
  if (row.status !== "failed" && row.status !== "bounced") throw new ConflictError("Only failed or bounced emails can be retried.");
  const before = { status: row.status, attempts: row.attempts, errorMessage: row.errorMessage };
  const [claimed] = await db
    .update(emailLog)
    .set({ status: "queued", attempts: 0, nextAttemptAt: null, errorMessage: null, updatedAt: new Date() })
    .where(sql`${emailLog.id} = ${emailId} AND ${emailLog.status} IN ('failed', 'bounced')`)
    .returning({ id: emailLog.id });
  if (!claimed) throw new ConflictError("Someone else is retrying this email already.");
  const status = await deliverLogged(emailId);
  const [after] = await db.select().from(emailLog).where(eq(emailLog.id, emailId)).limit(1);
  await audit({
    actorId,
    action: "admin.email.retry",
    targetType: "email",
    targetId: emailId,
    before,
    after: { status: after?.status, attempts: after?.attempts, errorMessage: after?.errorMessage },
    ip: ctx.ip,
  });
  return status === "sent"
    ? { ok: true, message: `Sent to ${row.recipientEmail}.` }
    : { ok: false, message: `Still not delivered (${status}): ${after?.errorMessage ?? "unknown error"}` };
}
