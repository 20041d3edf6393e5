/**
 * The body of a report worker (docs/adr/0016): its own connection to the database, then one report
 * at a time as the pool sends them (`report-workers.ts`), each answered with its result or the
 * error it threw. A worker keeps the books it read last in memory (`loadBookLedger`), so the next
 * report of the same organisation reads nothing again while its data is unchanged.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { openDatabase } from '../db/connection.js';
import { runReport } from './report-jobs.js';
import type { FromReportWorker, ToReportWorker } from './report-workers.js';

const port = parentPort;
if (!port) throw new Error('report-worker.ts runs as a worker thread');
const { url } = workerData as { url: string };
const db = await openDatabase({ url });

port.on('message', async (m: ToReportWorker) => {
  if (m.type === 'close') {
    await db.close();
    port.close();
    return;
  }
  let reply: FromReportWorker;
  try {
    // The pool sent `params` typed for `kind` (ReportRunner.run); the message type cannot say so.
    reply = { id: m.id, ok: true, value: await runReport(db, m.kind, m.params as never) };
  } catch (error) {
    const e = error instanceof Error ? error : new Error(String(error));
    reply = { id: m.id, ok: false, message: e.message, stack: e.stack ?? e.message };
  }
  port.postMessage(reply);
});
