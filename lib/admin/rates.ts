import "server-only";
import { and, asc, desc, eq, gt, lt, sql } from "drizzle-orm";
import { db, queryRows, type DbOrTx } from "@/db";
import { mortgageRates, rateIngestRuns, type MortgageRate } from "@/db/schema";
import { audit } from "@/lib/audit";
import { ConflictError, NotFoundError, ValidationError } from "@/lib/errors";
import { formatDate } from "@/lib/format";
import { enqueueJob } from "@/lib/jobs";
import { importRatesFromText } from "@/lib/rates/import";
import { latestRatesUncached } from "@/lib/rates/latest";
import { revalidateRatesCache } from "@/lib/rates/revalidate";
import { RATE_TYPE_LABELS, type RateType } from "@/lib/rates/types";
import type { ActionState } from "@/lib/validated-action";
import { assertAdmin, type AdminCtx } from "./guard";
import type { RateEntry } from "./schemas";
import { MAX_UPLOAD_BYTES, TOO_LARGE_MESSAGE } from "./upload-limit";

// The importer holds the same lock: a manual entry never interleaves with a file import.
const RATES_LOCK = sql`SELECT pg_advisory_xact_lock(hashtext('refi_alert.rates_import'))`;
// change_from_previous is numeric(4,3); a bigger weekly move is a typo, not a market.
const MAX_WEEKLY_CHANGE = 9.999;

const round3 = (n: number) => Math.round(n * 1000) / 1000;
const label = (t: string) => RATE_TYPE_LABELS[t as RateType] ?? t;

/** Rate types that have published data (manual entry is only for those: never invent a series). */
export async function rateTypesWithData(tx: DbOrTx = db): Promise<RateType[]> {
  const rows = await queryRows<{ t: RateType }>(
    tx,
    sql`SELECT t::text AS t FROM unnest(enum_range(NULL::rate_type)) AS t WHERE EXISTS (SELECT 1 FROM mortgage_rates r WHERE r.rate_type = t)`,
  );
  return rows.map((r) => r.t);
}

export async function ratesAdminData(actorId: string, rateType?: string | null) {
  await assertAdmin(actorId);
  const [latest, types, runs] = await Promise.all([
    latestRatesUncached(),
    rateTypesWithData(),
    db.select().from(rateIngestRuns).orderBy(desc(rateIngestRuns.startedAt)).limit(20),
  ]);
  const selected = (rateType && types.includes(rateType as RateType) ? rateType : types[0]) as RateType | undefined;
  const recent = selected
    ? await db.select().from(mortgageRates).where(eq(mortgageRates.rateType, selected)).orderBy(desc(mortgageRates.date)).limit(12)
    : [];
  return { latest, types, runs, selected: selected ?? null, recent };
}

async function neighbours(tx: DbOrTx, rateType: RateType, date: string) {
  const [prev] = await tx
    .select()
    .from(mortgageRates)
    .where(and(eq(mortgageRates.rateType, rateType), lt(mortgageRates.date, date)))
    .orderBy(desc(mortgageRates.date))
    .limit(1);
  const [next] = await tx
    .select()
    .from(mortgageRates)
    .where(and(eq(mortgageRates.rateType, rateType), gt(mortgageRates.date, date)))
    .orderBy(asc(mortgageRates.date))
    .limit(1);
  return { prev, next };
}

function checkedChange(from: number | undefined, to: number, field: string, when: string): number | null {
  if (from === undefined) return null;
  const change = round3(to - from);
  if (Math.abs(change) > MAX_WEEKLY_CHANGE) {
    throw new ValidationError("That rate is too far from the neighbouring week to be right.", {
      [field]: [`It would be a change of ${change.toFixed(3)} points from ${when}. Check the value.`],
    });
  }
  return change;
}

const view = (r: MortgageRate | undefined | null) =>
  r ? { date: r.date, rateType: r.rateType, rate: r.rate, points: r.points, changeFromPrevious: r.changeFromPrevious, source: r.source } : null;

/**
 * Records one week's rate (insert, or correct the existing row for that date and type), sets its
 * change from the previous week and the following week's change from it, then starts the alert
 * sweep so homeowners hear about it.
 */
export async function recordRate(actorId: string, entry: RateEntry, ctx: AdminCtx = {}): Promise<ActionState> {
  await assertAdmin(actorId);
  const rateType = entry.rateType as RateType;
  const result = await db.transaction(async (tx) => {
    await tx.execute(RATES_LOCK);
    const types = await rateTypesWithData(tx);
    if (!types.includes(rateType)) {
      throw new ValidationError("Choose a rate type that has published data.", { rateType: ["Only types with survey data can be recorded."] });
    }
    const [before] = await tx.select().from(mortgageRates).where(and(eq(mortgageRates.rateType, rateType), eq(mortgageRates.date, entry.date))).limit(1);
    const { prev, next } = await neighbours(tx, rateType, entry.date);
    // One row per survey week: a Thursday entered for a week Freddie Mac dated Wednesday (a holiday
    // week) would store that week twice, and the fetch's own row would not be the newest.
    for (const near of [prev, next]) {
      if (near && Math.abs(Date.parse(`${near.date}T00:00:00Z`) - Date.parse(`${entry.date}T00:00:00Z`)) < 7 * 86_400_000) {
        throw new ValidationError("That survey week is already recorded.", { date: [`This week is recorded as ${near.date}: enter that date to correct it.`] });
      }
    }
    const change = checkedChange(prev?.rate, entry.rate, "rate", `the week of ${prev?.date}`);
    const nextChange = next ? checkedChange(entry.rate, next.rate, "rate", `the following week (${next.date})`) : null;
    const [row] = await tx
      .insert(mortgageRates)
      .values({ date: entry.date, rateType, rate: entry.rate, points: entry.points, changeFromPrevious: change, source: "admin_manual" })
      .onConflictDoUpdate({
        target: [mortgageRates.date, mortgageRates.rateType],
        set: { rate: entry.rate, points: entry.points, changeFromPrevious: change, source: "admin_manual", updatedAt: new Date() },
      })
      .returning();
    let nextAfter: MortgageRate | undefined;
    if (next) {
      [nextAfter] = await tx.update(mortgageRates).set({ changeFromPrevious: nextChange, updatedAt: new Date() }).where(eq(mortgageRates.id, next.id)).returning();
    }
    await audit(
      {
        actorId,
        action: before ? "admin.rate.update" : "admin.rate.create",
        targetType: "mortgage_rate",
        targetId: row!.id,
        before: { rate: view(before), nextWeek: view(next) },
        after: { rate: view(row), nextWeek: view(nextAfter) },
        ip: ctx.ip,
      },
      tx,
    );
    await enqueueJob("alerts.sweep", {}, { tx });
    return { updated: Boolean(before) };
  });
  await revalidateRatesCache();
  return {
    ok: true,
    message: `${label(rateType)} ${entry.rate.toFixed(3)}% for the week of ${formatDate(entry.date)} ${result.updated ? "updated" : "recorded"}. The alert sweep has been started.`,
  };
}

/** Removes a wrong row; the following week's change is then measured from the week before it. */
export async function deleteRate(actorId: string, { rateId }: { rateId: string }, ctx: AdminCtx = {}): Promise<ActionState> {
  await assertAdmin(actorId);
  const deleted = await db.transaction(async (tx) => {
    await tx.execute(RATES_LOCK);
    const [row] = await tx.select().from(mortgageRates).where(eq(mortgageRates.id, rateId)).limit(1);
    if (!row) throw new NotFoundError("That rate was already removed.");
    const { prev, next } = await neighbours(tx, row.rateType, row.date);
    await tx.delete(mortgageRates).where(eq(mortgageRates.id, row.id));
    let nextAfter: MortgageRate | undefined;
    if (next) {
      const change = prev ? round3(next.rate - prev.rate) : null;
      if (change !== null && Math.abs(change) > MAX_WEEKLY_CHANGE) throw new ConflictError("Removing this row would leave an impossible weekly change; correct the neighbouring weeks first.");
      [nextAfter] = await tx.update(mortgageRates).set({ changeFromPrevious: change, updatedAt: new Date() }).where(eq(mortgageRates.id, next.id)).returning();
    }
    await audit(
      { actorId, action: "admin.rate.delete", targetType: "mortgage_rate", targetId: row.id, before: { rate: view(row), nextWeek: view(next) }, after: { rate: null, nextWeek: view(nextAfter) }, ip: ctx.ip },
      tx,
    );
    return row;
  });
  await revalidateRatesCache();
  return { ok: true, message: `Removed ${label(deleted.rateType)} ${deleted.rate.toFixed(3)}% for the week of ${formatDate(deleted.date)}.` };
}

/** A CSV upload (any layout lib/rates reads). The importer records the run and the audit entry. */
export async function uploadRates(actorId: string, { file, partial }: { file: File; partial: boolean }): Promise<ActionState> {
  await assertAdmin(actorId);
  if (!(file instanceof File) || file.size === 0) throw new ValidationError("Choose a CSV file to upload.", { file: ["Choose a CSV file to upload."] });
  if (file.size > MAX_UPLOAD_BYTES) throw new ValidationError("That file is too large.", { file: [TOO_LARGE_MESSAGE] });
  const text = await file.text();
  const result = await importRatesFromText(text, { source: `upload: ${file.name || "rates.csv"}`.slice(0, 500), partial, actorId });
  if (!result.committed) {
    const first = result.rejections.slice(0, 3).map((r) => `line ${r.line}: ${r.reason}`);
    return { ok: false, message: [result.error ?? "Nothing was written.", ...first].join(" ") };
  }
  if (result.inserted + result.updated + result.unchanged === 0 && result.rejected > 0) {
    // "Import the good rows" with no good row: recorded, but nothing to celebrate.
    const first = result.rejections.slice(0, 3).map((r) => `line ${r.line}: ${r.reason}`);
    return { ok: false, message: [`No rate was imported: ${result.rejected === 1 ? "the one line was" : `all ${result.rejected} lines were`} rejected.`, ...first].join(" ") };
  }
  if (result.newLatest.length > 0 || result.inserted + result.updated > 0) await enqueueJob("alerts.sweep", {});
  const skipped = result.rejected > 0 ? ` ${result.rejected} rejected line${result.rejected === 1 ? "" : "s"} skipped.` : "";
  return { ok: true, message: `Imported: ${result.inserted} new, ${result.updated} corrected, ${result.unchanged} unchanged.${skipped}` };
}
