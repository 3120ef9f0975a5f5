import { readFileSync } from "node:fs";
import path from "node:path";
import { sql } from "drizzle-orm";
import { readMigrationFiles } from "drizzle-orm/migrator";
import { queryRows, type Db } from "./client";

export const MIGRATIONS_FOLDER = path.resolve(process.cwd(), "drizzle");

export type MigrationFile = { tag: string; hash: string; folderMillis: number; statements: string[] };

export class MigrationError extends Error {
  constructor(
    readonly migration: string,
    readonly cause: unknown,
  ) {
    super(`Migration ${migration} failed and was rolled back: ${cause instanceof Error ? cause.message : String(cause)}`);
    this.name = "MigrationError";
  }
}

/** The migrations drizzle-kit generated, in journal order, with their tags. */
export function loadMigrations(folder = MIGRATIONS_FOLDER): MigrationFile[] {
  const journal = JSON.parse(readFileSync(path.join(folder, "meta", "_journal.json"), "utf8")) as {
    entries: { idx: number; tag: string; when: number }[];
  };
  const files = readMigrationFiles({ migrationsFolder: folder });
  return files.map((m, i) => ({
    tag: journal.entries[i]?.tag ?? `migration_${i}`,
    hash: m.hash,
    folderMillis: m.folderMillis,
    statements: m.sql.map((s) => s.trim()).filter(Boolean),
  }));
}

// Same bookkeeping table as drizzle's own migrators, so either can take over.
async function ensureJournalTable(db: Db) {
  await db.execute(sql`CREATE SCHEMA IF NOT EXISTS drizzle`);
  await db.execute(sql`CREATE TABLE IF NOT EXISTS drizzle.__drizzle_migrations (id SERIAL PRIMARY KEY, hash text NOT NULL, created_at bigint)`);
}

export async function appliedMigrations(db: Db): Promise<{ hash: string; created_at: string }[]> {
  await ensureJournalTable(db);
  return queryRows(db, sql`SELECT hash, created_at::text AS created_at FROM drizzle.__drizzle_migrations ORDER BY created_at`);
}

export async function pendingMigrations(db: Db, folder = MIGRATIONS_FOLDER): Promise<MigrationFile[]> {
  const applied = await appliedMigrations(db);
  const done = new Set(applied.map((a) => a.hash));
  const last = applied.reduce((max, a) => Math.max(max, Number(a.created_at)), 0);
  return loadMigrations(folder).filter((m) => !done.has(m.hash) && m.folderMillis > last);
}

/**
 * Applies pending migrations, each in its own transaction: a failing migration leaves schema
 * and data exactly as they were and throws a MigrationError naming it. Returns the tags applied.
 */
export async function runMigrations(
  db: Db,
  opts: { folder?: string; log?: (line: string) => void } = {},
): Promise<string[]> {
  const log = opts.log ?? (() => {});
  const pending = await pendingMigrations(db, opts.folder);
  const applied: string[] = [];
  for (const m of pending) {
    const started = Date.now();
    try {
      await db.transaction(async (tx) => {
        for (const statement of m.statements) await tx.execute(sql.raw(statement));
        await tx.execute(
          sql`INSERT INTO drizzle.__drizzle_migrations (hash, created_at) VALUES (${m.hash}, ${m.folderMillis})`,
        );
      });
    } catch (err) {
      throw new MigrationError(m.tag, err);
    }
    applied.push(m.tag);
    log(`applied ${m.tag} (${m.statements.length} statements, ${Date.now() - started} ms)`);
  }
  return applied;
}
