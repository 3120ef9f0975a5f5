import { getTableConfig, type PgTable } from "drizzle-orm/pg-core";
import { is, sql, Table } from "drizzle-orm";
import { queryRows, type DbOrTx } from "./client";
import * as schema from "./schema";

/** Every table the schema declares. */
export function schemaTables(): PgTable[] {
  return (Object.values(schema) as unknown[]).filter((v): v is PgTable => is(v, Table));
}

export function schemaTableNames(): string[] {
  return schemaTables().map((t) => getTableConfig(t).name);
}

/** Row count of every table of the schema, by name. */
export async function rowCounts(db: DbOrTx): Promise<Record<string, number>> {
  const names = schemaTableNames();
  const present = new Set(
    (await queryRows<{ table_name: string }>(db, sql`SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'`)).map(
      (r) => r.table_name,
    ),
  );
  const counts: Record<string, number> = {};
  for (const name of names.sort()) {
    if (!present.has(name)) continue;
    const [row] = await queryRows<{ n: string | number }>(db, sql.raw(`SELECT count(*) AS n FROM "${name}"`));
    counts[name] = Number(row?.n ?? 0);
  }
  return counts;
}

/** Tables in an order where every table comes after the tables it references. */
export function tablesInDependencyOrder(): string[] {
  const configs = schemaTables().map((t) => getTableConfig(t));
  const deps = new Map(
    configs.map((c) => [c.name, c.foreignKeys.map((fk) => getTableConfig(fk.reference().foreignTable).name).filter((n) => n !== c.name)]),
  );
  const order: string[] = [];
  const visit = (name: string, seen: Set<string>) => {
    if (order.includes(name) || seen.has(name)) return;
    seen.add(name);
    for (const d of deps.get(name) ?? []) visit(d, seen);
    order.push(name);
  };
  for (const c of configs) visit(c.name, new Set());
  return order;
}
