/**
 * The body of an import read worker (docs/adr/0009): it opens a file, reads and validates its
 * rows against the reference state the importing thread sends, and posts the valid rows batch by
 * batch, while that thread writes the previous batches. It touches no database. Started by
 * `read-on-worker.ts` through `read-worker-entry.mjs`.
 */
import { type MessagePort, parentPort } from 'node:worker_threads';
import { bufferBytes } from './decode.js';
import { type FileBytes, openFileBytes } from './file-bytes.js';
import { openSource } from './open-source.js';
import type { FromWorker, ReadJob, ToWorker } from './read-on-worker.js';
import { readRows } from './read-rows.js';
import { SheetError, type SheetSource } from './sheet.js';
import { workerKind } from './worker-kinds.js';

/** Batches posted and not yet taken by the importing thread: enough to keep both threads busy, few enough to bound memory. */
const IN_FLIGHT = 4;

/** A cloned Buffer arrives as a plain Uint8Array: the same bytes, seen as a Buffer without copying. */
function toBuffer(data: Uint8Array): Buffer {
  return Buffer.from(data.buffer, data.byteOffset, data.byteLength);
}

class Job {
  private file: FileBytes | null = null;
  private source: SheetSource | null = null;
  private acked = 0;
  private posted = 0;
  private wake: (() => void) | null = null;

  constructor(
    private readonly port: MessagePort,
    private readonly job: ReadJob,
  ) {}

  async open(): Promise<void> {
    const { job } = this;
    if ('path' in job.file) {
      try {
        this.file = openFileBytes(job.file.path);
      } catch (e) {
        const code =
          (e as NodeJS.ErrnoException).code === 'ENOENT' ? 'IMPORT_FILE_NOT_FOUND' : 'IMPORT_FILE_UNREADABLE';
        return this.post({ type: 'failed', code, value: job.file.path, expected: null });
      }
    }
    const bytes = this.file ?? bufferBytes(toBuffer((job.file as { data: Uint8Array }).data));
    const source = await openSource(job, bytes);
    if (!source.ok) {
      this.close();
      const { details } = source.error;
      const expected = details.expected === undefined ? null : String(details.expected);
      return this.post({ type: 'failed', code: source.error.code, value: details.value ?? null, expected });
    }
    this.source = source.value;
    this.post({ type: 'opened', estimatedRows: source.value.estimatedRows });
  }

  async read(state: unknown): Promise<void> {
    const { job, source } = this;
    const spec = workerKind(job.kind);
    if (!source || !spec) throw new Error(`cannot read ${job.kind}: not opened, or not a kind read on a worker`);
    const input = {
      spec,
      source,
      mapping: job.mapping,
      baseCurrency: job.baseCurrency,
      orgId: job.orgId,
      ...(job.limits ? { limits: job.limits } : {}),
    };
    const stream = readRows(input, state);
    let next = await stream.next();
    while (!next.done) {
      this.posted++;
      this.post({ type: 'batch', batch: next.value });
      while (this.posted - this.acked >= IN_FLIGHT) await new Promise<void>((r) => (this.wake = r));
      next = await stream.next();
    }
    this.post({ type: 'done', outcome: next.value });
  }

  /** The sheet's cell text batch by batch, for a kind validated on the importing thread. */
  async cells(): Promise<void> {
    const { source } = this;
    if (!source) throw new Error('cannot read cells: not opened');
    try {
      for await (const batch of source.batches()) {
        this.posted++;
        this.post({ type: 'sheet', batch });
        while (this.posted - this.acked >= IN_FLIGHT) await new Promise<void>((r) => (this.wake = r));
      }
    } catch (e) {
      if (!(e instanceof SheetError)) throw e;
      return this.post({ type: 'sheet-failed', code: e.code, row: e.row, expected: e.expected });
    }
    this.post({ type: 'sheet-done' });
  }

  ack(): void {
    this.acked++;
    const wake = this.wake;
    this.wake = null;
    wake?.();
  }

  close(): void {
    this.file?.close();
    this.file = null;
    this.source = null;
  }

  private post(message: FromWorker): void {
    this.port.postMessage(message);
  }
}

/** Serves one job at a time on `port`, for as long as the worker lives. */
export function serveReads(port: MessagePort): void {
  let job: Job | null = null;
  const run = (work: () => Promise<void>) =>
    work().catch((e: unknown) => {
      job?.close();
      job = null;
      const error = e instanceof Error ? e : new Error(String(e));
      port.postMessage({ type: 'crashed', message: error.message, stack: error.stack ?? '' } satisfies FromWorker);
    });
  port.on('message', (message: ToWorker) => {
    switch (message.type) {
      case 'open':
        job?.close();
        job = new Job(port, message.job);
        run(() => (job as Job).open());
        break;
      case 'read': {
        const current = job;
        if (current) run(() => current.read(message.state).finally(() => current.close()));
        break;
      }
      case 'cells': {
        const current = job;
        if (current) run(() => current.cells().finally(() => current.close()));
        break;
      }
      case 'ack':
        job?.ack();
        break;
      case 'close':
        job?.close();
        job = null;
        break;
    }
  });
}

if (parentPort) serveReads(parentPort);
