/**
 * The database circuit breaker's state and its error classification, without imports: lib/errors.ts
 * (which client components may import) uses it too. db/availability.ts adds the probe.
 *
 * State lives on globalThis: the proxy and the app's pages and routes are bundled separately but
 * run in the same Node process, and all of them must see one breaker.
 */
export type Breaker = { down: boolean; downSince: number | null; lastProbe: number; probing: boolean; probe?: { url: string; sql: { end(o: { timeout: number }): Promise<void> } } };
const g = globalThis as unknown as { __refiDbBreaker?: Breaker };
export const breakerState = (): Breaker => (g.__refiDbBreaker ??= { down: false, downSince: null, lastProbe: 0, probing: false });

// postgres.js and Node error codes that mean "no usable connection", not "bad query".
const CONNECTION_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EPIPE",
  "ENOTFOUND",
  "EHOSTUNREACH",
  "CONNECTION_ENDED",
  "CONNECTION_CLOSED",
  "CONNECTION_DESTROYED",
  "CONNECT_TIMEOUT",
  "57P01", // admin_shutdown
  "57P02", // crash_shutdown
  "57P03", // cannot_connect_now (starting up / shutting down)
]);

// What trips the breaker: the server refuses connections or is shutting down. A timeout says
// "slow" (a CPU-starved process misses them too), and one closed or reset socket is often a stale
// pooled connection after a restart (the driver reconnects): those answer 503 but do not trip it.
const DOWN_CODES = new Set(["ECONNREFUSED", "ENOTFOUND", "EHOSTUNREACH", "57P01", "57P02", "57P03"]);

function connectionCode(err: unknown): string | null {
  let e: unknown = err;
  for (let depth = 0; e && typeof e === "object" && depth < 6; depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === "string" && (CONNECTION_CODES.has(code) || code.startsWith("08"))) return code;
    const errors = (e as { errors?: unknown }).errors; // AggregateError (IPv4 + IPv6 refused)
    if (Array.isArray(errors)) for (const inner of errors) if (connectionCode(inner)) return connectionCode(inner);
    e = (e as { cause?: unknown }).cause;
  }
  return null;
}

/** Whether an error (or one of its causes) says the database cannot be reached (now). */
export function isConnectionError(err: unknown): boolean {
  return connectionCode(err) !== null;
}

/** Whether it says the database is down — refused or cut off — rather than merely slow. */
export function isDatabaseDownError(err: unknown): boolean {
  const code = connectionCode(err);
  return code !== null && DOWN_CODES.has(code);
}

/** The error's connection code, for logs. */
export function connectionErrorCode(err: unknown): string | null {
  return connectionCode(err);
}


export function markDatabaseDown(): void {
  const s = breakerState();
  if (!s.down) {
    s.down = true;
    s.downSince = Date.now();
    console.error("database unreachable: answering 503 until it is back");
  }
}

export function markDatabaseUp(): void {
  const s = breakerState();
  if (s.down) console.info(`database reachable again after ${Math.round((Date.now() - (s.downSince ?? Date.now())) / 1000)} s`);
  s.down = false;
  s.downSince = null;
}

/**
 * A request failed because the database refused or dropped it: ask for a probe now (the next
 * availability check runs it). Only the probe, on a fresh connection, decides that the database
 * is down: requests that waited in the driver's queue while it was down keep failing with old
 * errors (57P01, 57P03) for seconds after it is back, and must not trip the breaker again.
 * Returns whether the error was such a signal.
 */
export function noteDatabaseError(err: unknown): boolean {
  if (!isDatabaseDownError(err)) return false;
  breakerState().lastProbe = 0;
  return true;
}

/** For tests: the breaker's state. */
export function databaseBreakerState(): { down: boolean; downSince: number | null } {
  const s = breakerState();
  return { down: s.down, downSince: s.downSince };
}
