import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import postgres from "postgres";
import { describe, expect, it } from "vitest";
import { db, getDbHandle } from "@/db";
import { backupDatabase, findPgTool, restoreDatabase } from "./backup";
import { openDb } from "./client";
import { rowCounts } from "./inspect";
import { seed } from "./seed";
import { adminUrl, databaseUrl } from "@/tests/support/pg-global-setup";

const opts = { demo: true, loanNumberKey: "0f".repeat(32) };

async function emptyDatabase(name: string) {
  const admin = postgres(adminUrl(), { max: 1, onnotice: () => {} });
  await admin.unsafe(`CREATE DATABASE ${name}`);
  await admin.end();
  return databaseUrl(name);
}

describe("seed", () => {
  it("loads plans, every shipped rate and the demo accounts; a second run changes nothing", async () => {
    await seed(db, opts);
    const first = await rowCounts(db);
    expect(first.mortgage_rates).toBe(2896 + 1831 + 932);
    expect(first.plans).toBe(1);
    expect(first.plan_prices).toBe(2);
    expect(first.users).toBe(4);
    await seed(db, opts);
    expect(await rowCounts(db)).toEqual(first);
  }, 60_000);
});

describe("backup and restore", () => {
  it("pg_dump backup restored into an empty database gives back every row", async () => {
    await seed(db, opts);
    const counts = await rowCounts(db);
    expect(findPgTool("pg_dump")).toBeTruthy();
    const dir = mkdtempSync(path.join(tmpdir(), "refi-backup-"));
    const file = await backupDatabase(getDbHandle(), { dir, url: process.env.DATABASE_URL });
    expect(file.endsWith(".dump")).toBe(true);

    const url = await emptyDatabase(`restore_${Date.now()}`);
    await restoreDatabase(file, { url });
    const restored = openDb({ url }, { max: 1 });
    expect(await rowCounts(restored.db)).toEqual(counts);
    await restored.close();
  }, 120_000);

  it("the portable logical backup restores too", async () => {
    await seed(db, opts);
    const counts = await rowCounts(db);
    const dir = mkdtempSync(path.join(tmpdir(), "refi-backup-"));
    const file = await backupDatabase(getDbHandle(), { dir, format: "logical" });
    expect(existsSync(file)).toBe(true);

    const url = await emptyDatabase(`restore_logical_${Date.now()}`);
    const target = openDb({ url }, { max: 1 });
    await restoreDatabase(file, { handle: target });
    expect(await rowCounts(target.db)).toEqual(counts);
    await target.close();
  }, 120_000);
});
