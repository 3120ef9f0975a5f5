import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db";
import { jobs } from "@/db/schema";
import { claimJobs, completeJob, enqueueJob, failJob } from "./queue";
import { enqueueSchedules } from "./worker";

describe("the Postgres job queue", () => {
  it("a dedupe key makes a job exist once", async () => {
    expect(await enqueueJob("test.once", {}, { dedupeKey: "test.once:1" })).toBe(true);
    expect(await enqueueJob("test.once", {}, { dedupeKey: "test.once:1" })).toBe(false);
    const rows = await db.select().from(jobs).where(eq(jobs.name, "test.once"));
    expect(rows).toHaveLength(1);
  });

  it("two workers claiming at once never get the same job", async () => {
    for (let i = 0; i < 20; i++) await enqueueJob("test.parallel", { i });
    const [a, b] = await Promise.all([claimJobs("worker-a", 15), claimJobs("worker-b", 15)]);
    const ids = [...a, ...b].filter((j) => j.name === "test.parallel").map((j) => j.id);
    expect(ids.length).toBe(20);
    expect(new Set(ids).size).toBe(20);
    for (const id of ids) await completeJob(id);
  });

  it("a failing job is retried after a back-off, then marked failed at max attempts", async () => {
    await enqueueJob("test.flaky", {}, { maxAttempts: 2 });
    let [job] = (await claimJobs("w", 10)).filter((j) => j.name === "test.flaky");
    await failJob(job!, new Error("boom"));
    let [row] = await db.select().from(jobs).where(eq(jobs.id, job!.id));
    expect(row).toMatchObject({ status: "queued", lastError: "boom", attempts: 1 });
    expect(row!.runAt.getTime()).toBeGreaterThan(Date.now());
    await db.update(jobs).set({ runAt: sql`now()` }).where(eq(jobs.id, job!.id));
    [job] = (await claimJobs("w", 10)).filter((j) => j.name === "test.flaky");
    await failJob(job!, new Error("boom again"));
    [row] = await db.select().from(jobs).where(eq(jobs.id, job!.id));
    expect(row).toMatchObject({ status: "failed", attempts: 2, lastError: "boom again" });
  });

  it("schedules enqueue each recurring job once per slot, however many workers ask", async () => {
    const now = new Date();
    const created = await Promise.all([enqueueSchedules(now), enqueueSchedules(now), enqueueSchedules(now)]);
    expect(created.reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
    const again = await enqueueSchedules(now);
    expect(again).toBe(0);
  });
});
