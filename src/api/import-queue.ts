import { fail, type Result } from '../core/shared/index.js';

/**
 * Imports through the API run a few at a time: each reads its file on a worker thread within the
 * read limits, so memory stays within `concurrency` × (one upload of at most 10 MB + what one
 * reading holds), however many uploads arrive. Up to `queue` more wait their turn; beyond that the
 * upload is refused at once with 503 IMPORT_BUSY.
 */
export interface ImportQueueSettings {
  /** Imports running at once (CASHGUARD_IMPORT_CONCURRENCY, default 2). */
  readonly concurrency: number;
  /** Imports waiting for a turn (CASHGUARD_IMPORT_QUEUE, default 8). */
  readonly queue: number;
}

export const DEFAULT_IMPORT_QUEUE: ImportQueueSettings = { concurrency: 2, queue: 8 };

/** The queue settings with the environment's overrides (positive whole numbers). */
export function importQueueFrom(env: Readonly<Record<string, string | undefined>>): ImportQueueSettings {
  const read = (name: string, fallback: number) => {
    const text = Object.hasOwn(env, name) ? env[name] : undefined;
    return text !== undefined && /^\d{1,4}$/.test(text.trim()) && Number(text) > 0 ? Number(text) : fallback;
  };
  return {
    concurrency: read('CASHGUARD_IMPORT_CONCURRENCY', DEFAULT_IMPORT_QUEUE.concurrency),
    queue: read('CASHGUARD_IMPORT_QUEUE', DEFAULT_IMPORT_QUEUE.queue),
  };
}

export class ImportQueue {
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(private readonly settings: ImportQueueSettings) {}

  /** Runs `work` when a turn is free; IMPORT_BUSY when the queue is full. */
  async run<T>(work: () => Promise<Result<T>>): Promise<Result<T>> {
    if (this.running >= this.settings.concurrency) {
      if (this.waiting.length >= this.settings.queue) return fail('IMPORT_BUSY', {});
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    } else this.running++;
    try {
      return await work();
    } finally {
      const next = this.waiting.shift();
      // The turn passes straight to the next waiting import; `running` stays counted.
      if (next) next();
      else this.running--;
    }
  }
}
