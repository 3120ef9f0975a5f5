import "server-only";

/**
 * What each job name does. Handlers are imported lazily so the worker only loads the domains it
 * runs. Domains add their jobs here (one line each).
 */
export type JobHandler = (payload: Record<string, unknown>) => Promise<unknown>;

export const jobHandlers: Record<string, JobHandler> = {
  "email.retry": async () => (await import("@/lib/email/send")).retryDueEmails(),
  "jobs.prune": async () => (await import("./queue")).pruneJobs(),
  "rate_limits.prune": async () => (await import("@/lib/rate-limit")).pruneRateLimits(),
  "metrics.daily": async () => (await import("@/lib/admin/metrics")).runDailyMetrics(),
  "alerts.sweep": async () => (await import("@/lib/alerts/jobs")).runSweepJob(),
  "alerts.expire": async () => (await import("@/lib/alerts/jobs")).runExpireJob(),
  "alerts.digest": async (payload) => (await import("@/lib/alerts/jobs")).runDigestJob(payload),
  "rates.fetch": async () => (await import("@/lib/alerts/jobs")).runRatesFetchJob(),
  "mortgages.roll_forward": async () => (await import("@/lib/mortgages/roll-forward")).rollForwardBalances(),
};

/**
 * Recurring jobs: enqueued once per slot of `everyMinutes` (dedupe key name:slot), whichever
 * worker gets there first. Domains add their schedules here.
 */
export const schedules: { name: string; everyMinutes: number; payload?: Record<string, unknown> }[] = [
  { name: "email.retry", everyMinutes: 5 },
  { name: "jobs.prune", everyMinutes: 24 * 60 },
  { name: "rate_limits.prune", everyMinutes: 60 },
  { name: "metrics.daily", everyMinutes: 60 },
  { name: "alerts.sweep", everyMinutes: 60 },
  { name: "alerts.expire", everyMinutes: 60 },
  { name: "alerts.digest", everyMinutes: 24 * 60, payload: { frequency: "daily" } },
  { name: "alerts.digest", everyMinutes: 7 * 24 * 60, payload: { frequency: "weekly" } },
  // Freddie Mac publishes Thursdays around 16:00 UTC: every 3 hours finds a new week within
  // hours, and a failed download (their site down) is tried again the same day, not tomorrow.
  // A fetch that finds nothing new writes nothing but its run row.
  { name: "rates.fetch", everyMinutes: 3 * 60 },
  { name: "mortgages.roll_forward", everyMinutes: 24 * 60 },
];
