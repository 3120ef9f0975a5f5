import "server-only";
import { sql } from "drizzle-orm";
import { db as defaultDb, queryRows, type DbOrTx } from "@/db";
import { RateLimitError } from "@/lib/errors";

/**
 * Fixed-window rate limits kept in the database (`rate_limits`), so a limit holds across every
 * app instance and restart. One upsert per attempt: concurrent attempts each get their own
 * count from PostgreSQL (the row lock serialises them), so exactly `limit` of them are allowed.
 *
 * Every attempt counts, refused ones too: hammering past the limit does not open the window
 * again sooner. Windows are aligned to the epoch (a 1-hour window runs 10:00-11:00).
 */
export type RateLimitResult = {
  allowed: boolean;
  /** Attempts in this window so far, this one included. */
  count: number;
  limit: number;
  remaining: number;
  /** When the current window ends and the count starts again. */
  resetAt: Date;
  /** Whole seconds until resetAt (at least 1), for a Retry-After header. */
  retryAfterSeconds: number;
};

export type RateLimitOptions = {
  /** The clock, for tests; the app uses the current time. */
  now?: Date;
  /** A transaction to run in (defaults to the app's database). */
  db?: DbOrTx;
};

const MAX_KEY_LENGTH = 200; // the column's length

function checkArguments(key: string, limit: number, windowSeconds: number) {
  if (typeof key !== "string" || key.length === 0 || key.length > MAX_KEY_LENGTH) {
    throw new TypeError(`rate limit key must be 1-${MAX_KEY_LENGTH} characters`);
  }
  if (!Number.isSafeInteger(limit) || limit < 1) throw new TypeError(`rate limit must be a whole number >= 1, got ${limit}`);
  if (!Number.isSafeInteger(windowSeconds) || windowSeconds < 1) {
    throw new TypeError(`rate limit window must be whole seconds >= 1, got ${windowSeconds}`);
  }
}

/** Counts one attempt for `key` and says whether it is within `limit` per `windowSeconds`. */
export async function consumeRateLimit(
  key: string,
  limit: number,
  windowSeconds: number,
  opts: RateLimitOptions = {},
): Promise<RateLimitResult> {
  checkArguments(key, limit, windowSeconds);
  const now = opts.now ?? new Date();
  const windowMs = windowSeconds * 1000;
  const windowStart = new Date(Math.floor(now.getTime() / windowMs) * windowMs);
  const resetAt = new Date(windowStart.getTime() + windowMs);
  const [row] = await queryRows<{ count: number }>(
    opts.db ?? defaultDb,
    sql`INSERT INTO rate_limits (key, window_start, count, expires_at)
        VALUES (${key}, ${windowStart.toISOString()}::timestamptz, 1, ${resetAt.toISOString()}::timestamptz)
        ON CONFLICT (key, window_start) DO UPDATE SET count = rate_limits.count + 1
        RETURNING count`,
  );
  const count = Number(row?.count ?? 1);
  return {
    allowed: count <= limit,
    count,
    limit,
    remaining: Math.max(0, limit - count),
    resetAt,
    retryAfterSeconds: Math.max(1, Math.ceil((resetAt.getTime() - now.getTime()) / 1000)),
  };
}

/** Like consumeRateLimit, but throws RateLimitError (429, with Retry-After) when over the limit. */
export async function enforceRateLimit(
  key: string,
  limit: number,
  windowSeconds: number,
  message?: string,
  opts: RateLimitOptions = {},
): Promise<RateLimitResult> {
  const result = await consumeRateLimit(key, limit, windowSeconds, opts);
  if (!result.allowed) throw new RateLimitError(message, result.retryAfterSeconds);
  return result;
}

/** Deletes windows that have ended (for a periodic job); returns how many rows went. */
export async function pruneRateLimits(opts: RateLimitOptions = {}): Promise<number> {
  const now = opts.now ?? new Date();
  const rows = await queryRows<{ key: string }>(
    opts.db ?? defaultDb,
    sql`DELETE FROM rate_limits WHERE expires_at <= ${now.toISOString()}::timestamptz RETURNING key`,
  );
  return rows.length;
}
