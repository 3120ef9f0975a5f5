import { env } from "@/lib/env";
import { openDb, type Db, type DbHandle } from "./client";

export { queryRows, type Db, type DbOrTx } from "./client";

// One handle per process. Kept on globalThis so `next dev` reloads don't open PGlite twice
// (only one PGlite may open a data folder at a time).
const globalForDb = globalThis as unknown as { __refiDb?: DbHandle };

/** The app's database: PostgreSQL when DATABASE_URL is set, the embedded PGlite otherwise. */
export function getDbHandle(): DbHandle {
  if (!globalForDb.__refiDb) {
    const e = env();
    globalForDb.__refiDb = e.DATABASE_URL ? openDb({ url: e.DATABASE_URL }) : openDb({ pgliteDir: e.PGLITE_DIR });
  }
  return globalForDb.__refiDb;
}

export async function closeDb(): Promise<void> {
  const handle = globalForDb.__refiDb;
  globalForDb.__refiDb = undefined;
  await handle?.close();
}

/** Lazy proxy: importing `db` opens nothing until the first query. */
export const db: Db = new Proxy({} as Db, {
  get(_target, prop) {
    const real = getDbHandle().db;
    const value = Reflect.get(real, prop, real);
    return typeof value === "function" ? value.bind(real) : value;
  },
});
