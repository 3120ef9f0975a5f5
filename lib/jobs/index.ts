export { enqueueJob, claimJobs, completeJob, failJob, pruneJobs } from "./queue";
export { enqueueSchedules, runWorkerTick, startWorkerLoop, type TickResult } from "./worker";
