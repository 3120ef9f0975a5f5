import "server-only";
import { sql } from "drizzle-orm";
import { db, queryRows } from "@/db";
import { cachedRates } from "./cache";
import { RATES_CACHE_TAG_VALUE } from "./tag";

export type LatestRate = { rateType: string; date: string; rate: number; points: number | null; changeFromPrevious: number | null };

export const RATES_CACHE_TAG = RATES_CACHE_TAG_VALUE;

/** The newest published rate of each type (one index scan per type via DISTINCT ON). */
export async function latestRatesUncached(): Promise<LatestRate[]> {
  const rows = await queryRows<{ rate_type: string; date: string; rate: string; points: string | null; change_from_previous: string | null }>(
    db,
    sql`SELECT DISTINCT ON (rate_type) rate_type, date::text AS date, rate::text AS rate, points::text AS points, change_from_previous::text AS change_from_previous
        FROM mortgage_rates ORDER BY rate_type, date DESC`,
  );
  return rows.map((r) => ({
    rateType: r.rate_type,
    date: r.date,
    rate: Number(r.rate),
    points: r.points === null ? null : Number(r.points),
    changeFromPrevious: r.change_from_previous === null ? null : Number(r.change_from_previous),
  }));
}

/** Cached across requests; invalidated by revalidateTag(RATES_CACHE_TAG) after an import (uncached outside Next). */
export const latestRates = cachedRates(latestRatesUncached, ["latest-rates"]);
