import "server-only";
import { sql } from "drizzle-orm";
import { unstable_cache } from "next/cache";
import { db, queryRows } from "@/db";
import { RATES_CACHE_TAG } from "@/lib/rates/latest";
import type { RateSeries } from "./backtest";
import type { AlertProduct } from "./products";

/** Every published week of a product, oldest first (one indexed query per type). */
export async function rateSeriesUncached(product: AlertProduct): Promise<RateSeries> {
  const rows = await queryRows<{ date: string; rate: string }>(
    db,
    sql`SELECT date::text AS date, rate::text AS rate FROM mortgage_rates WHERE rate_type = ${product}::rate_type ORDER BY date`,
  );
  return { dates: rows.map((r) => r.date), rates: rows.map((r) => Number(r.rate)) };
}

/** Cached across requests; an import drops it with the other rate caches (tag `rates`). */
export const rateSeries = unstable_cache(rateSeriesUncached, ["alert-rate-series"], { tags: [RATES_CACHE_TAG], revalidate: 3600 });

export async function bothSeries(): Promise<Record<AlertProduct, RateSeries>> {
  const [thirty, fifteen] = await Promise.all([rateSeries("30_year_fixed"), rateSeries("15_year_fixed")]);
  return { "30_year_fixed": thirty, "15_year_fixed": fifteen };
}
