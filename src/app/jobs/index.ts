export {
  DAILY_JOB,
  type DailyRunOutcome,
  DEFAULT_STALE_AFTER_SECONDS,
  type DueRun,
  dueDailyRuns,
  RUNNER,
  retryNotifications,
  runDailyWork,
} from './daily.js';
export { DISPATCH_PATTERN, type InProcessScheduler, startInProcessScheduler } from './in-process.js';
export { dailyJobId, type JobQueue, type JobQueueOptions, QUEUES, queueSchema, startJobQueue } from './queue.js';
export { type DailyWork, startDailyWork } from './start.js';
