import type { Db } from "@/db/client";
import type { BenchRow } from "./report";

/**
 * Database-side measures. Filled in as the domains land: the alert sweep (lib/alerts), the
 * admin user search and failed-email view (lib/admin), latest-rates and range queries (lib/rates).
 */
export async function benchDatabase(_db: Db): Promise<BenchRow[]> {
  return [];
}
