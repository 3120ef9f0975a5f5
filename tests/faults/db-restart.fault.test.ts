// PostgreSQL stopped and started while 50 connections load the dashboard and calculation saving:
// the app answers 503 (never a hang) while it is down, recovers by itself, and leaves no partial
// rows. Runs against `next start` of the fault-test build.
import { sql } from "drizzle-orm";
import { writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDb, db, queryRows } from "@/db";
import { calculationHistory, mortgages, userPreferences, users } from "@/db/schema";
import { pgControllable, startPostgres, stopPostgres } from "./support/pg";
import { sessionCookie, startAppServer, type AppServer } from "./support/server";

const PORT = Number(process.env.FAULTS_APP_PORT ?? 3310);
const WORKERS = 50;
// Longer than this counts as a hang. Generous: on a small, busy machine 50 concurrent page
// renders queue for seconds; a request waiting on a dead database would wait forever.
const HANG_MS = 30_000;
const MAX_REQUESTS = 40_000;

type Sample = { kind: "dashboard" | "save"; status: number; start: number; end: number; retryAfter: string | null; id?: string };

let server: AppServer;
const cookies: string[] = [];

beforeAll(async () => {
  const rows = await db
    .insert(users)
    .values(Array.from({ length: WORKERS }, (_, i) => ({ email: `load-${i}-${Date.now()}@example.com`, name: `Load ${i}`, passwordHash: "x", emailVerified: true })))
    .returning();
  await db.insert(userPreferences).values(rows.map((u) => ({ userId: u.id })));
  await db.insert(mortgages).values(
    rows.map((u) => ({
      userId: u.id,
      name: "Home",
      zipCode: "60614",
      originalPrincipalCents: 40_000_000,
      originalTerm: 360,
      originalInterestRate: 7,
      remainingPrincipalCents: 39_000_000,
      remainingTerm: 340,
    })),
  );
  for (const u of rows) cookies.push(await sessionCookie({ id: u.id, role: u.role, sessionVersion: u.sessionVersion }));
  server = await startAppServer(PORT);
});

afterAll(async () => {
  await server?.stop();
  if (server) writeFileSync(path.resolve(process.env.FAULTS_OUT ?? ".test-tmp", "db-restart-server.log"), server.log());
});

describe("database restart under load", () => {
  it.runIf(pgControllable())("answers 503 while PostgreSQL is down, recovers by itself, no partial rows", async () => {
    let running = true;
    let sent = 0;
    const samples: Sample[] = [];
    const now = () => performance.now();

    async function one(worker: number, kind: Sample["kind"]): Promise<void> {
      const start = now();
      let status = 0;
      let retryAfter: string | null = null;
      let id: string | undefined;
      try {
        const res =
          kind === "dashboard"
            ? await fetch(`${server.url}/dashboard`, { headers: { cookie: cookies[worker]! }, redirect: "manual", signal: AbortSignal.timeout(HANG_MS) })
            : await fetch(`${server.url}/api/calculations`, {
                method: "POST",
                headers: { cookie: cookies[worker]!, "content-type": "application/json" },
                body: JSON.stringify({ type: "monthly_payment", values: { principal: String(200_000 + worker * 1000 + (sent % 997)), ratePercent: "6.5", termYears: "30" } }),
                signal: AbortSignal.timeout(HANG_MS),
              });
        status = res.status;
        retryAfter = res.headers.get("retry-after");
        if (kind === "save" && res.status === 201) id = ((await res.json()) as { id: string }).id;
        else await res.arrayBuffer();
      } catch (err) {
        status = (err as Error).name === "TimeoutError" ? -1 : -2; // -1 hang, -2 connection error
      }
      samples.push({ kind, status, start, end: now(), retryAfter, id });
    }

    const load = Promise.all(
      Array.from({ length: WORKERS }, async (_, worker) => {
        for (let i = 0; running && sent < MAX_REQUESTS; i++) {
          sent++;
          await one(worker, i % 2 === 0 ? "dashboard" : "save");
        }
      }),
    );
    const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
    const hardStop = setTimeout(() => (running = false), 120_000);
    const marks = { stop: 0, down: 0, start: 0, after: 0, end: 0 };
    try {
      await sleep(8000);
      marks.stop = now();
      await stopPostgres();
      marks.down = now() + 1500; // the first error (or the next probe) trips the breaker
      await sleep(8000);
      marks.start = now();
      await startPostgres();
      marks.after = now() + 4000; // the probe re-checks every second; in-flight requests drain
      await sleep(12_000);
      marks.end = now();
    } finally {
      running = false;
      clearTimeout(hardStop);
      await load;
    }

    // Requests by when they ran: wholly before the stop, wholly while down, wholly after recovery.
    const before = samples.filter((s) => s.end < marks.stop);
    const down = samples.filter((s) => s.start >= marks.down && s.end <= marks.start);
    const after = samples.filter((s) => s.start >= marks.after);
    const transition = samples.filter((s) => !before.includes(s) && !down.includes(s) && !after.includes(s));
    const tally = (list: Sample[]) => list.reduce<Record<string, number>>((acc, s) => ((acc[`${s.kind} ${s.status}`] = (acc[`${s.kind} ${s.status}`] ?? 0) + 1), acc), {});
    const ms = (list: Sample[]) => (list.length ? Math.round(Math.max(...list.map((s) => s.end - s.start))) : 0);
    console.log(
      `[db-restart] ${samples.length} requests by ${WORKERS} connections; ` +
        `before ${JSON.stringify(tally(before))} (max ${ms(before)} ms); down ${JSON.stringify(tally(down))} (max ${ms(down)} ms); ` +
        `transition ${JSON.stringify(tally(transition))}; after ${JSON.stringify(tally(after))} (max ${ms(after)} ms)`,
    );

    // Per second of the run: answers by status, and the slowest request that ended in it.
    const t0 = samples.reduce((m, s) => Math.min(m, s.start), Infinity);
    const secs: Record<number, Record<string, number>> = {};
    for (const s of samples) {
      const sec = Math.floor((s.end - t0) / 1000);
      const row = (secs[sec] ??= {});
      row[s.status] = (row[s.status] ?? 0) + 1;
      row.maxMs = Math.max(row.maxMs ?? 0, Math.round(s.end - s.start));
    }
    const at = (m: number) => ((m - t0) / 1000).toFixed(1);
    console.log(`[db-restart] stop at ${at(marks.stop)} s, down from ${at(marks.down)} s, start at ${at(marks.start)} s, after from ${at(marks.after)} s; per second: ${JSON.stringify(secs)}`);

    // Healthy before.
    expect(before.length).toBeGreaterThanOrEqual(WORKERS / 2);
    expect(before.filter((s) => !(s.status === 200 || s.status === 201))).toEqual([]);
    // Never a hang, never a dropped connection.
    expect(samples.filter((s) => s.status < 0)).toEqual([]);
    // While down: only 503 with Retry-After, for pages and for saves, and quickly.
    expect(down.length).toBeGreaterThanOrEqual(WORKERS);
    expect(down.filter((s) => s.status !== 503)).toEqual([]);
    expect(down.every((s) => Number(s.retryAfter) > 0)).toBe(true);
    expect(down.filter((s) => s.kind === "dashboard").length).toBeGreaterThan(0);
    expect(down.filter((s) => s.kind === "save").length).toBeGreaterThan(0);
    // Recovered by itself: every request after the recovery window succeeds.
    expect(after.length).toBeGreaterThanOrEqual(WORKERS);
    expect(after.filter((s) => !(s.status === 200 || s.status === 201))).toEqual([]);
    // Around the stop and the start: answers are success or 503, except requests that were
    // mid-render when the database went away (an error page; counted, and bounded by the load).
    const odd = transition.filter((s) => ![200, 201, 503].includes(s.status));
    expect(odd.filter((s) => s.status !== 500)).toEqual([]);
    expect(odd.filter((s) => s.start >= marks.stop + 1500)).toEqual([]);

    // No partial rows: every acknowledged save is there, complete; nothing else was written
    // beyond saves whose answer was lost in the restart.
    await closeDb(); // this process's pool saw the restart too
    const acknowledged = samples.filter((s) => s.id).map((s) => s.id!);
    const stored = await db.select().from(calculationHistory);
    const storedIds = new Set(stored.map((r) => r.id));
    expect(acknowledged.filter((id) => !storedIds.has(id))).toEqual([]);
    const failedSaves = samples.filter((s) => s.kind === "save" && s.status !== 201).length;
    expect(stored.length - acknowledged.length).toBeLessThanOrEqual(failedSaves);
    for (const row of stored) {
      expect(row.calculationType).toBe("monthly_payment");
      expect(row.userId).not.toBeNull();
      expect(Object.keys(row.outputResults).length).toBeGreaterThan(0);
      expect(row.inputParams).toMatchObject({ ratePercent: 6.5 });
    }
    const [{ n }] = (await queryRows<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM calculation_history WHERE input_params IS NULL OR output_results IS NULL`)) as [{ n: number }];
    expect(n).toBe(0);
  });
});
