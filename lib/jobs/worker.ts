import "server-only";
import { hostname } from "node:os";
import { claimJobs, completeJob, enqueueJob, failJob, heartbeatJob } from "./queue";
import { jobHandlers, schedules } from "./registry";

/** Enqueues each recurring job for the current slot; the dedupe key makes this idempotent. */
export async function enqueueSchedules(now = new Date()): Promise<number> {
  let created = 0;
  for (const s of schedules) {
    const periodMs = s.everyMinutes * 60_000;
    const slot = Math.floor(now.getTime() / periodMs);
    if (await enqueueJob(s.name, s.payload ?? {}, { dedupeKey: `${s.name}:${s.everyMinutes}:${slot}`, runAt: new Date(slot * periodMs) })) created++;
  }
  return created;
}

export type TickResult = { ran: number; failed: number; results: { name: string; ok: boolean; error?: string }[] };

const HEARTBEAT_MS = 60_000;

/**
 * One round: schedule, then run every due job until none is left. Jobs are claimed one at a
 * time, so none waits, claimed, behind a long one (where another worker could take it over),
 * and each beats every minute while it runs.
 */
export async function runWorkerTick(workerId = `${hostname()}:${process.pid}`): Promise<TickResult> {
  await enqueueSchedules();
  const out: TickResult = { ran: 0, failed: 0, results: [] };
  for (;;) {
    const [job] = await claimJobs(workerId, 1);
    if (!job) return out;
    const handler = jobHandlers[job.name];
    const beat = setInterval(() => void heartbeatJob(job).catch(() => {}), HEARTBEAT_MS);
    try {
      if (!handler) throw new Error(`no handler for job ${job.name}`);
      await handler(job.payload);
      await completeJob(job);
      out.ran++;
      out.results.push({ name: job.name, ok: true });
    } catch (err) {
      await failJob(job, err);
      out.failed++;
      out.results.push({ name: job.name, ok: false, error: err instanceof Error ? err.message : String(err) });
    } finally {
      clearInterval(beat);
    }
  }
}

/** Runs ticks every `intervalMs` until stopped. Returns a stop function. */
export function startWorkerLoop(opts: { intervalMs?: number; log?: (line: string) => void } = {}): () => Promise<void> {
  const interval = opts.intervalMs ?? 15_000;
  const log = opts.log ?? ((l: string) => console.log(`[worker] ${l}`));
  let stopped = false;
  let running: Promise<unknown> = Promise.resolve();
  const loop = async () => {
    while (!stopped) {
      running = runWorkerTick()
        .then((r) => {
          for (const x of r.results) log(`${x.name}: ${x.ok ? "done" : `failed: ${x.error}`}`);
        })
        .catch((err) => log(`tick failed: ${err instanceof Error ? err.message : String(err)}`));
      await running;
      await new Promise((r) => setTimeout(r, interval));
    }
  };
  void loop();
  return async () => {
    stopped = true;
    await running;
  };
}
