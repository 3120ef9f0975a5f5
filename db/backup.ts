import { execFileSync } from "node:child_process";
import { createReadStream, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { createGunzip, gzipSync } from "node:zlib";
import { createInterface } from "node:readline";
import { PGlite } from "@electric-sql/pglite";
import { sql } from "drizzle-orm";
import { queryRows, type Db, type DbHandle } from "./client";
import { rowCounts, tablesInDependencyOrder } from "./inspect";
import { runMigrations } from "./migrate";

/** Finds a PostgreSQL client tool (pg_dump, pg_restore) on PATH or in Debian's versioned folders. */
export function findPgTool(tool: "pg_dump" | "pg_restore"): string | undefined {
  try {
    return execFileSync("which", [tool], { encoding: "utf8" }).trim() || undefined;
  } catch {
    const root = "/usr/lib/postgresql";
    if (!existsSync(root)) return undefined;
    const versions = readdirSync(root).sort((a, b) => Number(b) - Number(a));
    for (const v of versions) {
      const p = path.join(root, v, "bin", tool);
      if (existsSync(p)) return p;
    }
    return undefined;
  }
}

const stamp = () => new Date().toISOString().replace(/[:.]/g, "-");

export async function hasData(db: Db): Promise<boolean> {
  const counts = await rowCounts(db);
  return Object.values(counts).some((n) => n > 0);
}

/**
 * Backs up a database into `dir` and returns the file: pg_dump's custom format for PostgreSQL
 * when pg_dump is available, PGlite's data-folder dump for the embedded database, and a
 * portable JSON-lines dump (`logical`) otherwise or when asked.
 */
export async function backupDatabase(
  handle: DbHandle,
  opts: { dir: string; url?: string; format?: "native" | "logical" },
): Promise<string> {
  mkdirSync(opts.dir, { recursive: true });
  if (opts.format !== "logical") {
    if (handle.kind === "pglite" && handle.pglite) {
      const file = path.join(opts.dir, `pglite-${stamp()}.tar.gz`);
      await handle.pglite.waitReady;
      const blob = await handle.pglite.dumpDataDir("gzip");
      writeFileSync(file, Buffer.from(await blob.arrayBuffer()));
      return file;
    }
    const pgDump = findPgTool("pg_dump");
    if (handle.kind === "postgres" && opts.url && pgDump) {
      const file = path.join(opts.dir, `postgres-${stamp()}.dump`);
      execFileSync(pgDump, ["--format=custom", "--no-owner", "--no-privileges", `--file=${file}`, opts.url], { stdio: "pipe" });
      return file;
    }
  }
  return logicalBackup(handle.db, path.join(opts.dir, `logical-${stamp()}.jsonl.gz`));
}

/** One JSON line per table chunk: `{"table": name, "rows": [...]}`, gzipped. */
async function logicalBackup(db: Db, file: string): Promise<string> {
  const lines: string[] = [];
  for (const table of tablesInDependencyOrder()) {
    const rows = await queryRows<{ r: unknown }>(db, sql.raw(`SELECT row_to_json(t) AS r FROM "${table}" t`));
    for (let i = 0; i < rows.length; i += 2000) {
      lines.push(JSON.stringify({ table, rows: rows.slice(i, i + 2000).map((x) => x.r) }));
    }
  }
  writeFileSync(file, gzipSync(lines.join("\n")));
  return file;
}

/**
 * Restores a backup into an EMPTY database. For `.dump` files the target is a PostgreSQL URL;
 * for `.tar.gz` a PGlite data folder that does not exist yet; `.jsonl.gz` goes into any
 * migrated-or-empty database through `handle`.
 */
export async function restoreDatabase(
  file: string,
  target: { url?: string; pgliteDir?: string; handle?: DbHandle },
): Promise<void> {
  if (file.endsWith(".dump")) {
    const pgRestore = findPgTool("pg_restore");
    if (!pgRestore) throw new Error("pg_restore is not installed: install the postgresql-client package");
    if (!target.url) throw new Error("a .dump backup restores into PostgreSQL: set DATABASE_URL");
    execFileSync(pgRestore, ["--no-owner", "--no-privileges", "--exit-on-error", `--dbname=${target.url}`, file], { stdio: "pipe" });
    return;
  }
  if (file.endsWith(".tar.gz")) {
    if (!target.pgliteDir) throw new Error("a PGlite backup restores into an embedded data folder");
    if (existsSync(target.pgliteDir) && readdirSync(target.pgliteDir).length > 0) {
      throw new Error(`${target.pgliteDir} is not empty: move it aside first`);
    }
    const blob = new Blob([readFileSync(file)]);
    const pg = new PGlite(target.pgliteDir, { loadDataDir: blob });
    await pg.waitReady;
    await pg.close();
    return;
  }
  if (!target.handle) throw new Error("a logical backup needs an open database");
  await runMigrations(target.handle.db);
  const db = target.handle.db;
  await db.transaction(async (tx) => {
    const reader = createInterface({ input: createReadStream(file).pipe(createGunzip()) });
    for await (const line of reader) {
      if (!line.trim()) continue;
      const { table, rows } = JSON.parse(line) as { table: string; rows: unknown[] };
      await tx.execute(
        sql`INSERT INTO ${sql.identifier(table)} SELECT * FROM json_populate_recordset(NULL::${sql.identifier(table)}, ${JSON.stringify(rows)}::json)`,
      );
    }
  });
}

