import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db";
import { jobs } from "@/db/schema";
import { claimJobs, completeJob, enqueueJob, failJob, heartbeatJob } from "./queue";
import { schedules } from "./registry";
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
    const mine = [...a, ...b].filter((j) => j.name === "test.parallel");
    const ids = mine.map((j) => j.id);
    expect(ids.length).toBe(20);
    expect(new Set(ids).size).toBe(20);
    for (const job of mine) await completeJob(job);
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
    expect(created.reduce((a, b) => a + b, 0)).toBe(schedules.length);
    const again = await enqueueSchedules(now);
    expect(again).toBe(0);
  });

  /** Claims the named job for `worker` (other tests' jobs may be due too). */
  async function claimOne(worker: string, name: string) {
    return (await claimJobs(worker, 50)).find((j) => j.name === name);
  }
  const goQuiet = (id: string) => db.update(jobs).set({ lockedAt: sql`now() - interval '20 minutes'` }).where(eq(jobs.id, id));

  it("a job whose worker went quiet is taken over while it has attempts left, then failed, never run forever", async () => {
    await enqueueJob("test.crashy", {}, { maxAttempts: 2 });
    const first = await claimOne("worker-a", "test.crashy");
    await goQuiet(first!.id); // worker-a died mid-job
    const second = await claimOne("worker-b", "test.crashy");
    expect(second).toMatchObject({ id: first!.id, attempts: 2 });
    await goQuiet(first!.id); // and so did worker-b: no attempt is left
    expect(await claimOne("worker-c", "test.crashy")).toBeUndefined();
    const [row] = await db.select().from(jobs).where(eq(jobs.id, first!.id));
    expect(row).toMatchObject({ status: "failed", attempts: 2 });
    expect(row!.lastError).toMatch(/^abandoned/);
  });

  it("a worker taken over can't finish the job over the run that took it, and a heartbeat keeps a long job its own", async () => {
    await enqueueJob("test.slow", {}, { maxAttempts: 3 });
    const a = await claimOne("worker-a", "test.slow");
    await heartbeatJob(a!);
    expect(await claimOne("worker-b", "test.slow")).toBeUndefined();
    await goQuiet(a!.id);
    const b = await claimOne("worker-b", "test.slow");
    expect(b!.id).toBe(a!.id);
    await completeJob(a!);
    await failJob(a!, new Error("late"));
    let [row] = await db.select().from(jobs).where(eq(jobs.id, a!.id));
    expect(row).toMatchObject({ status: "running", lockedBy: "worker-b", lastError: null });
    await completeJob(b!);
    [row] = await db.select().from(jobs).where(eq(jobs.id, a!.id));
    expect(row).toMatchObject({ status: "done" });
  });
});
