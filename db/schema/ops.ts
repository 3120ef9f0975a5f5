import { sql } from "drizzle-orm";
import { bigint, check, date, index, integer, jsonb, pgTable, primaryKey, text, uniqueIndex, varchar } from "drizzle-orm/pg-core";
import { createdAt, id, tstz } from "./common";
import { jobStatus } from "./enums";

/**
 * ours: fixed-window counters for rate limits, kept in the database so a limit holds across
 * several app instances. One row per (key, window start).
 */
export const rateLimits = pgTable(
  "rate_limits",
  {
    key: varchar("key", { length: 200 }).notNull(),
    windowStart: tstz("window_start").notNull(),
    count: integer("count").notNull().default(0),
    expiresAt: tstz("expires_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.key, t.windowStart] }), index("idx_rate_limits_expires").on(t.expiresAt)],
);

/**
 * ours: the Postgres-backed job queue. Workers claim due jobs with FOR UPDATE SKIP LOCKED, so
 * several workers can run at once; `dedupe_key` makes a scheduled job exist once per slot.
 */
export const jobs = pgTable(
  "jobs",
  {
    id: id(),
    name: varchar("name", { length: 100 }).notNull(),
    payload: jsonb("payload").$type<Record<string, unknown>>().notNull().default({}),
    status: jobStatus("status").notNull().default("queued"),
    runAt: tstz("run_at").notNull().defaultNow(),
    attempts: integer("attempts").notNull().default(0),
    maxAttempts: integer("max_attempts").notNull().default(3),
    lockedAt: tstz("locked_at"),
    lockedBy: varchar("locked_by", { length: 100 }),
    lastError: text("last_error"),
    dedupeKey: varchar("dedupe_key", { length: 200 }),
    finishedAt: tstz("finished_at"),
    createdAt: createdAt(),
  },
  (t) => [
    index("idx_jobs_due").on(t.runAt).where(sql`${t.status} = 'queued'`),
    index("idx_jobs_running").on(t.lockedAt).where(sql`${t.status} = 'running'`),
    uniqueIndex("uq_jobs_dedupe").on(t.dedupeKey),
    check("ck_jobs_attempts", sql`${t.attempts} >= 0`),
  ],
);

/** ours: one row per day, filled by the worker, for the admin charts. */
export const dailyMetrics = pgTable("daily_metrics", {
  day: date("day", { mode: "string" }).primaryKey(),
  signups: integer("signups").notNull().default(0),
  verifiedUsers: integer("verified_users").notNull().default(0),
  activeSubscriptions: integer("active_subscriptions").notNull().default(0),
  mrrCents: bigint("mrr_cents", { mode: "number" }).notNull().default(0),
  churned: integer("churned").notNull().default(0),
  triggers: integer("triggers").notNull().default(0),
  emailsFailed: integer("emails_failed").notNull().default(0),
  calculationsByType: jsonb("calculations_by_type").$type<Record<string, number>>().notNull().default({}),
  computedAt: tstz("computed_at").notNull().defaultNow(),
});
