import { readFileSync } from "node:fs";
import path from "node:path";
import { asc, desc, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db, queryRows } from "@/db";
import { auditLog, mortgageRates, rateIngestRuns, users } from "@/db/schema";
import { seedRates } from "@/db/seed-rates";
import { importRatesFromText } from "./import";

const fixture = (name: string) => readFileSync(path.join(__dirname, "fixtures", name), "utf8");

async function series(rateType: "30_year_fixed" | "15_year_fixed" | "5_1_ARM") {
  return db
    .select({ date: mortgageRates.date, rate: mortgageRates.rate, points: mortgageRates.points, change: mortgageRates.changeFromPrevious, source: mortgageRates.source })
    .from(mortgageRates)
    .where(eq(mortgageRates.rateType, rateType))
    .orderBy(asc(mortgageRates.date));
}
async function countRates() {
  const [row] = await queryRows<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM mortgage_rates`);
  return row!.n;
}
async function clear() {
  await db.delete(mortgageRates);
  await db.delete(rateIngestRuns);
}
/** Every stored change equals the rate minus the previous week's rate of the same type. */
async function expectChangesConsistent() {
  for (const type of ["30_year_fixed", "15_year_fixed", "5_1_ARM"] as const) {
    const rows = await series(type);
    rows.forEach((r, i) => {
      const expected = i === 0 ? null : Math.round((r.rate - rows[i - 1]!.rate) * 1000) / 1000;
      expect(r.change, `${type} ${r.date}`).toBe(expected);
    });
  }
}

describe("importRatesFromText", () => {
  it("imports Freddie Mac's PMMS_history.csv layout; a second import changes nothing", async () => {
    await clear();
    const first = await importRatesFromText(fixture("PMMS_history.csv"), { source: "PMMS_history.csv" });
    expect(first).toMatchObject({ layout: "freddie_mac_pmms", committed: true, inserted: 33, updated: 0, unchanged: 0, rejected: 0, error: null });
    expect(first.newLatest.sort()).toEqual(["15_year_fixed", "30_year_fixed", "5_1_ARM"]);
    const arm = await series("5_1_ARM");
    expect(arm.at(-1)).toEqual({ date: "2022-11-10", rate: 6.06, points: 0.2, change: 0.11, source: "freddie_mac_pmms" });
    const thirty = await series("30_year_fixed");
    expect(thirty.find((r) => r.date === "2022-11-17")).toMatchObject({ rate: 6.61, points: null, change: -0.47 });
    await expectChangesConsistent();

    const snapshot = await db.select().from(mortgageRates).orderBy(asc(mortgageRates.id));
    const second = await importRatesFromText(fixture("PMMS_history.csv"), { source: "PMMS_history.csv" });
    expect(second).toMatchObject({ committed: true, inserted: 0, updated: 0, unchanged: 33, recomputed: 0, newLatest: [] });
    expect(await db.select().from(mortgageRates).orderBy(asc(mortgageRates.id))).toEqual(snapshot);

    const runs = await db.select().from(rateIngestRuns).orderBy(asc(rateIngestRuns.startedAt));
    expect(runs).toHaveLength(2);
    expect(runs[0]).toMatchObject({ source: "PMMS_history.csv", inserted: 33, updated: 0, unchanged: 0, rejected: 0, rejections: [], error: null });
    expect(runs[1]).toMatchObject({ inserted: 0, unchanged: 33 });
    expect(runs.every((r) => r.finishedAt !== null && r.finishedAt >= r.startedAt)).toBe(true);
  });

  it("imports FRED's layout without touching stored points, skipping '.' as no value", async () => {
    await clear();
    await importRatesFromText(fixture("refi-alert-rates.csv"), { source: "ours" });
    const result = await importRatesFromText(fixture("fred-mortgage-rates.csv"), { source: "fred" });
    expect(result).toMatchObject({ layout: "fred", rejected: 0, skipped: 5, unchanged: 16, updated: 0 });
    // FRED has weeks our cut lacks: 2022-10-06, 10-13 and 12-01 … 12-15 for 30/15, 10-06 and 10-13 for the ARM.
    expect(result.inserted).toBe(11 * 2 + 6 - 16);
    const thirty = await series("30_year_fixed");
    expect(thirty.find((r) => r.date === "2022-10-20")).toMatchObject({ points: 0.9, change: 0.02 });
    expect(thirty.find((r) => r.date === "2022-10-06")).toMatchObject({ rate: 6.66, points: null, change: null });
    await expectChangesConsistent();

    const dateHeader = await importRatesFromText(fixture("fred-MORTGAGE15US.csv"), { source: "fred-15" });
    expect(dateHeader).toMatchObject({ layout: "fred", inserted: 8, newLatest: ["15_year_fixed"] });
  });

  it("imports our own layout with several types", async () => {
    await clear();
    const r = await importRatesFromText(fixture("refi-alert-rates.csv"), { source: "refi-alert-rates.csv" });
    expect(r).toMatchObject({ layout: "refi_alert", inserted: 16, rejected: 0 });
    expect((await series("15_year_fixed")).map((x) => x.rate)).toEqual([6.23, 6.36, 6.29, 6.38, 5.98, 5.9]);
    await expectChangesConsistent();
  });

  it("a file with one bad line writes nothing and reports the line; --partial writes the good rows", async () => {
    await clear();
    const lines = fixture("refi-alert-rates.csv").trim().split("\n");
    lines[3] = "2022-11-31,30_year_fixed,6.95,0.8"; // no November 31st
    const bad = lines.join("\n");

    const strict = await importRatesFromText(bad, { source: "bad.csv" });
    expect(strict).toMatchObject({ committed: false, inserted: 0, rejected: 1, rejections: [{ line: 4, reason: 'bad date "2022-11-31" (expected yyyy-mm-dd)' }] });
    expect(strict.error).toMatch(/nothing was written/);
    expect(await countRates()).toBe(0);
    const [run] = await db.select().from(rateIngestRuns).orderBy(desc(rateIngestRuns.startedAt)).limit(1);
    expect(run).toMatchObject({ source: "bad.csv", inserted: 0, rejected: 1, rejections: [{ line: 4, reason: expect.stringContaining("bad date") }] });
    expect(run!.error).toMatch(/rejected/);

    const partial = await importRatesFromText(bad, { source: "bad.csv", partial: true });
    expect(partial).toMatchObject({ committed: true, inserted: 15, rejected: 1, error: null });
    expect(await countRates()).toBe(15);
    expect((await series("30_year_fixed")).map((r) => r.date)).not.toContain("2022-11-03");
    await expectChangesConsistent();
  });

  it("recomputes change_from_previous around a back-dated week inserted later", async () => {
    await clear();
    const lines = fixture("refi-alert-rates.csv").trim().split("\n");
    const missing = lines.find((l) => l.startsWith("2022-11-03,30_year_fixed"))!;
    await importRatesFromText(lines.filter((l) => l !== missing).join("\n"), { source: "without-week" });
    const before = await series("30_year_fixed");
    // Without 11-03, the 11-10 week compares with 10-27: 7.08 − 7.08.
    expect(before.find((r) => r.date === "2022-11-10")!.change).toBe(0);

    const r = await importRatesFromText(`date,rate_type,rate,points\n${missing}\n`, { source: "back-dated" });
    expect(r).toMatchObject({ inserted: 1, updated: 0, recomputed: 1, newLatest: [] });
    const after = await series("30_year_fixed");
    expect(after.find((x) => x.date === "2022-11-03")).toMatchObject({ rate: 6.95, change: -0.13 });
    expect(after.find((x) => x.date === "2022-11-10")).toMatchObject({ rate: 7.08, change: 0.13 });
    expect(after.find((x) => x.date === "2022-11-17")).toMatchObject({ change: -0.47 });
    await expectChangesConsistent();
  });

  it("a corrected rate is updated, with its neighbour's change; an upload by an admin is audited", async () => {
    await clear();
    await importRatesFromText(fixture("refi-alert-rates.csv"), { source: "base" });
    const [admin] = await db.insert(users).values({ email: "rates-admin@example.com", name: "Admin", passwordHash: "x", role: "admin" }).returning();
    const r = await importRatesFromText("date,rate_type,rate,points\n2022-10-27,15_year_fixed,6.40,1.4\n", { source: "fix.csv", actorId: admin!.id });
    expect(r).toMatchObject({ updated: 1, inserted: 0, recomputed: 1 });
    const fifteen = await series("15_year_fixed");
    expect(fifteen.find((x) => x.date === "2022-10-27")).toMatchObject({ rate: 6.4, change: 0.17 });
    expect(fifteen.find((x) => x.date === "2022-11-03")).toMatchObject({ change: -0.11 });
    const audit = await db.select().from(auditLog).where(eq(auditLog.actorId, admin!.id));
    expect(audit).toEqual([expect.objectContaining({ action: "rates.import", targetType: "rate_ingest_run", targetId: r.runId })]);
  });

  it("an unrecognised file is recorded as a failed run and writes nothing", async () => {
    await clear();
    const r = await importRatesFromText("when,what\n2024-01-01,6\n", { source: "mystery.csv" });
    expect(r).toMatchObject({ committed: false, layout: null, inserted: 0 });
    expect(r.error).toMatch(/Unrecognised header/);
    expect(await countRates()).toBe(0);
    const [run] = await db.select().from(rateIngestRuns).where(eq(rateIngestRuns.id, r.runId!));
    expect(run!.error).toMatch(/Unrecognised header/);
  });

  it("a binary file (NUL bytes, invalid UTF-8) is a failed run with a readable reason, never a run left running", async () => {
    await clear();
    const bytes = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52, 0xff, 0xfe, 0x00, 0x0a, 0x2c, 0x00]);
    for (const text of [bytes.toString("utf8"), `date,rate_type,rate,points\n2024-01-04,30_year_fixed,6\u0000.5,\n`]) {
      const r = await importRatesFromText(text, { source: "upload: picture.csv" });
      expect(r.committed).toBe(false);
      expect(r.error).toBeTruthy();
      const [run] = await db.select().from(rateIngestRuns).where(eq(rateIngestRuns.id, r.runId!));
      expect(run!.finishedAt).not.toBeNull();
      expect(run!.error).toBe(r.error);
    }
    expect(await countRates()).toBe(0);
  });

  it("the seed loads every shipped rate through the same import, idempotently and without run rows", async () => {
    await clear();
    expect(await seedRates(db)).toBe(2896 + 1831 + 932);
    expect(await countRates()).toBe(2896 + 1831 + 932);
    const peak = (await series("30_year_fixed")).find((r) => r.date === "1981-10-09");
    expect(peak).toMatchObject({ rate: 18.63, source: "freddie_mac_pmms" });
    await expectChangesConsistent();
    const before = await queryRows<{ t: string }>(db, sql`SELECT max(updated_at)::text AS t FROM mortgage_rates`);
    await seedRates(db);
    expect(await queryRows<{ t: string }>(db, sql`SELECT max(updated_at)::text AS t FROM mortgage_rates`)).toEqual(before);
    expect(await db.select().from(rateIngestRuns)).toEqual([]);
  });

  it("the seed on a later start adds missing weeks only: a corrected rate stays corrected", async () => {
    await clear();
    await seedRates(db);
    // An admin corrects a week; a week goes missing (say, deleted by hand).
    await db.update(mortgageRates).set({ rate: 6.5, source: "admin_manual" }).where(sql`${mortgageRates.rateType} = '30_year_fixed' AND ${mortgageRates.date} = '1981-10-09'`);
    const gone = (await series("30_year_fixed"))[1500]!.date;
    await db.delete(mortgageRates).where(sql`${mortgageRates.rateType} = '30_year_fixed' AND ${mortgageRates.date} = ${gone}`);
    expect(await seedRates(db)).toBe(2896 + 1831 + 932);
    const rows = await series("30_year_fixed");
    expect(rows.find((r) => r.date === "1981-10-09")).toMatchObject({ rate: 6.5, source: "admin_manual" });
    expect(rows.find((r) => r.date === gone)).toMatchObject({ source: "freddie_mac_pmms" });
    expect(rows).toHaveLength(2896);
  });

  it("a week recomputed because a file added the week before it keeps its own source", async () => {
    await clear();
    await importRatesFromText("date,rate_type,rate,points\n2026-01-15,30_year_fixed,6.5,", { source: "a.csv" });
    await db.update(mortgageRates).set({ source: "admin_manual" }).where(sql`${mortgageRates.date} = '2026-01-15'`);
    const r = await importRatesFromText("date,rate_type,rate,points\n2026-01-08,30_year_fixed,6.75,", { source: "b.csv" });
    expect(r).toMatchObject({ inserted: 1, recomputed: 1 });
    const rows = await series("30_year_fixed");
    expect(rows.find((x) => x.date === "2026-01-15")).toMatchObject({ rate: 6.5, source: "admin_manual", change: -0.25 });
    expect(rows.find((x) => x.date === "2026-01-08")).toMatchObject({ source: "freddie_mac_pmms" });
  });

  it("the shipped original Freddie Mac file agrees with the shipped per-type files", async () => {
    await clear();
    await seedRates(db);
    const original = readFileSync("db/seed-data/rates/original/PMMS_history.csv", "utf8");
    const r = await importRatesFromText(original, { source: "PMMS_history.csv" });
    expect(r).toMatchObject({ rejected: 0, inserted: 0, updated: 0, unchanged: 2896 + 1831 + 932, recomputed: 0 });
  });
});
