import postgres from "postgres";
import { breakerState as state, connectionErrorCode, isDatabaseDownError, markDatabaseDown, markDatabaseUp } from "./breaker";

export { databaseBreakerState, isConnectionError, isDatabaseDownError, markDatabaseDown, markDatabaseUp, noteDatabaseError } from "./breaker";

/**
 * A small circuit breaker for the database. The probe marks PostgreSQL down when a fresh
 * connection is refused; a refused or cut-off query anywhere (a page, a route) asks for that
 * probe at once; while it is down the proxy answers 503 with Retry-After
 * for app paths instead of letting every request fail with a 500. A probe (SELECT 1 on its own
 * one-connection client, 2 s connect timeout) runs at most once a second and is never awaited by a
 * request, so nothing hangs; the first probe that succeeds marks the database up again.
 *
 * State lives on globalThis: the proxy and the app's pages are bundled separately but run in
 * the same Node process, and both must see one breaker.
 */
export const PROBE_INTERVAL_MS = 1000;
const PROBE_CONNECT_TIMEOUT_S = 2;
const PROBE_TIMEOUT_MS = 3000;

function probeClient(url: string): postgres.Sql {
  const s = state();
  if (s.probe?.url !== url) {
    void s.probe?.sql.end({ timeout: 0 });
    s.probe = { url, sql: postgres(url, { max: 1, connect_timeout: PROBE_CONNECT_TIMEOUT_S, idle_timeout: 5, onnotice: () => {} }) };
  }
  return s.probe.sql as postgres.Sql;
}

async function probe(url: string): Promise<void> {
  const s = state();
  s.probing = true;
  s.lastProbe = Date.now();
  let timer: NodeJS.Timeout | undefined;
  try {
    // Bounded: a probe stuck on a half-dead client must not stop all later probes (the breaker
    // would stay open forever). A timeout changes nothing but drops the client for a fresh one.
    await Promise.race([
      probeClient(url)`SELECT 1`,
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error("probe timed out")), PROBE_TIMEOUT_MS);
      }),
    ]);
    markDatabaseUp();
  } catch (err) {
    if (err instanceof Error && err.message === "probe timed out") {
      void s.probe?.sql.end({ timeout: 0 });
      s.probe = undefined;
    }
    // Refused (or shutting down / starting up): down. A timeout (a busy machine) leaves the
    // state as it is, and so does the shutdown notice (57P01) of the probe's own previous
    // connection, delivered late after a restart: the next probe, on a fresh connection, settles it.
    if (isDatabaseDownError(err) && connectionErrorCode(err) !== "57P01") markDatabaseDown();
    else console.error("database probe failed:", err instanceof Error ? err.message : err);
  } finally {
    clearTimeout(timer);
    s.probing = false;
  }
}

/**
 * Whether requests should reach the database: the breaker's current state, answered at once.
 * Starts a background probe when the last one is more than a second old (at most one at a time).
 * Without a PostgreSQL URL (embedded PGlite) the database is always available.
 */
export function databaseAvailable(url: string | undefined = process.env.DATABASE_URL): boolean {
  if (!url) return true;
  const s = state();
  if (!s.probing && Date.now() - s.lastProbe >= PROBE_INTERVAL_MS) void probe(url);
  return !s.down;
}

