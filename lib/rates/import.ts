import "server-only";
import { and, asc, eq, sql } from "drizzle-orm";
import { db as appDb, type DbOrTx } from "@/db";
import { auditLog, mortgageRates, rateIngestRuns } from "@/db/schema";
import { parseRatesText, RatesFormatError, type ParsedRate, type RateLayout, type Rejection } from "./parse";
import { planTypeImport, type RateWrite } from "./plan";
import { revalidateRatesCache } from "./revalidate";
import type { RateType } from "./types";

/** What one import did. Counts are of rate values (a Freddie Mac line holds up to three). */
export type IngestResult = {
  /** The rate_ingest_runs row, when the run was recorded. */
  runId: string | null;
  source: string;
  layout: RateLayout | null;
  /** Whether anything was written (false when rows were rejected without `partial`, or on error). */
  committed: boolean;
  inserted: number;
  updated: number;
  unchanged: number;
  /** Rejected lines, each with its line number and reason in `rejections`. */
  rejected: number;
  rejections: Rejection[];
  /** Cells with no value (blank, FRED's "."): neither data nor an error. */
  skipped: number;
  /** Rows outside the file whose change_from_previous was corrected (the week after a new one). */
  recomputed: number;
  /** Rate types whose newest date moved forward: the alert sweep should run for these. */
  newLatest: RateType[];
  error: string | null;
};

export type ImportOptions = {
  /** Where the data came from (a file name or URL), recorded in rate_ingest_runs. */
  source: string;
  /** Write the good rows even when some lines were rejected. */
  partial?: boolean;
  /** The admin who uploaded the file: the import is written to the audit log. */
  actorId?: string | null;
  db?: DbOrTx;
  /** The seed loads the shipped files on every start and does not record a run each time. */
  recordRun?: boolean;
  /**
   * Only weeks the database does not have yet (the seed, on every start): a stored value, an
   * admin's correction or a revision fetched since the release, is never put back to the file's.
   */
  missingOnly?: boolean;
  /** A run already started (the scheduled fetch starts it before downloading). */
  runId?: string;
  /** Value written to mortgage_rates.source. Every layout we read carries Freddie Mac's survey. */
  rowSource?: string;
};

const MAX_STORED_REJECTIONS = 500;
const CHUNK = 1000;
// Two imports at once would each plan from the same stored series; the second waits for the first.
const IMPORT_LOCK = sql`SELECT pg_advisory_xact_lock(hashtext('refi_alert.rates_import'))`;

/** Starts a run row; the outcome is filled in by `finishRun`. */
export async function startRun(database: DbOrTx, source: string): Promise<string> {
  const [run] = await database.insert(rateIngestRuns).values({ source: source.slice(0, 500) }).returning({ id: rateIngestRuns.id });
  return run!.id;
}

export async function finishRun(database: DbOrTx, runId: string | null, r: Omit<IngestResult, "runId">): Promise<void> {
  if (!runId) return;
  await database
    .update(rateIngestRuns)
    .set({
      finishedAt: new Date(),
      inserted: r.inserted,
      updated: r.updated,
      unchanged: r.unchanged,
      rejected: r.rejected,
      rejections: r.rejections.slice(0, MAX_STORED_REJECTIONS),
      error: r.error,
    })
    .where(eq(rateIngestRuns.id, runId));
}

export function emptyResult(source: string, error: string | null = null): Omit<IngestResult, "runId"> {
  return { source, layout: null, committed: false, inserted: 0, updated: 0, unchanged: 0, rejected: 0, rejections: [], skipped: 0, recomputed: 0, newLatest: [], error };
}

async function writeRates(tx: DbOrTx, rateType: RateType, writes: RateWrite[], rowSource: string) {
  // The file's rows take its values and source; a neighbour only recomputed keeps its own (an
  // admin's entry stays admin_manual when a later file adds the week before it).
  const fromFile = writes.filter((w) => !w.recomputeOnly);
  const recomputed = writes.filter((w) => w.recomputeOnly);
  for (let i = 0; i < fromFile.length; i += CHUNK) {
    await tx
      .insert(mortgageRates)
      .values(fromFile.slice(i, i + CHUNK).map(({ recomputeOnly: _, ...w }) => ({ ...w, rateType, source: rowSource })))
      .onConflictDoUpdate({
        target: [mortgageRates.date, mortgageRates.rateType],
        set: {
          rate: sql`excluded.rate`,
          points: sql`excluded.points`,
          changeFromPrevious: sql`excluded.change_from_previous`,
          source: sql`excluded.source`,
          updatedAt: sql`now()`,
        },
      });
  }
  for (const w of recomputed) {
    await tx
      .update(mortgageRates)
      .set({ changeFromPrevious: w.changeFromPrevious, updatedAt: sql`now()` })
      .where(and(eq(mortgageRates.rateType, rateType), eq(mortgageRates.date, w.date)));
  }
}

/** Upserts parsed rows in one transaction, per type: plan against the stored series, write the difference. */
async function applyRows(database: DbOrTx, rows: ParsedRate[], opts: ImportOptions, runId: string | null) {
  const byType = new Map<RateType, ParsedRate[]>();
  for (const r of rows) byType.set(r.rateType, [...(byType.get(r.rateType) ?? []), r]);
  const totals = { inserted: 0, updated: 0, unchanged: 0, recomputed: 0, newLatest: [] as RateType[] };
  await database.transaction(async (tx) => {
    await tx.execute(IMPORT_LOCK);
    for (const [rateType, incoming] of byType) {
      const stored = await tx
        .select({ date: mortgageRates.date, rate: mortgageRates.rate, points: mortgageRates.points, changeFromPrevious: mortgageRates.changeFromPrevious })
        .from(mortgageRates)
        .where(eq(mortgageRates.rateType, rateType))
        .orderBy(asc(mortgageRates.date));
      const storedDates = opts.missingOnly ? new Set(stored.map((r) => r.date)) : null;
      const wanted = storedDates ? incoming.filter((r) => !storedDates.has(r.date)) : incoming;
      const plan = planTypeImport(stored, wanted);
      // Weeks left alone because the database has them count as unchanged.
      plan.unchanged += incoming.length - wanted.length;
      await writeRates(tx, rateType, plan.writes, opts.rowSource ?? "freddie_mac_pmms");
      totals.inserted += plan.inserted;
      totals.updated += plan.updated;
      totals.unchanged += plan.unchanged;
      totals.recomputed += plan.recomputed;
      if (plan.newLatest) totals.newLatest.push(rateType);
    }
    if (opts.actorId) {
      await tx.insert(auditLog).values({
        actorId: opts.actorId,
        action: "rates.import",
        targetType: "rate_ingest_run",
        targetId: runId,
        after: { source: opts.source, inserted: totals.inserted, updated: totals.updated, unchanged: totals.unchanged, partial: Boolean(opts.partial) },
      });
    }
  });
  return totals;
}

/**
 * Imports a rate file in any of the three layouts (see parse.ts). With a rejected line and no
 * `partial`, nothing is written and the result says why. Each run is recorded in rate_ingest_runs.
 * Throws only on unexpected failures (the database), after recording them on the run.
 */
export async function importRatesFromText(text: string, opts: ImportOptions): Promise<IngestResult> {
  const database = opts.db ?? appDb;
  const runId = opts.runId ?? (opts.recordRun === false ? null : await startRun(database, opts.source));
  const done = async (r: Omit<IngestResult, "runId">): Promise<IngestResult> => {
    await finishRun(database, runId, r);
    return { runId, ...r };
  };

  let parsed;
  try {
    parsed = parseRatesText(text);
  } catch (err) {
    if (err instanceof RatesFormatError) return done(emptyResult(opts.source, err.message));
    throw err;
  }
  const base = { ...emptyResult(opts.source), layout: parsed.layout, rejected: parsed.rejections.length, rejections: parsed.rejections, skipped: parsed.skipped };
  if (parsed.rejections.length > 0 && !opts.partial) {
    const n = parsed.rejections.length;
    return done({ ...base, error: `${n} ${n === 1 ? "line was" : "lines were"} rejected, so nothing was written. Fix ${n === 1 ? "it" : "them"}, or choose to import only the good rows.` });
  }

  let totals: Awaited<ReturnType<typeof applyRows>>;
  try {
    totals = await applyRows(database, parsed.rows, opts, runId);
  } catch (err) {
    await finishRun(database, runId, { ...base, error: `Import failed: ${err instanceof Error ? err.message : String(err)}` }).catch(() => {});
    throw err;
  }
  // The rows are in: a failure to record the run must not make it read "Import failed" (nothing
  // written), nor skip the cache refresh and the sweep the caller starts for a new week.
  const outcome = { ...base, ...totals, committed: true };
  const result = await done(outcome).catch((err: unknown) => {
    console.error(`[rates] ${opts.source}: imported, but the run could not be recorded`, err);
    return { runId, ...outcome };
  });
  if (totals.inserted + totals.updated + totals.recomputed > 0) await revalidateRatesCache();
  return result;
}
