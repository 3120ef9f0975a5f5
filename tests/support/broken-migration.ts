import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { MIGRATIONS_FOLDER } from "@/db/migrate";

export const BROKEN_TAG = "0099_broken_fixture";

/**
 * A copy of the real migrations folder plus one migration that creates a table, adds a column,
 * changes data, and then fails (division by zero): everything it did must be rolled back.
 */
export function migrationsWithBrokenOne(): string {
  const dir = mkdtempSync(path.join(tmpdir(), "refi-migrations-"));
  cpSync(MIGRATIONS_FOLDER, dir, { recursive: true });
  const journalPath = path.join(dir, "meta", "_journal.json");
  const journal = JSON.parse(readFileSync(journalPath, "utf8"));
  const last = journal.entries[journal.entries.length - 1];
  journal.entries.push({ ...last, idx: last.idx + 1, when: last.when + 1000, tag: BROKEN_TAG });
  writeFileSync(journalPath, JSON.stringify(journal, null, 2));
  writeFileSync(
    path.join(dir, `${BROKEN_TAG}.sql`),
    [
      `CREATE TABLE "broken_probe" ("id" integer);`,
      `ALTER TABLE "users" ADD COLUMN "broken_column" integer;`,
      `UPDATE "plans" SET "name" = 'changed by a broken migration';`,
      `SELECT 1 / 0;`,
    ].join("\n--> statement-breakpoint\n"),
  );
  return dir;
}
