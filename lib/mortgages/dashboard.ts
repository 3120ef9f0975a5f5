import "server-only";
import { sql } from "drizzle-orm";
import { db as defaultDb, queryRows, type DbOrTx } from "@/db";
import { buildCard, type DashboardCard, type DashboardRow, type MarketRate } from "./dashboard-math";

type Row = {
  id: string;
  name: string;
  remaining_principal_cents: string | number;
  remaining_term: number;
  original_interest_rate: string;
  estimated_property_value_cents: string | number | null;
  snapshot_rate: string | null;
  snapshot_on: string | null;
  snapshot_principal_cents: string | number | null;
  snapshot_source: string | null;
  alert_id: string | null;
  alert_is_active: boolean | null;
  alert_paused_at: Date | string | null;
  alert_user_dismissed: boolean | null;
  alert_estimate_cost_cents: string | number | null;
  subscription_status: string | null;
  subscription_period_end: Date | string | null;
  last_triggered_at: Date | string | null;
};

const toDate = (v: Date | string | null) => (v === null ? null : v instanceof Date ? v : new Date(v));
const toNum = (v: string | number | null) => (v === null ? null : Number(v));

/**
 * Every card's data in ONE query, however many mortgages: the newest snapshot's rate, the
 * newest live alert with its subscription status and last trigger, each through a LATERAL
 * join (one index probe per mortgage inside the same statement, no query per card).
 */
export async function dashboardRows(userId: string, db: DbOrTx = defaultDb): Promise<DashboardRow[]> {
  const rows = await queryRows<Row>(
    db,
    sql`SELECT m.id, m.name, m.remaining_principal_cents, m.remaining_term,
          m.original_interest_rate::text AS original_interest_rate, m.estimated_property_value_cents,
          snap.current_rate::text AS snapshot_rate, snap.recorded_on::text AS snapshot_on,
          snap.current_remaining_principal_cents AS snapshot_principal_cents, snap.source::text AS snapshot_source,
          a.id AS alert_id, a.is_active AS alert_is_active, a.paused_at AS alert_paused_at, a.user_dismissed AS alert_user_dismissed,
          a.estimate_refinance_cost_cents AS alert_estimate_cost_cents,
          s.status::text AS subscription_status, s.current_period_end AS subscription_period_end, t.last_triggered_at
        FROM mortgages m
        LEFT JOIN LATERAL (
          SELECT current_rate, recorded_on, current_remaining_principal_cents, source FROM mortgage_tracking
          WHERE mortgage_id = m.id ORDER BY recorded_on DESC, created_at DESC LIMIT 1
        ) snap ON true
        LEFT JOIN LATERAL (
          SELECT id, is_active, paused_at, user_dismissed, estimate_refinance_cost_cents FROM alerts
          WHERE mortgage_id = m.id AND user_id = m.user_id AND deleted_at IS NULL
          ORDER BY created_at DESC LIMIT 1
        ) a ON true
        LEFT JOIN subscriptions s ON s.alert_id = a.id
        LEFT JOIN LATERAL (SELECT max(triggered_at) AS last_triggered_at FROM triggers WHERE alert_id = a.id) t ON true
        WHERE m.user_id = ${userId} AND m.deleted_at IS NULL
        ORDER BY m.created_at, m.name`,
  );
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    remainingPrincipalCents: Number(r.remaining_principal_cents),
    remainingTerm: Number(r.remaining_term),
    currentRate: Number(r.snapshot_rate ?? r.original_interest_rate),
    estimatedPropertyValueCents: toNum(r.estimated_property_value_cents),
    // The balance came from the newest snapshot unless the owner edited it since.
    balanceRecordedOn: toNum(r.snapshot_principal_cents) === Number(r.remaining_principal_cents) && r.snapshot_source === "manual" ? r.snapshot_on : null,
    // Rolled forward by the schedule (lib/mortgages/roll-forward.ts) since the owner's last figure.
    balanceProjectedOn: toNum(r.snapshot_principal_cents) === Number(r.remaining_principal_cents) && r.snapshot_source === "projected" ? r.snapshot_on : null,
    alert: r.alert_id
      ? {
          id: r.alert_id,
          isActive: Boolean(r.alert_is_active),
          pausedAt: toDate(r.alert_paused_at),
          userDismissed: Boolean(r.alert_user_dismissed),
          estimateRefinanceCostCents: toNum(r.alert_estimate_cost_cents),
          subscription: r.subscription_status ? { status: r.subscription_status, currentPeriodEnd: toDate(r.subscription_period_end) } : null,
          lastTriggeredAt: toDate(r.last_triggered_at),
        }
      : null,
  }));
}

export interface Dashboard {
  cards: DashboardCard[];
  rates: MarketRate[];
}

/**
 * The dashboard: one query for the cards plus the latest rates (the page passes the cached
 * `latestRates`, so usually no query at all for them). Both run at once.
 */
export async function loadDashboard(
  userId: string,
  opts: { rates: () => Promise<MarketRate[]>; db?: DbOrTx },
): Promise<Dashboard> {
  const [rows, rates] = await Promise.all([dashboardRows(userId, opts.db ?? defaultDb), opts.rates()]);
  return { cards: rows.map((row) => buildCard(row, rates)), rates };
}
