// npm run worker [-- --once] — the job worker: daily rate fetch, alert sweeps, digests, email
// retries, trigger expiry, metrics. Safe to run on several machines at once.
import { startWorkerLoop, runWorkerTick } from "@/lib/jobs";
import { closeDb } from "@/db";
import { runCli } from "./cli-db";

if (process.argv.includes("--once")) {
  runCli(async () => {
    const r = await runWorkerTick();
    for (const x of r.results) console.log(`${x.name}: ${x.ok ? "done" : `failed: ${x.error}`}`);
    console.log(`ran ${r.ran}, failed ${r.failed}`);
    await closeDb();
    return r.failed > 0 ? 1 : 0;
  });
} else {
  const stop = startWorkerLoop({ intervalMs: Number(process.env.WORKER_INTERVAL_MS ?? 15_000) });
  console.log("[worker] started");
  const shutdown = () => void stop().then(() => closeDb()).then(() => process.exit(0));
  process.once("SIGINT", shutdown);
  process.once("SIGTERM", shutdown);
}
