import { financialStatements, legalEvents } from './kinds/credit.js';
import { bills, invoices } from './kinds/documents.js';
import { customers, suppliers } from './kinds/parties.js';
import type { KindSpec } from './spec.js';
import type { ImportKind } from './types.js';

/**
 * The kinds whose rows may be read on a worker thread (docs/adr/0009): their `complete` only reads
 * the state, the state survives structured cloning, and they have no `plan` or `beforeWrite`. The
 * worker imports this instead of the whole registry, so it does not load the modules that write
 * (the query builder alone took about half a second to load in a worker). The kinds left out
 * change their state while reading (receipts, payments, bank balances), reference every document
 * (credit notes) or come in small files (FX rates, recurring items).
 */
const WORKER_KINDS = {
  customers,
  suppliers,
  invoices,
  bills,
  'financial-statements': financialStatements,
  'legal-events': legalEvents,
} as unknown as Partial<Record<ImportKind, KindSpec<unknown>>>;

/** The kind's spec when its rows may be read on a worker, else undefined. */
export function workerKind(kind: ImportKind): KindSpec<unknown> | undefined {
  return Object.hasOwn(WORKER_KINDS, kind) ? WORKER_KINDS[kind] : undefined;
}
