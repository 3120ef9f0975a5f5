import { createServer, type AddressInfo } from "node:net";
import postgres from "postgres";
import { afterEach, describe, expect, it } from "vitest";
import { errorResponse } from "@/lib/errors";
import { breakerState, databaseBreakerState, isConnectionError, isDatabaseDownError, noteDatabaseError } from "./breaker";

async function closedPort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer();
    s.listen(0, "127.0.0.1", () => {
      const { port } = s.address() as AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

/** The error postgres.js really throws when nothing listens, wrapped the way drizzle wraps it. */
async function refusedError(): Promise<unknown> {
  const sql = postgres(`postgres://postgres@127.0.0.1:${await closedPort()}/x`, { max: 1, connect_timeout: 2, onnotice: () => {} });
  try {
    await sql`SELECT 1`;
    throw new Error("expected the connection to be refused");
  } catch (err) {
    return Object.assign(new Error("Failed query: SELECT 1"), { cause: err });
  } finally {
    await sql.end({ timeout: 0 });
  }
}

// Each test starts with a closed breaker and no recent recovery.
afterEach(() => void Object.assign(breakerState(), { down: false, downSince: null, lastProbe: 0 }));

describe("database breaker", () => {
  it("a refused connection is a connection error that calls for a probe; a query error is neither", async () => {
    const refused = await refusedError();
    expect(isConnectionError(refused)).toBe(true);
    expect(isDatabaseDownError(refused)).toBe(true);
    const syntax = Object.assign(new Error("syntax error"), { code: "42601" });
    expect(isConnectionError(syntax)).toBe(false);
    expect(noteDatabaseError(syntax)).toBe(false);
    expect(databaseBreakerState().down).toBe(false);
    breakerState().lastProbe = Date.now();
    expect(noteDatabaseError(refused)).toBe(true);
    // It asks for a probe now (only a fresh connection decides "down").
    expect(breakerState().lastProbe).toBe(0);
  });

  it("a timeout or a reset socket answers 503 but calls for no probe (slow, or one stale connection)", () => {
    for (const code of ["CONNECT_TIMEOUT", "ECONNRESET", "CONNECTION_CLOSED"]) {
      const err = Object.assign(new Error(code), { code });
      expect(isConnectionError(err)).toBe(true);
      expect(noteDatabaseError(err)).toBe(false);
    }
    expect(databaseBreakerState().down).toBe(false);
    // PostgreSQL shutting down (57P01 admin_shutdown) asks for a probe.
    expect(noteDatabaseError(Object.assign(new Error("terminating connection due to administrator command"), { code: "57P01" }))).toBe(true);
  });

  it("route handlers answer 503 with Retry-After for an unreachable database, 500 for anything else", async () => {
    const res = errorResponse(await refusedError());
    expect(res.status).toBe(503);
    expect(res.headers.get("retry-after")).toBe("5");
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe("unavailable");
    const other = errorResponse(new Error("boom"));
    expect(other.status).toBe(500);
  });
});
