// npm run email:retry — sends again the failed emails whose next attempt is due (up to MAX_EMAIL_ATTEMPTS attempts,
// over about 20 hours; lib/email/send.ts).
import { closeDb } from "@/db";
import { retryDueEmails } from "@/lib/email";
import { runCli } from "./cli-db";

runCli(async () => {
  const r = await retryDueEmails({ batch: 500 });
  console.log(`retried ${r.retried}, sent ${r.sent}`);
  await closeDb();
});
