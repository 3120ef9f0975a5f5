import { mkdirSync } from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import type { SQL } from "drizzle-orm";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import * as schema from "./schema";

/** The one database type the rest of the code sees, whichever driver is underneath. */
export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;
/** A transaction or the database itself: functions that may run inside a caller's transaction take this. */
export type DbOrTx = Parameters<Parameters<Db["transaction"]>[0]>[0] | Db;

export type DbHandle = {
  db: Db;
  kind: "pglite" | "postgres";
  /** PGlite instance, when embedded (for dumps). */
  pglite?: PGlite;
  close(): Promise<void>;
};

export type DbTarget = { url: string } | { pgliteDir: string } | { memory: true };

/** Opens a database: PostgreSQL through postgres.js for a URL, PGlite for a folder (or in memory). */
export function openDb(target: DbTarget, opts: { max?: number } = {}): DbHandle {
  if ("url" in target) {
    const client = postgres(target.url, {
      max: opts.max ?? 10,
      idle_timeout: 20,
      connect_timeout: 5,
      onnotice: () => {},
    });
    return {
      db: drizzlePostgres(client, { schema }) as unknown as Db,
      kind: "postgres",
      close: () => client.end({ timeout: 5 }),
    };
  }
  let pglite: PGlite;
  if ("pgliteDir" in target) {
    mkdirSync(path.dirname(path.resolve(target.pgliteDir)), { recursive: true });
    pglite = new PGlite(target.pgliteDir);
  } else {
    pglite = new PGlite();
  }
  return {
    db: drizzlePglite(pglite, { schema }) as unknown as Db,
    kind: "pglite",
    pglite,
    close: () => pglite.close(),
  };
}

/** Rows of a raw SQL query: postgres.js returns an array, PGlite `{ rows }`. */
export async function queryRows<T = Record<string, unknown>>(db: DbOrTx, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown;
  if (Array.isArray(result)) return result as T[];
  return ((result as { rows?: T[] }).rows ?? []) as T[];
}
