// A worker process for the queue tests: it takes daily jobs from the queue of the database at
// argv[2], prints 'claimed <org>' when it has claimed a run, and then never finishes it, so the
// test can kill it with SIGKILL in the middle of a run.
import { openDatabase } from '../../db/connection.js';
import { fixedClock } from '../clock.js';
import { startJobQueue } from './queue.js';

const [url, now, stale] = process.argv.slice(2) as [string, string, string];
const db = await openDatabase({ url });
await startJobQueue(db, {
  url,
  clock: fixedClock(now),
  work: true,
  staleAfterSeconds: Number(stale),
  maintenanceIntervalSeconds: 1,
  pollingIntervalSeconds: 0.5,
  retryDelaySeconds: 1,
  onClaimed: async (run) => {
    process.stdout.write(`claimed ${run.orgId}\n`);
    await new Promise(() => {});
  },
});
process.stdout.write('ready\n');
