import { readFileSync } from "node:fs";
import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db, queryRows } from "@/db";
import { alerts, mortgages, triggers, users } from "@/db/schema";
import { MigrationError, pendingMigrations, runMigrations } from "./migrate";
import { seedPlans } from "./seed";
import { validateDatabase } from "./validate";
import { BROKEN_TAG, migrationsWithBrokenOne } from "@/tests/support/broken-migration";

describe("migrations on PostgreSQL", () => {
  it("have all been applied and the schema validates (tables, indexes, FKs indexed, no orphans)", async () => {
    expect(await pendingMigrations(db)).toEqual([]);
    const report = await validateDatabase(db);
    expect(report.problems).toEqual([]);
    expect(Object.keys(report.counts)).toHaveLength(22);
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

  it("0002 moves payment alerts' trigger values from dollars to cents and leaves rate alerts' percents", async () => {
    const [u] = await db.insert(users).values({ email: "cents-migration@example.com", name: "Cents", passwordHash: "x" }).returning();
    const [m] = await db
      .insert(mortgages)
      .values({ userId: u!.id, name: "Home", zipCode: "12345", originalPrincipalCents: 40_000_000, originalTerm: 360, originalInterestRate: 4.5, remainingPrincipalCents: 36_463_166, remainingTerm: 300 })
      .returning();
    const [pay, rate] = await db
      .insert(alerts)
      .values([
        { userId: u!.id, mortgageId: m!.id, alertType: "monthly_payment", targetMonthlyPaymentCents: 210_050, targetTerm: 360 },
        { userId: u!.id, mortgageId: m!.id, alertType: "interest_rate", targetInterestRate: 5.875, targetTerm: 360 },
      ])
      .returning();
    // As the sweep wrote them before: dollars for the payment alert, percents for the rate alert.
    await db.insert(triggers).values([
      { alertId: pay!.id, reason: "r", rateType: "30_year_fixed", marketDate: "2026-01-08", marketRate: 5.5, thresholdValue: 2100.5, currentValue: 2043.17 },
      { alertId: rate!.id, reason: "r", rateType: "30_year_fixed", marketDate: "2026-01-08", marketRate: 5.5, thresholdValue: 5.875, currentValue: 5.5 },
    ]);
    await db.execute(sql.raw(readFileSync("drizzle/0002_triggers_payment_in_cents.sql", "utf8")));
    const values = async (alertId: string) => (await db.select({ threshold: triggers.thresholdValue, current: triggers.currentValue }).from(triggers).where(eq(triggers.alertId, alertId)))[0];
    expect(await values(pay!.id)).toEqual({ threshold: 210_050, current: 204_317 });
    expect(await values(rate!.id)).toEqual({ threshold: 5.875, current: 5.5 });
  });
});
