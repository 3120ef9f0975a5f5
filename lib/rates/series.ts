import "server-only";
import { and, asc, eq, isNull } from "drizzle-orm";
import { db } from "@/db";
import { mortgageRates, mortgages, userPreferences } from "@/db/schema";
import { currentRateSql } from "@/lib/mortgages/current-rate";
import { cachedRates } from "./cache";
import { DEFAULT_MAX_POINTS, downsampleMinMax } from "./downsample";
import { latestRates } from "./latest";
import { rangeStart, type RatePoint, type RateRange, type RateType } from "./types";

/** The whole published history of one type, oldest first. */
export async function rateSeriesUncached(rateType: RateType): Promise<RatePoint[]> {
  return db
    .select({ date: mortgageRates.date, rate: mortgageRates.rate, points: mortgageRates.points })
    .from(mortgageRates)
    .where(eq(mortgageRates.rateType, rateType))
    .orderBy(asc(mortgageRates.date));
}

/** Cached per type (tag `rates`): a few thousand rows that change once a week. */
export const rateSeries = cachedRates(rateSeriesUncached, ["rate-series"]);

/** The newest survey week of any type: ranges such as 1Y end here. */
export async function newestRateDate(): Promise<string | null> {
  const latest = await latestRates();
  return latest.reduce<string | null>((m, r) => (m === null || r.date > m ? r.date : m), null);
}

export type SeriesQuery = { type: RateType; from?: string; to?: string; range?: RateRange; maxPoints?: number };
export type SeriesResult = {
  type: RateType;
  range: RateRange | null;
  from: string | null;
  to: string | null;
  /** Weeks in the period before downsampling. */
  total: number;
  downsampled: boolean;
  points: RatePoint[];
};

/** One type over a period (explicit dates or a range ending at the newest week), at most ~600 points. */
export async function querySeries(q: SeriesQuery): Promise<SeriesResult> {
  let from = q.from ?? null;
  let to = q.to ?? null;
  if (q.range) {
    to = await newestRateDate();
    from = to ? rangeStart(q.range, to) : null;
  }
  const all = await rateSeries(q.type);
  const inPeriod = all.filter((p) => (from === null || p.date >= from) && (to === null || p.date <= to));
  const points = downsampleMinMax(inPeriod, q.maxPoints ?? DEFAULT_MAX_POINTS, (p) => p.rate);
  return { type: q.type, range: q.range ?? null, from, to, total: inPeriod.length, downsampled: points.length < inPeriod.length, points };
}

export type RateOverlay = {
  /** The user's minimum rate drop worth refinancing for, in percentage points. */
  threshold: number;
  mortgages: { id: string; name: string; rate: number; refiBelow: number }[];
};

/** The signed-in user's own rates for the chart: one line per live mortgage, and its refi zone. */
export async function userRateOverlay(userId: string): Promise<RateOverlay> {
  const [prefs] = await db.select({ threshold: userPreferences.minRateDropThreshold }).from(userPreferences).where(eq(userPreferences.userId, userId)).limit(1);
  const threshold = prefs?.threshold ?? 0.125; // the column's default, for a user without a preferences row
  const rows = await db
    // The rate the dashboard compares with: the newest recorded one, else the original.
    .select({ id: mortgages.id, name: mortgages.name, rate: currentRateSql() })
    .from(mortgages)
    .where(and(eq(mortgages.userId, userId), isNull(mortgages.deletedAt)))
    .orderBy(asc(mortgages.createdAt), asc(mortgages.name));
  return {
    threshold,
    mortgages: rows.map((m) => ({ ...m, refiBelow: Math.round((m.rate - threshold) * 1000) / 1000 })),
  };
}
