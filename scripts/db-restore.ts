// npm run db:restore -- <file> — restores a backup into an EMPTY database (the configured one).
import { existsSync } from "node:fs";
import { restoreDatabase } from "@/db/backup";
import { rowCounts } from "@/db/inspect";
import { env } from "@/lib/env";
import { openCliDb, runCli } from "./cli-db";

runCli(async () => {
  const file = process.argv.slice(2).find((a) => !a.startsWith("--"));
  if (!file || !existsSync(file)) throw new Error("usage: npm run db:restore -- <backup file>");
  const e = env();
  if (file.endsWith(".tar.gz")) {
    await restoreDatabase(file, { pgliteDir: e.PGLITE_DIR });
  } else if (file.endsWith(".dump")) {
    await restoreDatabase(file, { url: e.DATABASE_URL });
  } else {
    const { handle } = openCliDb();
    await restoreDatabase(file, { handle });
    await handle.close();
  }
  const { handle } = openCliDb();
  const counts = await rowCounts(handle.db);
  await handle.close();
  for (const [table, n] of Object.entries(counts)) console.log(`  ${table.padEnd(28)} ${n}`);
  console.log(`restored ${file}`);
});
