import { readFileSync } from "node:fs";
import path from "node:path";
import { sql } from "drizzle-orm";
import type { DbOrTx } from "./client";
import { mortgageRates } from "./schema";

export const SEED_RATES_DIR = path.resolve(process.cwd(), "db/seed-data/rates");
export const SEED_RATE_FILES = ["pmms-30_year_fixed.csv", "pmms-15_year_fixed.csv", "pmms-5_1_ARM.csv"];

type RateType = (typeof mortgageRates.$inferInsert)["rateType"];
export type SeedRate = { date: string; rateType: RateType; rate: number; points: number | null; changeFromPrevious: number | null };

/** Parses one of the shipped `date,rate_type,rate,points` files, with the weekly change per row. */
export function readSeedRates(file: string): SeedRate[] {
  const lines = readFileSync(file, "utf8").split(/\r?\n/).filter(Boolean);
  if (lines[0]?.trim() !== "date,rate_type,rate,points") throw new Error(`${file}: unexpected header ${lines[0]}`);
  let previous: number | null = null;
  return lines.slice(1).map((line) => {
    const [date, rateType, rate, points] = line.split(",");
    const value = Number(rate);
    const change: number | null = previous === null ? null : Math.round((value - previous) * 1000) / 1000;
    previous = value;
    return {
      date: date!,
      rateType: rateType as RateType,
      rate: value,
      points: points ? Number(points) : null,
      changeFromPrevious: change,
    };
  });
}

/** Upserts the shipped Freddie Mac PMMS history; rows already equal are left alone. */
export async function seedRates(db: DbOrTx): Promise<number> {
  let total = 0;
  for (const name of SEED_RATE_FILES) {
    const rows = readSeedRates(path.join(SEED_RATES_DIR, name));
    for (let i = 0; i < rows.length; i += 1000) {
      const chunk = rows.slice(i, i + 1000).map((r) => ({ ...r, source: "freddie_mac_pmms" }));
      await db
        .insert(mortgageRates)
        .values(chunk)
        .onConflictDoUpdate({
          target: [mortgageRates.date, mortgageRates.rateType],
          set: {
            rate: sql`excluded.rate`,
            points: sql`excluded.points`,
            changeFromPrevious: sql`excluded.change_from_previous`,
            source: sql`excluded.source`,
            updatedAt: sql`now()`,
          },
          setWhere: sql`(${mortgageRates.rate}, ${mortgageRates.points}, ${mortgageRates.changeFromPrevious}) IS DISTINCT FROM (excluded.rate, excluded.points, excluded.change_from_previous)`,
        });
    }
    total += rows.length;
  }
  return total;
}
