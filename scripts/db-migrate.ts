// npm run db:migrate — back up (when there is data), apply pending migrations one transaction
// each, then validate. Exits non-zero naming the migration or the check that failed.
import { backupDatabase, hasData } from "@/db/backup";
import { rowCounts } from "@/db/inspect";
import { MigrationError, pendingMigrations, runMigrations } from "@/db/migrate";
import { validateDatabase } from "@/db/validate";
import { backupsDir, openCliDb, runCli } from "./cli-db";

runCli(async () => {
  const { handle, url, label } = openCliDb();
  console.log(`database: ${label}`);
  const before = await rowCounts(handle.db);
  const pending = await pendingMigrations(handle.db);
  if (pending.length === 0) console.log("migrations: up to date");
  else {
    if (await hasData(handle.db)) {
      const file = await backupDatabase(handle, { dir: backupsDir(), url });
      console.log(`backup: ${file}`);
    }
    try {
      await runMigrations(handle.db, { log: (l) => console.log(`migrations: ${l}`) });
    } catch (err) {
      if (err instanceof MigrationError) {
        console.error(`error: ${err.message}`);
        console.error("The database is unchanged by that migration.");
        await handle.close();
        return 1;
      }
      throw err;
    }
  }
  const report = await validateDatabase(handle.db);
  console.log("rows (before -> after):");
  for (const [table, n] of Object.entries(report.counts)) console.log(`  ${table.padEnd(28)} ${String(before[table] ?? "-").padStart(8)} -> ${n}`);
  await handle.close();
  if (!report.ok) {
    for (const p of report.problems) console.error(`check failed: ${p}`);
    return 1;
  }
  console.log("validate: ok");
});
