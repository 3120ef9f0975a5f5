import "server-only";
import { db as appDb, type DbOrTx } from "@/db";
import { env } from "@/lib/env";
import { emptyResult, finishRun, importRatesFromText, startRun, type IngestResult } from "./import";

export const RATES_FETCH_TIMEOUT_MS = 30_000;
const MAX_BYTES = 20 * 1024 * 1024; // the full history is about 100 KB

/** The scheduled fetch failed (network, HTTP status, unreadable file). Already recorded on the run. */
export class RatesFetchError extends Error {
  constructor(
    message: string,
    readonly result: IngestResult,
  ) {
    super(message);
    this.name = "RatesFetchError";
  }
}

function describeFetchError(url: string, err: unknown, timeoutMs: number): string {
  if (err instanceof Error && (err.name === "TimeoutError" || err.name === "AbortError")) {
    return `Could not fetch ${url}: no answer within ${Math.round(timeoutMs / 1000)} s`;
  }
  const cause = err instanceof Error && err.cause instanceof Error ? err.cause.message : null;
  return `Could not fetch ${url}: ${cause ?? (err instanceof Error ? err.message : String(err))} (offline, or the server is down?)`;
}

/** Downloads a rate file as text, with a timeout; errors say what went wrong in words. */
export async function fetchRatesText(url: string, timeoutMs = RATES_FETCH_TIMEOUT_MS): Promise<string> {
  let res: Response;
  try {
    res = await fetch(url, { signal: AbortSignal.timeout(timeoutMs), headers: { Accept: "text/csv, text/plain;q=0.9, */*;q=0.1" }, cache: "no-store" });
  } catch (err) {
    throw new Error(describeFetchError(url, err, timeoutMs));
  }
  if (!res.ok) throw new Error(`Could not fetch ${url}: HTTP ${res.status} ${res.statusText}`.trim());
  const length = Number(res.headers.get("content-length") ?? 0);
  if (length > MAX_BYTES) throw new Error(`Could not fetch ${url}: the file is ${length} bytes, more than the ${MAX_BYTES} allowed`);
  try {
    return await res.text();
  } catch (err) {
    throw new Error(describeFetchError(url, err, timeoutMs));
  }
}

/**
 * The daily job: fetches RATES_SOURCE_URL (Freddie Mac's history file by default) and imports it.
 * A failed download is recorded in rate_ingest_runs and thrown (so the job runner retries);
 * nothing is written. Rejected lines also fail the run (the file is imported whole or not at all)
 * unless `partial` is set.
 * `result.newLatest` lists the rate types with a new newest week (start the alert sweep for them).
 */
export async function fetchAndImportRates(opts: { url?: string; timeoutMs?: number; db?: DbOrTx; partial?: boolean } = {}): Promise<IngestResult> {
  const url = opts.url ?? env().RATES_SOURCE_URL;
  const database = opts.db ?? appDb;
  const runId = await startRun(database, url);
  let text: string;
  try {
    text = await fetchRatesText(url, opts.timeoutMs);
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    const result = emptyResult(url, message);
    await finishRun(database, runId, result);
    throw new RatesFetchError(message, { runId, ...result });
  }
  const result = await importRatesFromText(text, { source: url, db: database, runId, partial: opts.partial });
  if (result.error) throw new RatesFetchError(result.error, result);
  return result;
}
