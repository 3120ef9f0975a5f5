// npm run email:retry — sends again the failed emails whose next attempt is due (up to 3 attempts).
import { closeDb } from "@/db";
import { retryDueEmails } from "@/lib/email";
import { runCli } from "./cli-db";

runCli(async () => {
  const r = await retryDueEmails(500);
  console.log(`retried ${r.retried}, sent ${r.sent}`);
  await closeDb();
});
