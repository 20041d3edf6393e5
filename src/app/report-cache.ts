/**
 * Keeps computed reports (the cash position, aging, forecasts) per organisation so a busy
 * dashboard or API client does not recompute them on every request.
 *
 * - A fresh entry (younger than `ttlMs`) is served as is.
 * - An older entry is served at once while one background refresh replaces it
 *   (stale-while-revalidate), so no request waits on a recomputation it did not cause.
 * - `invalidate(orgId)` drops the organisation's entries: the next request computes afresh.
 *   The HTTP server calls it after every write of that organisation, so a user always sees
 *   her own changes; writes by other processes show within `ttlMs`.
 * Failed computations are never cached. One instance belongs to one server (no module state).
 */
export class ReportCache {
  private readonly entries = new Map<
    string,
    { value: Promise<unknown>; at: number; refreshing: boolean; generation: number }
  >();
  private readonly generations = new Map<string, number>();

  constructor(
    private readonly now: () => number = () => Date.now(),
    private readonly ttlMs = 5_000,
    private readonly maxEntries = 2_000,
  ) {}

  async get<T>(orgId: string, key: string, compute: () => Promise<T>): Promise<T> {
    const id = `${orgId}\u0000${key}`;
    const generation = this.generations.get(orgId) ?? 0;
    const entry = this.entries.get(id);
    if (entry && entry.generation === generation) {
      if (this.now() - entry.at >= this.ttlMs && !entry.refreshing) this.refresh(id, orgId, generation, entry, compute);
      return entry.value as Promise<T>;
    }
    return this.store(id, generation, compute());
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

  private store<T>(id: string, generation: number, value: Promise<T>): Promise<T> {
    if (this.entries.size >= this.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    this.entries.set(id, { value, at: this.now(), refreshing: false, generation });
    value.catch(() => {
      if (this.entries.get(id)?.value === value) this.entries.delete(id);
    });
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
    compute().then(
      (value) => {
        if ((this.generations.get(orgId) ?? 0) === generation) this.store(id, generation, Promise.resolve(value));
      },
      () => {
        entry.refreshing = false; // keep serving the stale value; try again on a later request
      },
    );
  }
}
