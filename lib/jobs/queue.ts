import "server-only";
import { sql } from "drizzle-orm";
import { db, queryRows, type DbOrTx } from "@/db";
import { jobs, type Job } from "@/db/schema";

/**
 * A Postgres-backed job queue. Workers claim due jobs with FOR UPDATE SKIP LOCKED, so any number
 * of workers on any number of machines can run at once without doing a job twice; a
 * `dedupeKey` makes a job exist once (e.g. once per schedule slot).
 */
export async function enqueueJob(
  name: string,
  payload: Record<string, unknown> = {},
  opts: { runAt?: Date; dedupeKey?: string; maxAttempts?: number; tx?: DbOrTx } = {},
): Promise<boolean> {
  const rows = await (opts.tx ?? db)
    .insert(jobs)
    .values({ name, payload, runAt: opts.runAt ?? new Date(), dedupeKey: opts.dedupeKey, maxAttempts: opts.maxAttempts ?? 3 })
    .onConflictDoNothing({ target: jobs.dedupeKey })
    .returning({ id: jobs.id });
  return rows.length > 0;
}

/** A job as its worker holds it: completing or failing it counts only while this worker still does. */
export type ClaimedJob = Job & { lockedBy: string };

/** A running job whose worker has not been heard from (heartbeat) for this long is taken over. */
const STALE_AFTER = sql`interval '15 minutes'`;

/**
 * Claims up to `limit` due jobs for `workerId`, and takes over jobs whose worker stopped
 * beating for 15 minutes (a crash, a lost machine) while they have attempts left. One that has
 * none (it keeps taking its worker down, say) is marked failed instead of run forever.
 */
export async function claimJobs(workerId: string, limit: number): Promise<ClaimedJob[]> {
  await db.execute(
    sql`UPDATE jobs SET status = 'failed', finished_at = now(), locked_at = NULL,
               last_error = left('abandoned: its worker stopped (crashed?) on the last attempt' || coalesce('; before: ' || last_error, ''), 2000)
        WHERE status = 'running' AND locked_at < now() - ${STALE_AFTER} AND attempts >= max_attempts`,
  );
  const rows = await queryRows<Record<string, unknown>>(
    db,
    sql`UPDATE jobs SET status = 'running', locked_at = now(), locked_by = ${workerId}, attempts = attempts + 1
        WHERE id IN (
          SELECT id FROM jobs
          WHERE (status = 'queued' AND run_at <= now())
             OR (status = 'running' AND locked_at < now() - ${STALE_AFTER} AND attempts < max_attempts)
          ORDER BY run_at
          LIMIT ${limit}
          FOR UPDATE SKIP LOCKED)
        RETURNING id, name, payload, attempts, max_attempts`,
  );
  return rows.map((r) => ({
    id: String(r.id),
    name: String(r.name),
    payload: (r.payload ?? {}) as Record<string, unknown>,
    attempts: Number(r.attempts),
    maxAttempts: Number(r.max_attempts),
    lockedBy: workerId,
  })) as ClaimedJob[];
}

/** Says the job's worker is alive (called every minute while it runs), so a long job isn't taken over. */
export async function heartbeatJob(job: Pick<ClaimedJob, "id" | "lockedBy">): Promise<void> {
  await db.execute(sql`UPDATE jobs SET locked_at = now() WHERE id = ${job.id} AND status = 'running' AND locked_by = ${job.lockedBy}`);
}

/** Marks the job done, unless another worker has taken it over meanwhile (its run decides). */
export async function completeJob(job: Pick<ClaimedJob, "id" | "lockedBy">): Promise<void> {
  await db.execute(
    sql`UPDATE jobs SET status = 'done', finished_at = now(), locked_at = NULL, last_error = NULL
        WHERE id = ${job.id} AND status = 'running' AND locked_by = ${job.lockedBy}`,
  );
}

/** A failed job runs again after a back-off (30 s, 2 min, 8 min, ...) until max_attempts. */
export async function failJob(job: Pick<ClaimedJob, "id" | "attempts" | "maxAttempts" | "lockedBy">, error: unknown): Promise<void> {
  const message = (error instanceof Error ? error.message : String(error)).slice(0, 2000);
  const final = job.attempts >= job.maxAttempts;
  const delaySeconds = 30 * 4 ** Math.max(0, job.attempts - 1);
  const mine = sql`id = ${job.id} AND status = 'running' AND locked_by = ${job.lockedBy}`;
  await db.execute(
    final
      ? sql`UPDATE jobs SET status = 'failed', finished_at = now(), locked_at = NULL, last_error = ${message} WHERE ${mine}`
      : sql`UPDATE jobs SET status = 'queued', locked_at = NULL, last_error = ${message}, run_at = now() + make_interval(secs => ${delaySeconds}) WHERE ${mine}`,
  );
}

/** Finished jobs are kept a week for the admin's eyes, then removed. */
export async function pruneJobs(): Promise<number> {
  const rows = await queryRows(db, sql`DELETE FROM jobs WHERE status IN ('done', 'failed') AND finished_at < now() - interval '7 days' RETURNING id`);
  return rows.length;
}
