import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDb, queryRows, type DbHandle } from "./client";
import { MigrationError, runMigrations, loadMigrations } from "./migrate";
import { validateDatabase } from "./validate";
import { BROKEN_TAG, migrationsWithBrokenOne } from "@/tests/support/broken-migration";

// The embedded database (PGlite, in memory) takes the same migrations as PostgreSQL.
describe("migrations on PGlite", () => {
  let handle: DbHandle;
  beforeAll(() => {
    handle = openDb({ memory: true });
  });
  afterAll(() => handle.close());

  it("apply cleanly and validate", async () => {
    const applied = await runMigrations(handle.db);
    expect(applied).toEqual(loadMigrations().map((m) => m.tag));
    const report = await validateDatabase(handle.db);
    expect(report.problems).toEqual([]);
  }, 60_000);

  it("roll a broken migration back, leaving no trace", async () => {
    const error = await runMigrations(handle.db, { folder: migrationsWithBrokenOne() }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MigrationError);
    expect((error as MigrationError).migration).toBe(BROKEN_TAG);
    const probe = await queryRows(handle.db, sql`SELECT to_regclass('public.broken_probe')::text AS t`);
    expect(probe[0]).toEqual({ t: null });
  }, 60_000);
});
