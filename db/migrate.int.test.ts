import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db, queryRows } from "@/db";
import { MigrationError, pendingMigrations, runMigrations } from "./migrate";
import { seedPlans } from "./seed";
import { validateDatabase } from "./validate";
import { BROKEN_TAG, migrationsWithBrokenOne } from "@/tests/support/broken-migration";

describe("migrations on PostgreSQL", () => {
  it("have all been applied and the schema validates (tables, indexes, FKs indexed, no orphans)", async () => {
    expect(await pendingMigrations(db)).toEqual([]);
    const report = await validateDatabase(db);
    expect(report.problems).toEqual([]);
    expect(Object.keys(report.counts)).toHaveLength(21);
  });

  it("running again applies nothing", async () => {
    expect(await runMigrations(db)).toEqual([]);
  });

  it("a failing migration is rolled back completely and named in the error", async () => {
    await seedPlans(db);
    const before = await queryRows<{ name: string }>(db, sql`SELECT name FROM plans ORDER BY code`);
    const folder = migrationsWithBrokenOne();

    const error = await runMigrations(db, { folder }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MigrationError);
    expect((error as MigrationError).migration).toBe(BROKEN_TAG);
    expect((error as Error).message).toContain(BROKEN_TAG);

    const probe = await queryRows(db, sql`SELECT to_regclass('public.broken_probe') AS t`);
    expect(probe[0]).toEqual({ t: null });
    const column = await queryRows(db, sql`SELECT 1 FROM information_schema.columns WHERE table_name = 'users' AND column_name = 'broken_column'`);
    expect(column).toHaveLength(0);
    expect(await queryRows(db, sql`SELECT name FROM plans ORDER BY code`)).toEqual(before);
    // still pending: nothing was recorded as applied
    expect((await pendingMigrations(db, folder)).map((m) => m.tag)).toEqual([BROKEN_TAG]);
  });
});
