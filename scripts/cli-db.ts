import path from "node:path";
import { openDb, type DbHandle } from "@/db/client";
import { env } from "@/lib/env";

/** Opens the configured database for a command-line tool (one connection is enough). */
export function openCliDb(): { handle: DbHandle; url?: string; label: string } {
  const e = env();
  if (e.DATABASE_URL) {
    return { handle: openDb({ url: e.DATABASE_URL }, { max: 2 }), url: e.DATABASE_URL, label: "PostgreSQL" };
  }
  return { handle: openDb({ pgliteDir: e.PGLITE_DIR }), label: `PGlite (${e.PGLITE_DIR})` };
}

export const backupsDir = () => path.join(env().DATA_DIR, "backups");

/** Runs a command's body, printing a clean error and exiting non-zero when it throws. */
export async function runCli(body: () => Promise<number | void>): Promise<void> {
  try {
    const code = await body();
    process.exit(code ?? 0);
  } catch (err) {
    console.error(`error: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  }
}
