import "server-only";
import { sql } from "drizzle-orm";
import { db as defaultDb, queryRows, type DbOrTx } from "@/db";
import { PRODUCT_LABELS, THIRTY_YEAR_FROM_MONTHS, type AlertProduct } from "./products";
import { sqlCurrencySign, sqlDisplayDate } from "./reason-format";

/** How long a trigger stays open (and can be acted on) before the expiry job retires it. */
export const TRIGGER_LIFETIME_DAYS = 14;
/** Used when a user has no preferences row. */
export const DEFAULT_RATE_DROP_THRESHOLD = 0.125;

export type SweepResult = { created: { id: string; alertId: string }[]; byProduct: Record<AlertProduct, number> };

/**
 * One set-based statement for both products: every monitored alert whose target the newest
 * published rate of its product meets gets a trigger, and its counters move, atomically.
 *
 * Monitored: active, not paused, dismissed or deleted (the partial index idx_alert_live's
 * predicate), mortgage and user live, subscription active or trialing, or past_due until its
 * period ends (grace). No second trigger while one is open (triggered/notified, not expired, not
 * past a snooze), unless the rate has since dropped by the user's min_rate_drop_threshold. The
 * unique key (alert_id, rate_type, market_date) makes the same rates fire an alert once, however
 * many sweeps run at once (ON CONFLICT DO NOTHING waits for the other's commit).
 *
 * Nested loops are switched off for this transaction: the statement joins every live alert
 * (100,000s) once, which hash joins do in linear time, while a nested loop chosen on stale
 * statistics (a triggers table last analyzed while empty) would rescan triggers per alert; and
 * work_mem is raised so those hash joins stay in memory.
 */
export async function sweepAlerts(db: DbOrTx = defaultDb): Promise<SweepResult> {
  const rows = await db.transaction(async (tx) => {
    await tx.execute(sql`SET LOCAL enable_nestloop = off`);
    // The hash tables of 100,000 alerts need ~8 MB each: with the default 4 MB they spill to disk.
    await tx.execute(sql`SET LOCAL work_mem = '32MB'`);
    return queryRows<{ id: string; alert_id: string; rate_type: AlertProduct }>(tx, sweepStatement());
  });
  const result: SweepResult = { created: [], byProduct: { "30_year_fixed": 0, "15_year_fixed": 0 } };
  for (const r of rows) {
    result.byProduct[r.rate_type]++;
    result.created.push({ id: r.id, alertId: r.alert_id });
  }
  return result;
}

export function sweepStatement() {
  const split = THIRTY_YEAR_FROM_MONTHS;
  // The reason is in the homeowner's currency sign and date format (reason-format.ts).
  const sign = sqlCurrencySign(sql`display_currency`);
  const day = sqlDisplayDate(sql`market_date`, sql`display_date_format`);
  // As formatPercent writes a rate everywhere else (the email's facts, the pages): 6.25, 6.875.
  const percent = (column: string) => sql.raw(`CASE WHEN ${column} = round(${column}, 2) THEN to_char(${column}, 'FM990.00') ELSE to_char(${column}, 'FM990.000') END`);
  // Payment (cents) on balance + refinance cost at the market rate over the target term:
  // P*i*(1+i)^n/((1+i)^n-1), P/n at 0 %, rounded to the cent as lib/alerts/evaluate.ts does.
  return sql`
    WITH latest AS (
      SELECT DISTINCT ON (rate_type) rate_type, date, rate FROM mortgage_rates
      WHERE rate_type IN ('30_year_fixed', '15_year_fixed')
      ORDER BY rate_type, date DESC
    ),
    live AS (
      SELECT a.id, a.alert_type, a.target_interest_rate, a.target_monthly_payment_cents, a.target_term,
             (m.remaining_principal_cents + coalesce(a.estimate_refinance_cost_cents, a.calculated_refinance_cost_cents, 0))::float8 AS financed,
             coalesce(p.min_rate_drop_threshold, ${DEFAULT_RATE_DROP_THRESHOLD}::numeric) AS drop_threshold,
             p.currency AS display_currency, p.date_format AS display_date_format,
             l.rate_type, l.date AS market_date, l.rate AS market_rate, l.rate::float8 / 1200 AS i
      FROM alerts a
      JOIN latest l ON l.rate_type = (CASE WHEN a.target_term >= ${split}::int THEN '30_year_fixed' ELSE '15_year_fixed' END)::rate_type
      JOIN mortgages m ON m.id = a.mortgage_id AND m.deleted_at IS NULL
      JOIN users u ON u.id = a.user_id AND u.deleted_at IS NULL AND u.is_active = TRUE
      JOIN subscriptions s ON s.alert_id = a.id
      LEFT JOIN user_preferences p ON p.user_id = a.user_id
      WHERE a.is_active = TRUE AND a.deleted_at IS NULL AND a.user_dismissed = FALSE AND a.paused_at IS NULL
        AND (s.status IN ('active', 'trialing') OR (s.status = 'past_due' AND s.current_period_end > now()))
    ),
    valued AS (
      SELECT live.*,
             CASE WHEN alert_type = 'interest_rate' THEN market_rate::numeric
                  ELSE round((CASE WHEN i = 0 THEN financed / target_term
                                   ELSE financed * i * power(1 + i, target_term) / (power(1 + i, target_term) - 1) END)::numeric) END AS current_cents_or_rate
      FROM live
    ),
    met AS (
      SELECT v.* FROM valued v
      WHERE (CASE WHEN v.alert_type = 'interest_rate' THEN v.market_rate <= v.target_interest_rate
                  ELSE v.current_cents_or_rate <= v.target_monthly_payment_cents END)
        AND NOT EXISTS (
          SELECT 1 FROM triggers t
          -- An open trigger, or one the owner dismissed (or acted on), keeps quiet until the rate
          -- falls by the owner's threshold below it, or it expires (14 days): dismissing says
          -- "seen", not "tell me again next week at the same rate".
          WHERE t.alert_id = v.id AND t.status IN ('triggered', 'notified', 'acknowledged')
            AND (t.expires_at IS NULL OR t.expires_at > now())
            AND (t.snoozed_until IS NULL OR t.snoozed_until > now())
            AND v.market_rate > t.market_rate - v.drop_threshold)
    ),
    ins AS (
      INSERT INTO triggers (alert_id, status, reason, triggered_at, threshold_value, current_value, expires_at, rate_type, market_date, market_rate)
      SELECT id, 'triggered',
             CASE WHEN alert_type = 'interest_rate' THEN
               format('The %s rate was %s%% in the week of %s, at or below your target of %s%%.',
                      CASE WHEN rate_type = '30_year_fixed' THEN ${PRODUCT_LABELS["30_year_fixed"]}::text ELSE ${PRODUCT_LABELS["15_year_fixed"]}::text END,
                      ${percent("market_rate")}, ${day}, ${percent("target_interest_rate")})
             ELSE
               format('At the %s rate of %s%% (week of %s), a %s-month loan of %s%s (balance plus refinance costs) costs %s%s a month, at or below your target of %s%s.',
                      CASE WHEN rate_type = '30_year_fixed' THEN ${PRODUCT_LABELS["30_year_fixed"]}::text ELSE ${PRODUCT_LABELS["15_year_fixed"]}::text END,
                      ${percent("market_rate")}, ${day}, target_term,
                      ${sign}, to_char(financed / 100, 'FM999,999,999,990.00'), ${sign}, to_char(current_cents_or_rate / 100, 'FM999,999,990.00'),
                      ${sign}, to_char(target_monthly_payment_cents / 100.0, 'FM999,999,990.00'))
             END,
             now(),
             -- A percent for a rate alert, cents for a payment alert (money stays in cents).
             CASE WHEN alert_type = 'interest_rate' THEN target_interest_rate ELSE target_monthly_payment_cents END,
             CASE WHEN alert_type = 'interest_rate' THEN market_rate ELSE current_cents_or_rate END,
             now() + make_interval(days => ${TRIGGER_LIFETIME_DAYS}::int),
             rate_type, market_date, market_rate
      FROM met
      ON CONFLICT (alert_id, rate_type, market_date) DO NOTHING
      RETURNING id, alert_id, rate_type, triggered_at
    ),
    counted AS (
      UPDATE alerts a
      SET total_triggers = a.total_triggers + 1,
          first_triggered_at = coalesce(a.first_triggered_at, ins.triggered_at),
          last_triggered_at = ins.triggered_at,
          updated_at = now()
      FROM ins WHERE a.id = ins.alert_id
      RETURNING a.id
    )
    SELECT ins.id, ins.alert_id, ins.rate_type FROM ins`;
}

/** Open triggers past expires_at become expired (one statement). Returns how many. */
export async function expireTriggers(db: DbOrTx = defaultDb): Promise<number> {
  const rows = await queryRows(
    db,
    sql`UPDATE triggers SET status = 'expired', updated_at = now()
        WHERE status IN ('triggered', 'notified') AND expires_at IS NOT NULL AND expires_at <= now()
        RETURNING id`,
  );
  return rows.length;
}
