import "server-only";
import { enqueueJob } from "@/lib/jobs/queue";
import { notifyInstant, sendDigests } from "./notify";
import { expireTriggers, sweepAlerts } from "./sweep";

// The worker's alert jobs (registered in lib/jobs/registry.ts).

/** alerts.sweep: new triggers for the newest rates, then instant emails for unsent triggers. */
export async function runSweepJob() {
  const swept = await sweepAlerts();
  const emailed = await notifyInstant();
  return { triggers: swept.created.length, ...emailed };
}

/** alerts.digest: payload.frequency is "daily" or "weekly". */
export async function runDigestJob(payload: Record<string, unknown>) {
  const frequency = payload.frequency === "weekly" ? "weekly" : "daily";
  return sendDigests(frequency);
}

export async function runExpireJob() {
  return { expired: await expireTriggers() };
}

/** rates.fetch: downloads and imports Freddie Mac's file; a new newest week starts a sweep. */
export async function runRatesFetchJob() {
  const { fetchAndImportRates } = await import("@/lib/rates/fetch");
  const result = await fetchAndImportRates();
  if (result.newLatest.length > 0) await enqueueJob("alerts.sweep", { after: "rates.fetch", rateTypes: result.newLatest });
  return { inserted: result.inserted, updated: result.updated, newLatest: result.newLatest };
}
