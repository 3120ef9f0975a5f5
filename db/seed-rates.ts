import { readFileSync } from "node:fs";
import path from "node:path";
import { importRatesFromText } from "@/lib/rates/import";
import type { DbOrTx } from "./client";

export const SEED_RATES_DIR = path.resolve(process.cwd(), "db/seed-data/rates");
export const SEED_RATE_FILES = ["pmms-30_year_fixed.csv", "pmms-15_year_fixed.csv", "pmms-5_1_ARM.csv"];

/**
 * Loads the shipped Freddie Mac PMMS history through the same import as `npm run rates:import`
 * (change_from_previous per type, source freddie_mac_pmms), weeks the database lacks only: it
 * runs on every start and release, and must not put back a value corrected since (an admin's
 * correction, a revision the daily fetch brought). A second run writes nothing. Returns the
 * number of rates in the files.
 */
export async function seedRates(db: DbOrTx): Promise<number> {
  let total = 0;
  for (const name of SEED_RATE_FILES) {
    const text = readFileSync(path.join(SEED_RATES_DIR, name), "utf8");
    const result = await importRatesFromText(text, { source: `seed:${name}`, db, recordRun: false, missingOnly: true });
    if (result.error) throw new Error(`${name}: ${result.error}${result.rejections.length ? ` (first: line ${result.rejections[0]!.line}: ${result.rejections[0]!.reason})` : ""}`);
    total += result.inserted + result.updated + result.unchanged;
  }
  return total;
}
