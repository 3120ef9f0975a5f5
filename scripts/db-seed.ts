// npm run db:seed — plans, every shipped PMMS rate, and (outside production) the demo accounts.
// `npm run db:seed -- --no-demo`: plans and rates only.
import { seed } from "@/db/seed";
import { env } from "@/lib/env";
import { openCliDb, runCli } from "./cli-db";

runCli(async () => {
  const e = env();
  const { handle, label } = openCliDb();
  console.log(`seeding ${label}`);
  await seed(handle.db, {
    demo: !process.argv.includes("--no-demo") && (e.NODE_ENV !== "production" || e.DEMO_SEED),
    loanNumberKey: e.LOAN_NUMBER_KEY,
    log: (l) => console.log(l),
  });
  await handle.close();
});
