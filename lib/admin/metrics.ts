import "server-only";
import { sql } from "drizzle-orm";
import { db, queryRows } from "@/db";
import { assertAdmin } from "./guard";

/** Days are UTC calendar days throughout (the worker, the backfill and the charts agree). */
export const BACKFILL_DAYS = 90;

const utcDay = (d: Date) => d.toISOString().slice(0, 10);
const addDays = (day: string, n: number) => utcDay(new Date(Date.parse(`${day}T00:00:00Z`) + n * 86400_000));

// A subscription counts as paying at instant t when it existed, got past "incomplete", and had
// not ended. Status history isn't stored, so an ended subscription is taken as paying until it
// ended; trials are not paying yet.
const payingAt = (t: ReturnType<typeof sql>) => sql`
  s.created_at < ${t}
  AND s.status NOT IN ('incomplete', 'incomplete_expired', 'trialing')
  AND CASE WHEN s.status IN ('active', 'past_due') THEN coalesce(s.ended_at, 'infinity') >= ${t}
           ELSE coalesce(s.ended_at, s.canceled_at, s.updated_at) >= ${t} END`;

// Yearly prices are normalised to a month: amount / 12.
const monthlyCents = sql`CASE s.interval WHEN 'year' THEN s.amount_cents / 12.0 ELSE s.amount_cents END`;

/**
 * Computes and upserts the daily_metrics rows for every day in [from, to], set-based: one
 * statement with generate_series and grouped range scans on the created-at indexes, so 90 days
 * cost about what one day costs.
 */
export async function refreshDailyMetrics(from: string, to: string): Promise<number> {
  const start = sql`(${from}::date)::timestamp AT TIME ZONE 'UTC'`;
  const end = sql`((${to}::date) + 1)::timestamp AT TIME ZONE 'UTC'`;
  const rows = await queryRows<{ day: string }>(
    db,
    sql`WITH days AS (
          SELECT g::date AS day, (g + interval '1 day') AT TIME ZONE 'UTC' AS day_end
          FROM generate_series(${from}::date::timestamp, ${to}::date::timestamp, interval '1 day') AS g
        ),
        signups AS (
          SELECT (created_at AT TIME ZONE 'UTC')::date AS day, count(*)::int AS n FROM users
          WHERE created_at >= ${start} AND created_at < ${end} GROUP BY 1
        ),
        verified AS (
          SELECT (email_verified_at AT TIME ZONE 'UTC')::date AS day, count(*)::int AS n FROM users
          WHERE email_verified AND email_verified_at >= ${start} AND email_verified_at < ${end} GROUP BY 1
        ),
        trig AS (
          SELECT (triggered_at AT TIME ZONE 'UTC')::date AS day, count(*)::int AS n FROM triggers
          WHERE triggered_at >= ${start} AND triggered_at < ${end} GROUP BY 1
        ),
        failed AS (
          SELECT (created_at AT TIME ZONE 'UTC')::date AS day, count(*)::int AS n FROM email_log
          WHERE status IN ('failed', 'bounced') AND created_at >= ${start} AND created_at < ${end} GROUP BY 1
        ),
        calc_counts AS (
          SELECT (created_at AT TIME ZONE 'UTC')::date AS day, calculation_type::text AS type, count(*)::int AS n FROM calculation_history
          WHERE created_at >= ${start} AND created_at < ${end} GROUP BY 1, 2
        ),
        calcs AS (SELECT day, jsonb_object_agg(type, n) AS by_type FROM calc_counts GROUP BY day),
        churn AS (
          SELECT (coalesce(ended_at, canceled_at) AT TIME ZONE 'UTC')::date AS day, count(*)::int AS n FROM subscriptions
          WHERE status = 'canceled' AND coalesce(ended_at, canceled_at) >= ${start} AND coalesce(ended_at, canceled_at) < ${end} GROUP BY 1
        ),
        paying AS (
          SELECT d.day, count(s.id)::int AS n, coalesce(round(sum(${monthlyCents})), 0)::bigint AS mrr
          FROM days d LEFT JOIN subscriptions s ON ${payingAt(sql`d.day_end`)}
          GROUP BY d.day
        )
        INSERT INTO daily_metrics (day, signups, verified_users, active_subscriptions, mrr_cents, churned, triggers, emails_failed, calculations_by_type, computed_at)
        SELECT d.day, coalesce(su.n, 0), coalesce(v.n, 0), p.n, p.mrr, coalesce(ch.n, 0), coalesce(t.n, 0), coalesce(f.n, 0), coalesce(c.by_type, '{}'::jsonb), now()
        FROM days d
        JOIN paying p ON p.day = d.day
        LEFT JOIN signups su ON su.day = d.day
        LEFT JOIN verified v ON v.day = d.day
        LEFT JOIN trig t ON t.day = d.day
        LEFT JOIN failed f ON f.day = d.day
        LEFT JOIN calcs c ON c.day = d.day
        LEFT JOIN churn ch ON ch.day = d.day
        ON CONFLICT (day) DO UPDATE SET
          signups = EXCLUDED.signups, verified_users = EXCLUDED.verified_users,
          active_subscriptions = EXCLUDED.active_subscriptions, mrr_cents = EXCLUDED.mrr_cents,
          churned = EXCLUDED.churned, triggers = EXCLUDED.triggers, emails_failed = EXCLUDED.emails_failed,
          calculations_by_type = EXCLUDED.calculations_by_type, computed_at = EXCLUDED.computed_at
        RETURNING day::text AS day`,
  );
  return rows.length;
}

/**
 * The `metrics.daily` job. First run: backfills the last 90 days. Later runs: recompute from the
 * day before the newest row up to today (yesterday's late events are counted, and days the
 * worker missed are filled in).
 */
export async function runDailyMetrics(now = new Date()): Promise<{ from: string; to: string; days: number }> {
  const today = utcDay(now);
  const [newest] = await queryRows<{ day: string | null }>(db, sql`SELECT max(day)::text AS day FROM daily_metrics`);
  const floor = addDays(today, -(BACKFILL_DAYS - 1));
  const from = newest?.day ? [addDays(newest.day, -1), floor].sort().at(-1)! : floor;
  const days = await refreshDailyMetrics(from, today);
  return { from, to: today, days };
}

/**
 * For the overview page: recompute when today's row is missing or older than `maxAgeSeconds`.
 * The headline cards are live counts; the charts' today must agree with them, so the window is
 * short (recomputing two days is one set-based statement, a few ms).
 */
export async function ensureFreshMetrics(maxAgeSeconds = 60): Promise<void> {
  const [row] = await queryRows<{ fresh: boolean }>(
    db,
    sql`SELECT computed_at > now() - make_interval(secs => ${maxAgeSeconds}) AS fresh FROM daily_metrics WHERE day = (now() AT TIME ZONE 'UTC')::date`,
  );
  if (!row?.fresh) await runDailyMetrics();
}

export type MetricsDay = {
  day: string;
  signups: number;
  verifiedUsers: number;
  activeSubscriptions: number;
  mrrCents: number;
  churned: number;
  triggers: number;
  emailsFailed: number;
  calculationsByType: Record<string, number>;
};

export async function metricsSeries(actorId: string, days = BACKFILL_DAYS): Promise<MetricsDay[]> {
  await assertAdmin(actorId);
  const rows = await queryRows<Record<string, unknown>>(
    db,
    sql`SELECT day::text AS day, signups, verified_users, active_subscriptions, mrr_cents, churned, triggers, emails_failed, calculations_by_type
        FROM daily_metrics WHERE day > (now() AT TIME ZONE 'UTC')::date - ${days}::int ORDER BY day`,
  );
  return rows.map((r) => ({
    day: String(r.day),
    signups: Number(r.signups),
    verifiedUsers: Number(r.verified_users),
    activeSubscriptions: Number(r.active_subscriptions),
    mrrCents: Number(r.mrr_cents),
    churned: Number(r.churned),
    triggers: Number(r.triggers),
    emailsFailed: Number(r.emails_failed),
    calculationsByType: (typeof r.calculations_by_type === "string" ? JSON.parse(r.calculations_by_type) : r.calculations_by_type) as Record<string, number>,
  }));
}

export type Overview = {
  users: { total: number; verified: number; new7d: number };
  subscriptions: { active: number; pastDue: number; mrrCents: number; arrCents: number; churned30d: number; churnRate30d: number | null };
  triggers7d: number;
  emails7d: { total: number; failed: number };
  /**
   * Is the market data current? The newest 30-year week (what every page compares with) and the
   * newest rate import (scheduled fetch, upload or command line): when it failed, and why.
   */
  rates: { newestWeek: string | null; lastImport: { at: Date; source: string; error: string | null } | null; lastGoodImportAt: Date | null };
};

/** Live headline numbers: counts on indexed columns (created-at ranges, partial failed index). */
export async function overviewStats(actorId: string): Promise<Overview> {
  await assertAdmin(actorId);
  const [r] = await queryRows<Record<string, string | number | null>>(
    db,
    sql`SELECT
          (SELECT count(*) FROM users WHERE deleted_at IS NULL) AS users_total,
          (SELECT count(*) FROM users WHERE deleted_at IS NULL AND email_verified) AS users_verified,
          (SELECT count(*) FROM users WHERE deleted_at IS NULL AND created_at > now() - interval '7 days') AS users_new7d,
          (SELECT count(*) FROM subscriptions WHERE status = 'active') AS subs_active,
          (SELECT count(*) FROM subscriptions WHERE status = 'past_due') AS subs_past_due,
          -- The chart's rule (payingAt), so the MRR card and today's point on the chart agree: a
          -- past-due subscription is still billed and counts.
          (SELECT coalesce(round(sum(${monthlyCents})), 0) FROM subscriptions s WHERE ${payingAt(sql`now()`)}) AS mrr_cents,
          (SELECT count(*) FROM subscriptions WHERE status = 'canceled' AND coalesce(ended_at, canceled_at) > now() - interval '30 days') AS churned30d,
          (SELECT count(*) FROM subscriptions s WHERE ${payingAt(sql`now() - interval '30 days'`)}) AS paying_30d_ago,
          -- The churn rate's numerator is of the same cohort as its base: those paying 30 days ago
          -- (one started and cancelled within the window is churn, but not of that base).
          (SELECT count(*) FROM subscriptions s WHERE s.status = 'canceled' AND coalesce(s.ended_at, s.canceled_at) > now() - interval '30 days'
                                                 AND ${payingAt(sql`now() - interval '30 days'`)}) AS churned_of_base,
          (SELECT count(*) FROM triggers WHERE triggered_at > now() - interval '7 days') AS triggers7d,
          (SELECT count(*) FROM email_log WHERE created_at > now() - interval '7 days') AS emails7d,
          (SELECT count(*) FROM email_log WHERE status IN ('failed', 'bounced') AND created_at > now() - interval '7 days') AS failed7d,
          (SELECT max(date)::text FROM mortgage_rates WHERE rate_type = '30_year_fixed') AS newest_week,
          (SELECT to_json(started_at) FROM rate_ingest_runs ORDER BY started_at DESC LIMIT 1) AS last_import_at,
          -- A run that never finished (its process stopped mid-import) is a failure, not a success.
          (SELECT CASE WHEN finished_at IS NULL AND started_at < now() - interval '15 minutes' THEN 'The import did not finish: its process stopped.' ELSE error END
             FROM rate_ingest_runs ORDER BY started_at DESC LIMIT 1) AS last_import_error,
          (SELECT source FROM rate_ingest_runs ORDER BY started_at DESC LIMIT 1) AS last_import_source,
          (SELECT to_json(max(started_at)) FROM rate_ingest_runs WHERE error IS NULL AND finished_at IS NOT NULL) AS last_good_import_at`,
  );
  const n = (k: string) => Number(r?.[k] ?? 0);
  const text = (k: string) => (r?.[k] === null || r?.[k] === undefined ? null : String(r[k]));
  // to_json() gives an ISO string on both drivers (postgres.js and PGlite parse JSON columns).
  const instant = (v: unknown) => new Date(String(v));
  const mrr = n("mrr_cents");
  const base = n("paying_30d_ago");
  return {
    users: { total: n("users_total"), verified: n("users_verified"), new7d: n("users_new7d") },
    subscriptions: {
      active: n("subs_active"),
      pastDue: n("subs_past_due"),
      mrrCents: mrr,
      arrCents: mrr * 12,
      churned30d: n("churned30d"),
      churnRate30d: base > 0 ? n("churned_of_base") / base : null,
    },
    triggers7d: n("triggers7d"),
    emails7d: { total: n("emails7d"), failed: n("failed7d") },
    rates: {
      newestWeek: text("newest_week"),
      lastImport: r?.last_import_at ? { at: instant(r.last_import_at), source: text("last_import_source") ?? "", error: text("last_import_error") } : null,
      lastGoodImportAt: r?.last_good_import_at ? instant(r.last_good_import_at) : null,
    },
  };
}
