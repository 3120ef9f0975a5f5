// npm run db:backup [-- --logical] — writes a backup into .data/backups and prints its path.
import { backupDatabase } from "@/db/backup";
import { backupsDir, openCliDb, runCli } from "./cli-db";

runCli(async () => {
  const { handle, url } = openCliDb();
  const file = await backupDatabase(handle, { dir: backupsDir(), url, format: process.argv.includes("--logical") ? "logical" : "native" });
  await handle.close();
  console.log(file);
});
