import { readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { desc, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db, queryRows } from "@/db";
import { rateIngestRuns } from "@/db/schema";
import { fetchAndImportRates, RatesFetchError } from "./fetch";

const pmms = readFileSync(path.join(__dirname, "fixtures", "PMMS_history.csv"), "utf8");
let server: Server;
let base: string;

beforeAll(async () => {
  server = createServer((req, res) => {
    if (req.url === "/PMMS_history.csv") {
      res.writeHead(200, { "Content-Type": "text/csv" });
      res.end(pmms);
    } else if (req.url === "/slow.csv") {
      setTimeout(() => res.end(pmms), 5_000); // longer than the test's timeout
    } else {
      res.writeHead(404);
      res.end("not found");
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const rateCount = async () => (await queryRows<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM mortgage_rates`))[0]!.n;
const lastRun = async () => (await db.select().from(rateIngestRuns).orderBy(desc(rateIngestRuns.startedAt)).limit(1))[0]!;

/** A port nothing listens on: bound, then released. */
async function closedPort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((resolve) => s.listen(0, "127.0.0.1", resolve));
  const port = (s.address() as AddressInfo).port;
  await new Promise((resolve) => s.close(resolve));
  return port;
}

describe("fetchAndImportRates", () => {
  it("offline: fails with a clear error, records it on the run, and changes nothing", async () => {
    for (const url of ["http://127.0.0.1:9/", `http://127.0.0.1:${await closedPort()}/PMMS_history.csv`]) {
      const before = await rateCount();
      const err = await fetchAndImportRates({ url }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(RatesFetchError);
      expect((err as Error).message).toContain(`Could not fetch ${url}`);
      expect(await rateCount()).toBe(before);
      const run = await lastRun();
      expect(run).toMatchObject({ source: url, inserted: 0, updated: 0, error: (err as Error).message });
      expect(run.finishedAt).not.toBeNull();
    }
  });

  it("a server that does not answer in time, or answers 404, is a recorded failure too", async () => {
    const slow = await fetchAndImportRates({ url: `${base}/slow.csv`, timeoutMs: 300 }).catch((e: unknown) => e);
    expect((slow as Error).message).toMatch(/no answer within/);
    const missing = await fetchAndImportRates({ url: `${base}/gone.csv` }).catch((e: unknown) => e);
    expect((missing as Error).message).toMatch(/HTTP 404/);
    expect((await lastRun()).error).toMatch(/HTTP 404/);
    expect(await rateCount()).toBe(0);
  });

  it("success: imports the served file, reports the types with a new latest week, and records the run", async () => {
    const url = `${base}/PMMS_history.csv`;
    const result = await fetchAndImportRates({ url });
    expect(result).toMatchObject({ committed: true, inserted: 33, rejected: 0, error: null, source: url });
    expect(result.newLatest.sort()).toEqual(["15_year_fixed", "30_year_fixed", "5_1_ARM"]);
    const [run] = await db.select().from(rateIngestRuns).where(eq(rateIngestRuns.id, result.runId!));
    expect(run).toMatchObject({ source: url, inserted: 33, error: null });

    const again = await fetchAndImportRates({ url });
    expect(again).toMatchObject({ inserted: 0, unchanged: 33, newLatest: [] });
  });
});
