/**
 * Keeps computed reports (the cash position, aging, forecasts) per organisation so a busy
 * dashboard or API client does not recompute them on every request.
 *
 * - A fresh entry is served as is. An entry stays fresh for `ttlMs`, or for 20 times what it took
 *   to compute when that is longer (capped at 10 minutes): a report that takes seconds on a
 *   million invoices is not recomputed every few seconds, blocking the server each time.
 * - An older entry is served at once while one background refresh replaces it
 *   (stale-while-revalidate), so no request waits on a recomputation it did not cause.
 * - `invalidate(orgId)` drops the organisation's entries: the next request computes afresh.
 *   The HTTP server calls it after every write of that organisation, so a user always sees
 *   her own changes at once.
 * - With `generationOf` (the organisation's data generation in the database, docs/adr/0015), every
 *   request first reads it: when any process has written the organisation's data since the
 *   entries were computed, they are dropped as by `invalidate`. Without it, writes by other
 *   processes show within `ttlMs`.
 * Failed computations are never cached. One instance belongs to one server (no module state).
 */
const MAX_FRESH_MS = 10 * 60_000;

export class ReportCache {
  private readonly entries = new Map<
    string,
    { value: Promise<unknown>; at: number; freshMs: number; refreshing: boolean; generation: number }
  >();
  private readonly generations = new Map<string, number>();
  /** The data generation each organisation's entries were computed at (with `generationOf`). */
  private readonly dataGenerations = new Map<string, number>();

  constructor(
    private readonly now: () => number = () => Date.now(),
    private readonly ttlMs = 30_000,
    private readonly maxEntries = 2_000,
    private readonly generationOf?: (orgId: string) => Promise<number>,
  ) {}

  async get<T>(orgId: string, key: string, compute: () => Promise<T>): Promise<T> {
    if (this.generationOf) {
      const current = await this.generationOf(orgId);
      const known = this.dataGenerations.get(orgId);
      // A write since the entries were computed, by this process or another: they are stale.
      if (known !== undefined && known !== current) this.invalidate(orgId);
      this.dataGenerations.set(orgId, current);
    }
    const id = `${orgId}\u0000${key}`;
    const generation = this.generations.get(orgId) ?? 0;
    const entry = this.entries.get(id);
    if (entry && entry.generation === generation) {
      if (this.now() - entry.at >= entry.freshMs && !entry.refreshing)
        this.refresh(id, orgId, generation, entry, compute);
      return entry.value as Promise<T>;
    }
    return this.store(id, generation, this.timed(compute));
  }

  /** Runs a computation and records how long it took, to size its freshness window. */
  private async timed<T>(compute: () => Promise<T>): Promise<{ value: T; ms: number }> {
    const started = this.now();
    const value = await compute();
    return { value, ms: this.now() - started };
  }

  /** Forget everything computed for the organisation (after a write). */
  invalidate(orgId: string): void {
    this.generations.set(orgId, (this.generations.get(orgId) ?? 0) + 1);
    const prefix = `${orgId}\u0000`;
    for (const id of this.entries.keys()) if (id.startsWith(prefix)) this.entries.delete(id);
  }

  get size(): number {
    return this.entries.size;
  }

  private store<T>(id: string, generation: number, timed: Promise<{ value: T; ms: number }>): Promise<T> {
    if (this.entries.size >= this.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    const value = timed.then((t) => t.value);
    const entry = {
      value: value as Promise<unknown>,
      at: this.now(),
      freshMs: this.ttlMs,
      refreshing: false,
      generation,
    };
    this.entries.set(id, entry);
    timed.then(
      (t) => {
        // Freshness counts from when the value was ready, not from when it was asked for.
        entry.at = this.now();
        entry.freshMs = Math.min(MAX_FRESH_MS, Math.max(this.ttlMs, 20 * t.ms));
      },
      () => {
        if (this.entries.get(id) === entry) this.entries.delete(id);
      },
    );
    return value;
  }

  private refresh<T>(
    id: string,
    orgId: string,
    generation: number,
    entry: { refreshing: boolean },
    compute: () => Promise<T>,
  ): void {
    entry.refreshing = true;
    this.timed(compute).then(
      (t) => {
        if ((this.generations.get(orgId) ?? 0) === generation) this.store(id, generation, Promise.resolve(t));
      },
      () => {
        entry.refreshing = false; // keep serving the stale value; try again on a later request
      },
    );
  }
}
