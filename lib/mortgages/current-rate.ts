import { sql, type SQL } from "drizzle-orm";
import { mortgages } from "@/db/schema";

/**
 * A mortgage's rate now: the rate of its newest recorded balance (an adjustable loan resets; a
 * homeowner records it with the balance), else its original rate. The dashboard's rule
 * (lib/mortgages/dashboard.ts), for every other page and email that compares with the market.
 * `m`: the alias of mortgages in a raw query; without it, drizzle's own column names.
 */
export function currentRateSql(m?: string): SQL<number> {
  const id = m ? sql.raw(`${m}.id`) : sql`${mortgages.id}`;
  const original = m ? sql.raw(`${m}.original_interest_rate`) : sql`${mortgages.originalInterestRate}`;
  return sql<number>`coalesce((SELECT mt.current_rate FROM mortgage_tracking mt WHERE mt.mortgage_id = ${id} ORDER BY mt.recorded_on DESC, mt.created_at DESC LIMIT 1), ${original})`.mapWith(Number);
}
