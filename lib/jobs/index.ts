export { enqueueJob, claimJobs, completeJob, failJob, heartbeatJob, pruneJobs, type ClaimedJob } from "./queue";
export { enqueueSchedules, runWorkerTick, startWorkerLoop, type TickResult } from "./worker";
