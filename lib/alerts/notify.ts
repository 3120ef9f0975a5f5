import "server-only";
import { sql } from "drizzle-orm";
import { db, queryRows, type DbOrTx } from "@/db";
import { monitoredSubscriptionSql } from "@/lib/billing/status";
import { currentRateSql } from "@/lib/mortgages/current-rate";
import { deliverLogged, queueEmail } from "@/lib/email";
import { PRODUCT_LABELS, productForTerm } from "./products";
import { displayFormatOf } from "@/lib/format";
import { refiNumbers } from "./numbers";
import { unsubscribeHeaders, unsubscribePaths } from "./unsubscribe";

type Frequency = "instant" | "daily" | "weekly";

type PendingRow = {
  trigger_id: string;
  alert_id: string;
  user_id: string;
  email: string;
  name: string;
  mortgage_name: string;
  alert_type: "interest_rate" | "monthly_payment";
  target_interest_rate: string | null;
  target_monthly_payment_cents: string | null;
  target_term: number;
  cost_cents: string;
  remaining_principal_cents: string;
  remaining_term: number;
  current_rate: string;
  market_rate: string;
  market_date: string;
  current_value: string | null;
  reason: string;
  currency: string | null;
  date_format: string | null;
  triggered_at: string;
};

/** Which pending triggers to read: one page after `after` (instant), or all of some users' (digests). */
type PendingFilter = { after?: { at: string; id: string }; userIds?: string[]; limit?: number };

/**
 * Triggers not yet emailed whose owner wants `frequency`, with email on, whose alert is still
 * live, paid for (the sweep's own subscription rule: a subscription that lapsed since the
 * trigger stops its email too) and not acted on, and which have not expired. No time window:
 * a trigger waits for its email however late the job runs, until it expires (14 days).
 */
async function pendingTriggers(tx: DbOrTx, frequency: Frequency, filter: PendingFilter = {}): Promise<PendingRow[]> {
  return queryRows<PendingRow>(
    tx,
    sql`SELECT t.id AS trigger_id, a.id AS alert_id, u.id AS user_id, u.email, u.name, m.name AS mortgage_name,
               a.alert_type, a.target_interest_rate::text, a.target_monthly_payment_cents::text, a.target_term,
               coalesce(a.estimate_refinance_cost_cents, a.calculated_refinance_cost_cents, 0)::text AS cost_cents,
               m.remaining_principal_cents::text, m.remaining_term, (${currentRateSql("m")})::text AS current_rate,
               t.market_rate::text, t.market_date::text, t.current_value::text, t.reason,
               p.currency, p.date_format, t.triggered_at::text AS triggered_at
        FROM triggers t
        JOIN alerts a ON a.id = t.alert_id AND a.deleted_at IS NULL AND a.is_active AND NOT a.user_dismissed AND a.paused_at IS NULL
        JOIN mortgages m ON m.id = a.mortgage_id AND m.deleted_at IS NULL
        JOIN users u ON u.id = a.user_id AND u.deleted_at IS NULL AND u.is_active
        LEFT JOIN user_preferences p ON p.user_id = u.id
        WHERE t.notification_sent = FALSE AND t.status = 'triggered' AND t.user_action IS NULL
          AND (t.expires_at IS NULL OR t.expires_at > now())
          AND EXISTS (SELECT 1 FROM subscriptions s WHERE s.alert_id = a.id AND ${monitoredSubscriptionSql(sql`s.status`, sql`s.current_period_end`)})
          AND coalesce(p.email_notifications, TRUE)
          AND coalesce(p.alert_frequency, 'instant') = ${frequency}::alert_frequency
          ${filter.after ? sql`AND (t.triggered_at, t.id) > (${filter.after.at}::timestamptz, ${filter.after.id}::uuid)` : sql``}
          ${filter.userIds ? sql`AND u.id IN (${sql.join(filter.userIds.map((id) => sql`${id}::uuid`), sql`, `)})` : sql``}
        ORDER BY t.triggered_at, t.id
        ${filter.limit ? sql`LIMIT ${filter.limit}` : sql``}`,
  );
}

/** Users with triggers waiting for a `frequency` digest, a page at a time (keyset on the id). */
async function digestUsers(frequency: "daily" | "weekly", afterUserId: string | null, limit: number): Promise<string[]> {
  const rows = await queryRows<{ user_id: string }>(
    db,
    sql`SELECT DISTINCT a.user_id
        FROM triggers t
        JOIN alerts a ON a.id = t.alert_id
        LEFT JOIN user_preferences p ON p.user_id = a.user_id
        WHERE t.notification_sent = FALSE AND t.status = 'triggered' AND t.user_action IS NULL
          AND (t.expires_at IS NULL OR t.expires_at > now())
          AND coalesce(p.alert_frequency, 'instant') = ${frequency}::alert_frequency
          ${afterUserId ? sql`AND a.user_id > ${afterUserId}::uuid` : sql``}
        ORDER BY a.user_id
        LIMIT ${limit}`,
  );
  return rows.map((r) => r.user_id);
}

/** Sends queued emails one after another until `deadline`; the rest are left to email.retry (queued, due in 2 minutes). */
async function deliverUntil(emailIds: string[], deadline: number): Promise<number> {
  let sent = 0;
  for (const id of emailIds) {
    if (Date.now() >= deadline) break;
    if ((await deliverLogged(id)) === "sent") sent++;
  }
  return sent;
}

const PAGE = 500;
/** The sweep job runs hourly: sending stops well before the next one, and email.retry sends the rest. */
const DEFAULT_SEND_BUDGET_MS = 10 * 60_000;

/** The owner's currency and date format, stored with the email so a retry reads the same. */
const displayOf = (r: PendingRow) => displayFormatOf({ currency: r.currency, dateFormat: r.date_format });

/** The numbers an email shows for one trigger (JSON-serialisable: stored for re-sending). */
function triggerParams(r: PendingRow) {
  const marketRate = Number(r.market_rate);
  const numbers = refiNumbers({
    balanceCents: Number(r.remaining_principal_cents),
    currentRate: Number(r.current_rate),
    monthsLeft: r.remaining_term,
    marketRate,
    targetTerm: r.target_term,
    costCents: Number(r.cost_cents),
  });
  return {
    triggerId: r.trigger_id,
    mortgageName: r.mortgage_name,
    alertType: r.alert_type,
    rateLabel: PRODUCT_LABELS[productForTerm(r.target_term)],
    marketRate,
    marketDate: r.market_date,
    targetTerm: r.target_term,
    targetRate: r.target_interest_rate === null ? null : Number(r.target_interest_rate),
    targetPaymentCents: r.target_monthly_payment_cents === null ? null : Number(r.target_monthly_payment_cents),
    financedPaymentCents: r.alert_type === "monthly_payment" && r.current_value !== null ? Math.round(Number(r.current_value)) : null,
    reason: r.reason,
    numbers,
  };
}

/** Marks triggers notified (only those still unsent: a concurrent worker's get skipped) and counts the alert's notifications. */
async function claim(tx: DbOrTx, triggerIds: string[]): Promise<string[]> {
  const rows = await queryRows<{ id: string; alert_id: string }>(
    tx,
    sql`UPDATE triggers SET notification_sent = TRUE, notification_sent_at = now(), status = 'notified', updated_at = now()
        WHERE id IN (${sql.join(triggerIds.map((id) => sql`${id}::uuid`), sql`, `)}) AND notification_sent = FALSE
        RETURNING id, alert_id`,
  );
  const alertIds = [...new Set(rows.map((r) => r.alert_id))];
  if (alertIds.length) {
    await tx.execute(
      sql`UPDATE alerts SET notification_count = notification_count + 1, last_notification_sent_at = now(), updated_at = now()
          WHERE id IN (${sql.join(alertIds.map((id) => sql`${id}::uuid`), sql`, `)})`,
    );
  }
  return rows.map((r) => r.id);
}

function isUniqueViolation(err: unknown): boolean {
  for (let e = err as { code?: string; cause?: unknown } | undefined; e; e = e.cause as typeof e) if (e.code === "23505") return true;
  return false;
}

/**
 * `instant` users: one alert_notification email per trigger. Each is queued inside the
 * transaction that marks its trigger notified, a page at a time until none is left; then they
 * are sent until `budgetMs` is spent, and email.retry sends any left (a week when many alerts
 * fire at once, or a crash before sending).
 */
export async function notifyInstant(opts: { budgetMs?: number; pageSize?: number } = {}): Promise<{ queued: number; sent: number }> {
  const deadline = Date.now() + (opts.budgetMs ?? DEFAULT_SEND_BUDGET_MS);
  const emailIds: string[] = [];
  let after: PendingFilter["after"];
  for (;;) {
    const limit = opts.pageSize ?? PAGE;
    const page = await pendingTriggers(db, "instant", { after, limit });
    for (const row of page) {
      const id = await queueInstant(row);
      if (id) emailIds.push(id);
    }
    if (page.length < limit) break;
    const last = page[page.length - 1]!;
    after = { at: last.triggered_at, id: last.trigger_id };
  }
  return { queued: emailIds.length, sent: await deliverUntil(emailIds, deadline) };
}

async function queueInstant(row: PendingRow): Promise<string | null> {
  try {
    return await db.transaction(async (tx) => {
      if ((await claim(tx, [row.trigger_id])).length === 0) return null;
      return queueEmail(
        {
          to: row.email,
          type: "alert_notification",
          template: "alert-trigger",
          params: { name: row.name, display: displayOf(row), ...triggerParams(row), unsubscribePath: unsubscribePaths(row.user_id).page },
          userId: row.user_id,
          alertId: row.alert_id,
          triggerId: row.trigger_id,
          headers: unsubscribeHeaders(row.user_id),
        },
        tx,
      );
    });
  } catch (err) {
    // An email for this trigger already exists (the unique index): it was emailed; record that.
    if (!isUniqueViolation(err)) throw err;
    await db.transaction((tx) => claim(tx, [row.trigger_id]));
    return null;
  }
}

/**
 * `daily` / `weekly` users: one digest per user of every trigger waiting for it (no time
 * window: a trigger made just after the last digest ran is in the next one), users a page at a
 * time; sent until `budgetMs` is spent, the rest by email.retry.
 */
export async function sendDigests(frequency: "daily" | "weekly", opts: { budgetMs?: number; pageSize?: number } = {}): Promise<{ queued: number; sent: number }> {
  const deadline = Date.now() + (opts.budgetMs ?? DEFAULT_SEND_BUDGET_MS);
  const emailIds: string[] = [];
  let afterUser: string | null = null;
  for (;;) {
    const limit = opts.pageSize ?? PAGE;
    const userIds = await digestUsers(frequency, afterUser, limit);
    if (userIds.length === 0) break;
    const pending = await pendingTriggers(db, frequency, { userIds });
    const byUser = new Map<string, PendingRow[]>();
    for (const r of pending) byUser.set(r.user_id, [...(byUser.get(r.user_id) ?? []), r]);
    for (const [userId, rows] of byUser) {
      const id = await queueDigest(frequency, userId, rows);
      if (id) emailIds.push(id);
    }
    if (userIds.length < limit) break;
    afterUser = userIds[userIds.length - 1]!;
  }
  return { queued: emailIds.length, sent: await deliverUntil(emailIds, deadline) };
}

async function queueDigest(frequency: "daily" | "weekly", userId: string, rows: PendingRow[]): Promise<string | null> {
  return db.transaction(async (tx) => {
    const claimed = new Set(await claim(tx, rows.map((r) => r.trigger_id)));
    const items = rows.filter((r) => claimed.has(r.trigger_id));
    if (items.length === 0) return null;
    const newest = items[items.length - 1]!;
    return queueEmail(
      {
        to: newest.email,
        type: frequency === "daily" ? "daily_digest" : "weekly_digest",
        template: "alert-digest",
        params: { name: newest.name, display: displayOf(newest), frequency, items: items.map(triggerParams), unsubscribePath: unsubscribePaths(userId).page },
        userId,
        // email_log links one alert and trigger: the newest; every trigger id is in the params.
        alertId: newest.alert_id,
        triggerId: newest.trigger_id,
        headers: unsubscribeHeaders(userId),
      },
      tx,
    );
  });
}
