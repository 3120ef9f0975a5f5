import { sql } from "drizzle-orm";
import { getTableConfig } from "drizzle-orm/pg-core";
import { queryRows, type DbOrTx } from "./client";
import { rowCounts, schemaTables } from "./inspect";

export type ValidationReport = { ok: boolean; problems: string[]; counts: Record<string, number> };

/**
 * Checks a migrated database against the schema: every table and index present, no orphaned
 * row on any foreign key, and every foreign key column leading some index.
 */
export async function validateDatabase(db: DbOrTx): Promise<ValidationReport> {
  const problems: string[] = [];
  const tables = new Set(
    (await queryRows<{ table_name: string }>(db, sql`SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'`)).map(
      (r) => r.table_name,
    ),
  );
  const indexes = await queryRows<{ tablename: string; indexname: string; indexdef: string }>(
    db,
    sql`SELECT tablename, indexname, indexdef FROM pg_indexes WHERE schemaname = 'public'`,
  );
  const indexNames = new Set(indexes.map((i) => i.indexname));

  for (const table of schemaTables()) {
    const config = getTableConfig(table);
    if (!tables.has(config.name)) {
      problems.push(`table ${config.name} is missing`);
      continue;
    }
    for (const idx of config.indexes) {
      const name = idx.config.name;
      if (name && !indexNames.has(name)) problems.push(`index ${name} on ${config.name} is missing`);
    }
    for (const fk of config.foreignKeys) {
      const ref = fk.reference();
      const column = ref.columns[0]!.name;
      const parent = getTableConfig(ref.foreignTable).name;
      const parentColumn = ref.foreignColumns[0]!.name;
      const leads = indexes.some(
        (i) => i.tablename === config.name && new RegExp(`\\(\\s*"?${column}"?[\\s,)]`).test(i.indexdef),
      );
      if (!leads) problems.push(`foreign key ${config.name}.${column} has no index`);
      const [row] = await queryRows<{ n: string | number }>(
        db,
        sql.raw(
          `SELECT count(*) AS n FROM "${config.name}" c WHERE c."${column}" IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "${parent}" p WHERE p."${parentColumn}" = c."${column}")`,
        ),
      );
      const orphans = Number(row?.n ?? 0);
      if (orphans > 0) problems.push(`${orphans} orphaned rows in ${config.name}.${column} -> ${parent}`);
    }
  }
  const counts = await rowCounts(db);
  return { ok: problems.length === 0, problems, counts };
}
