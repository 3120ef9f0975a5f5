// The embedded demo (`npm start`) runs the job worker inside the web process; in production it
// runs as its own service (`npm run worker`). WORKER_IN_PROCESS decides.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  // Before the first request: finished renders must not pin each other in memory (the file says why).
  const { releaseRenderAbortStacks } = await import("@/lib/server/render-abort-stacks");
  releaseRenderAbortStacks();
  if (!["true", "1"].includes(process.env.WORKER_IN_PROCESS ?? "")) return;
  const { startWorkerLoop } = await import("@/lib/jobs/worker");
  startWorkerLoop({ intervalMs: 30_000 });
}

// A page or route that failed because PostgreSQL is unreachable makes the breaker probe at once,
// so the next requests get a 503 from proxy.ts instead of another error page (db/availability.ts).
export async function onRequestError(err: unknown) {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { noteDatabaseError } = await import("@/db/breaker");
  noteDatabaseError(err);
}
