// npm run db:validate — tables, indexes and foreign keys checked; row counts printed.
import { validateDatabase } from "@/db/validate";
import { openCliDb, runCli } from "./cli-db";

runCli(async () => {
  const { handle, label } = openCliDb();
  const report = await validateDatabase(handle.db);
  console.log(`database: ${label}`);
  for (const [table, n] of Object.entries(report.counts)) console.log(`  ${table.padEnd(28)} ${n}`);
  await handle.close();
  for (const p of report.problems) console.error(`check failed: ${p}`);
  if (!report.ok) return 1;
  console.log("validate: ok");
});
