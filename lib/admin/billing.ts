import "server-only";
import { sql, type SQL } from "drizzle-orm";
import { db, queryRows } from "@/db";
import { invoiceStatus, subscriptionStatus } from "@/db/schema";
import { decodeCursor, keysetPage } from "./cursor";
import { assertAdmin } from "./guard";

export const SUBSCRIPTION_STATUSES = subscriptionStatus.enumValues;
export const INVOICE_STATUSES = invoiceStatus.enumValues;

type Page<T> = { rows: T[]; nextCursor: string | null };

function keyset(column: SQL, cursor: string | null | undefined): SQL | null {
  const c = decodeCursor(cursor);
  return c ? sql`${column} <= ${c.at}::timestamptz AND (${column} < ${c.at}::timestamptz OR x.id < ${c.id}::uuid)` : null;
}

function paginate<T extends { sort_at: string; id: string }>(rows: T[], limit: number): Page<T> {
  return keysetPage(rows, limit, (r) => r.sort_at, (r) => r);
}

export type SubscriptionRow = {
  id: string;
  sort_at: string;
  user_id: string;
  user_email: string;
  alert_id: string;
  mortgage_name: string | null;
  status: string;
  amount_cents: number;
  currency: string;
  interval: string;
  stripe_customer_id: string;
  stripe_subscription_id: string;
  stripe_price_id: string;
  current_period_end: string | null;
  /** When it ended (canceled now, or at its period end), for subscriptions that have. */
  ended_at: string | null;
  cancel_at_period_end: boolean;
  created_at: string;
};

export async function listSubscriptions(actorId: string, params: { status?: string | null; cursor?: string | null; limit?: number }): Promise<Page<SubscriptionRow>> {
  await assertAdmin(actorId);
  const limit = Math.min(Math.max(params.limit ?? 50, 1), 200);
  const where: SQL[] = [];
  if (params.status && (SUBSCRIPTION_STATUSES as readonly string[]).includes(params.status)) where.push(sql`x.status = ${params.status}`);
  const k = keyset(sql`x.created_at`, params.cursor);
  if (k) where.push(k);
  const rows = await queryRows<SubscriptionRow>(
    db,
    sql`SELECT x.id, x.created_at::text AS sort_at, x.user_id, u.email AS user_email, x.alert_id, m.name AS mortgage_name,
               x.status, x.amount_cents::int AS amount_cents, x.currency, x.interval, x.stripe_customer_id, x.stripe_subscription_id,
               x.stripe_price_id, to_char(x.current_period_end AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS current_period_end,
               to_char(coalesce(x.ended_at, x.canceled_at) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS ended_at,
               x.cancel_at_period_end, to_char(x.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS created_at
        FROM subscriptions x
        JOIN users u ON u.id = x.user_id
        JOIN alerts a ON a.id = x.alert_id
        LEFT JOIN mortgages m ON m.id = a.mortgage_id
        WHERE ${where.length ? sql.join(where, sql` AND `) : sql`TRUE`}
        ORDER BY x.created_at DESC, x.id DESC
        LIMIT ${limit + 1}`,
  );
  return paginate(rows, limit);
}

export type InvoiceRow = {
  id: string;
  sort_at: string;
  user_id: string;
  user_email: string;
  subscription_id: string;
  alert_id: string;
  stripe_invoice_id: string;
  stripe_payment_intent_id: string | null;
  amount_due_cents: number;
  amount_paid_cents: number;
  currency: string;
  status: string;
  invoice_date: string;
  paid_at: string | null;
  hosted_invoice_url: string | null;
};

export async function listInvoices(actorId: string, params: { status?: string | null; cursor?: string | null; limit?: number }): Promise<Page<InvoiceRow>> {
  await assertAdmin(actorId);
  const limit = Math.min(Math.max(params.limit ?? 50, 1), 200);
  const where: SQL[] = [];
  if (params.status && (INVOICE_STATUSES as readonly string[]).includes(params.status)) where.push(sql`x.status = ${params.status}`);
  const k = keyset(sql`x.invoice_date`, params.cursor);
  if (k) where.push(k);
  const rows = await queryRows<InvoiceRow>(
    db,
    sql`SELECT x.id, x.invoice_date::text AS sort_at, x.user_id, u.email AS user_email, x.subscription_id, s.alert_id,
               x.stripe_invoice_id, x.stripe_payment_intent_id, x.amount_due_cents::int AS amount_due_cents,
               x.amount_paid_cents::int AS amount_paid_cents, x.currency, x.status,
               to_char(x.invoice_date AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS invoice_date,
               to_char(x.paid_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS paid_at, x.hosted_invoice_url
        FROM invoices x
        JOIN users u ON u.id = x.user_id
        JOIN subscriptions s ON s.id = x.subscription_id
        WHERE ${where.length ? sql.join(where, sql` AND `) : sql`TRUE`}
        ORDER BY x.invoice_date DESC, x.id DESC
        LIMIT ${limit + 1}`,
  );
  return paginate(rows, limit);
}

export type TriggerRow = {
  id: string;
  sort_at: string;
  alert_id: string;
  alert_type: string;
  user_id: string;
  user_email: string;
  status: string;
  reason: string;
  threshold_value: string | null;
  current_value: string | null;
  rate_type: string;
  market_date: string;
  market_rate: string;
  notification_sent: boolean;
  triggered_at: string;
};

/** Recent triggers, newest first (idx_trigger_triggered_at), with their alert and owner. */
export async function listTriggers(actorId: string, params: { status?: string | null; cursor?: string | null; limit?: number }): Promise<Page<TriggerRow>> {
  await assertAdmin(actorId);
  const limit = Math.min(Math.max(params.limit ?? 50, 1), 200);
  const where: SQL[] = [];
  if (params.status && ["triggered", "notified", "acknowledged", "expired"].includes(params.status)) where.push(sql`x.status = ${params.status}`);
  const k = keyset(sql`x.triggered_at`, params.cursor);
  if (k) where.push(k);
  const rows = await queryRows<TriggerRow>(
    db,
    sql`SELECT x.id, x.triggered_at::text AS sort_at, x.alert_id, a.alert_type, a.user_id, u.email AS user_email, x.status, x.reason,
               x.threshold_value::text AS threshold_value, x.current_value::text AS current_value, x.rate_type,
               x.market_date::text AS market_date, x.market_rate::text AS market_rate, x.notification_sent,
               to_char(x.triggered_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS triggered_at
        FROM triggers x
        JOIN alerts a ON a.id = x.alert_id
        JOIN users u ON u.id = a.user_id
        WHERE ${where.length ? sql.join(where, sql` AND `) : sql`TRUE`}
        ORDER BY x.triggered_at DESC, x.id DESC
        LIMIT ${limit + 1}`,
  );
  return paginate(rows, limit);
}
