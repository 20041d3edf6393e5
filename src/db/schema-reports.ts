import type { ColumnType } from 'kysely';

/**
 * The data generation of an organisation (migration 0006, docs/adr/0015): raised with every write
 * of its data. `org_id` '*' is raised by writes of unnamed organisations and counts for all.
 */
export interface DataGenerationsTable {
  org_id: string;
  generation: ColumnType<number, number | undefined, number>;
  /** Raised only by writes of the tables the receivables and payables ledgers are read from. */
  ledger_generation: ColumnType<number, number | undefined, number>;
}

/** The receivables and payables ledgers of one organisation, as of its ledger generation `generation` (ledger-snapshot.ts). */
export interface LedgerSnapshotsTable {
  org_id: string;
  generation: number;
  format: number;
  built_at: string;
  data: Uint8Array;
}
