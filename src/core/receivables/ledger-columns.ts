import { epochDayUnchecked } from '../time/index.js';
import { OPEN } from './behaviour/columns.js';
import type { LedgerInvoice, LedgerSettlement, ReceivablesLedger } from './ledger.js';
import { indexSettlements } from './settlement-index.js';

/**
 * `LedgerColumns.flags` bits. DISPUTED and PAPER are the behaviour model's `FLAG_DISPUTED` and
 * `FLAG_PAPER` bits, so the behaviour columns can share this array.
 */
export const LEDGER_DISPUTED = 1;
export const LEDGER_PAPER = 2;
export const LEDGER_VOID = 4;
export const LEDGER_INSTALMENTS = 8;

/** `LedgerColumns.settlementKind` codes: the index of the kind here. */
export const SETTLEMENT_KINDS = ['receipt', 'credit_note', 'write_off'] as const;

/**
 * The ledger as typed columns, aligned with `ledger.invoices` (row i is invoice i): dates as epoch
 * days, customers and currencies as slots, and each invoice's settlements grouped under it
 * (`settlementStart[i] .. settlementStart[i + 1]`, in ledger order). Built in one pass over the
 * ledger and shared by aging, open items and the behaviour model, so a report that needs several
 * of them reads the million objects once.
 */
export interface LedgerColumns {
  readonly length: number;
  /** Customer slot → id, in order of first appearance; `customerIndex` is the reverse. */
  readonly customerIds: readonly string[];
  readonly customerIndex: ReadonlyMap<string, number>;
  readonly currencies: readonly string[];
  readonly customer: Int32Array;
  readonly currency: Uint8Array | Uint16Array;
  readonly issued: Int32Array;
  readonly due: Int32Array;
  /** Minor units; 32-bit while every amount fits (they nearly always do), 64-bit float otherwise. */
  readonly amount: Int32Array | Float64Array;
  /** Calendar month of issue, 1-12. */
  readonly month: Uint8Array;
  readonly flags: Uint8Array;
  readonly settlementStart: Int32Array;
  readonly settlementDay: Int32Array;
  readonly settlementAmount: Int32Array | Float64Array;
  /** Index into `SETTLEMENT_KINDS`. */
  readonly settlementKind: Uint8Array;
}

const built = new WeakMap<ReceivablesLedger, LedgerColumns>();

/**
 * The columns of a ledger, built on first use and remembered for that ledger object (ledgers are
 * read-only once loaded), so `computeAging` and `ledgerToPaymentColumns` on the same ledger share
 * one pass. Settlements of invoices not in the ledger are left out, as every calculator does.
 *
 * @example
 * const cols = ledgerColumns(ledger);
 * cols.due[0] - cols.issued[0]; // terms of the first invoice, in days
 */
export function ledgerColumns(ledger: ReceivablesLedger): LedgerColumns {
  let cols = built.get(ledger);
  if (cols === undefined) {
    cols = buildColumns(ledger);
    built.set(ledger, cols);
  }
  return cols;
}

/** Gives a ledger the columns it was made from (a ledger held in columns), so they are never rebuilt. */
export function attachColumns(ledger: ReceivablesLedger, columns: LedgerColumns): void {
  built.set(ledger, columns);
}

function buildColumns(ledger: ReceivablesLedger): LedgerColumns {
  const { invoices, settlements } = ledger;
  const n = invoices.length;
  const customer = new Int32Array(n);
  let currency: Uint8Array | Uint16Array = new Uint8Array(n);
  const issued = new Int32Array(n);
  const due = new Int32Array(n);
  const amount = new MinorAmounts(n);
  const month = new Uint8Array(n);
  const flags = new Uint8Array(n);
  const customers = new Slots();
  const currencies = new Slots();
  const grouped = emptySettlements(n, settlements.length);
  // Settlements normally come in invoice order (see `indexSettlements`): they are matched in the
  // same walk, so every invoice and every settlement object is read once.
  let k = 0;
  for (let i = 0; i < n; i++) {
    const inv = invoices[i] as LedgerInvoice;
    customer[i] = customers.slotOf(inv.customerId);
    const c = currencies.slotOf(inv.currency);
    if (c > 255 && currency instanceof Uint8Array) currency = Uint16Array.from(currency);
    currency[i] = c;
    const issuedOn = inv.issuedOn;
    issued[i] = epochDayUnchecked(issuedOn);
    due[i] = epochDayUnchecked(inv.dueOn);
    amount.set(i, inv.amountMinor);
    month[i] = (issuedOn.charCodeAt(5) - 48) * 10 + (issuedOn.charCodeAt(6) - 48);
    flags[i] =
      (inv.isDisputed ? LEDGER_DISPUTED : 0) |
      (inv.channel === 'paper' ? LEDGER_PAPER : 0) |
      (inv.status === 'void' ? LEDGER_VOID : 0) |
      (inv.instalments.length > 0 ? LEDGER_INSTALMENTS : 0);
    grouped.settlementStart[i] = k;
    const id = inv.id;
    for (let s = settlements[k]; s !== undefined && s.invoiceId === id; s = settlements[++k]) {
      grouped.settlementDay[k] = epochDayUnchecked(s.on);
      grouped.settlementAmount.set(k, s.amountMinor);
      grouped.settlementKind[k] = kindCode(s.kind);
    }
  }
  grouped.settlementStart[n] = k;
  return {
    length: n,
    customerIds: customers.ids,
    customerIndex: customers.index,
    currencies: currencies.ids,
    customer,
    currency,
    issued,
    due,
    amount: amount.values,
    month,
    flags,
    ...(k === settlements.length
      ? { ...grouped, settlementAmount: grouped.settlementAmount.values }
      : groupSettlements(ledger)),
  };
}

function emptySettlements(invoices: number, settlements: number) {
  return {
    settlementStart: new Int32Array(invoices + 1),
    settlementDay: new Int32Array(settlements),
    settlementAmount: new MinorAmounts(settlements),
    settlementKind: new Uint8Array(settlements),
  };
}

/**
 * Minor amounts in 32-bit integers while they fit (±21 million yuan in fen), widened to 64-bit
 * floats at the first that does not: half the memory for nearly every book, which keeps a big
 * report's typed arrays under the size that makes V8 collect the whole heap (docs/adr/0008).
 */
class MinorAmounts {
  values: Int32Array | Float64Array;

  constructor(n: number) {
    this.values = new Int32Array(n);
  }

  set(i: number, minor: number): void {
    if ((minor | 0) !== minor && this.values instanceof Int32Array) this.values = Float64Array.from(this.values);
    this.values[i] = minor;
  }
}

/**
 * Settlements grouped by invoice when they are not in invoice order: a counting sort by invoice
 * index (stable, so ledger order holds within an invoice); those of unknown invoices are left out.
 */
function groupSettlements(ledger: ReceivablesLedger) {
  const { settlements } = ledger;
  const index = indexSettlements(ledger);
  const n = ledger.invoices.length;
  const settlementStart = new Int32Array(n + 1);
  let kept = 0;
  for (let k = 0; k < index.length; k++) {
    const i = index[k] as number;
    if (i < 0) continue;
    settlementStart[i + 1] = (settlementStart[i + 1] as number) + 1;
    kept++;
  }
  for (let i = 0; i < n; i++)
    settlementStart[i + 1] = (settlementStart[i + 1] as number) + (settlementStart[i] as number);
  const settlementDay = new Int32Array(kept);
  const settlementAmount = new MinorAmounts(kept);
  const settlementKind = new Uint8Array(kept);
  const next = settlementStart.slice(0, n);
  for (let k = 0; k < index.length; k++) {
    const i = index[k] as number;
    if (i < 0) continue;
    const s = settlements[k] as LedgerSettlement;
    const slot = next[i] as number;
    next[i] = slot + 1;
    settlementDay[slot] = epochDayUnchecked(s.on);
    settlementAmount.set(slot, s.amountMinor);
    settlementKind[slot] = kindCode(s.kind);
  }
  return { settlementStart, settlementDay, settlementAmount: settlementAmount.values, settlementKind };
}

function kindCode(kind: LedgerSettlement['kind']): number {
  return SETTLEMENT_KINDS.indexOf(kind);
}

/** Numbers distinct strings in order of first appearance; repeats of the last one skip the map. */
class Slots {
  readonly ids: string[] = [];
  readonly index = new Map<string, number>();
  private last: string | undefined;
  private lastSlot = -1;

  slotOf(id: string): number {
    if (id === this.last) return this.lastSlot;
    let slot = this.index.get(id);
    if (slot === undefined) {
      slot = this.ids.length;
      this.index.set(id, slot);
      this.ids.push(id);
    }
    this.last = id;
    this.lastSlot = slot;
    return slot;
  }
}

/**
 * What was settled on invoice `i` on or before `asOfDay`.
 *
 * @example
 * settledThrough(ledgerColumns(ledger), 0, toEpochDay('2026-03-31'))
 */
export function settledThrough(cols: LedgerColumns, i: number, asOfDay: number): number {
  let paid = 0;
  for (let k = cols.settlementStart[i] as number; k < (cols.settlementStart[i + 1] as number); k++) {
    if ((cols.settlementDay[k] as number) <= asOfDay) paid += cols.settlementAmount[k] as number;
  }
  return paid;
}

/**
 * The day invoice `i` counts as settled, from its settlements dated on or before `throughDay`: the
 * latest of them once together they cover its amount (partial payments leave it open), or `OPEN`.
 *
 * @example
 * settledOnDay(ledgerColumns(ledger), 0, Number.POSITIVE_INFINITY) // epoch day of the last receipt, or OPEN
 */
export function settledOnDay(cols: LedgerColumns, i: number, throughDay: number): number {
  let paid = 0;
  let last = OPEN;
  for (let k = cols.settlementStart[i] as number; k < (cols.settlementStart[i + 1] as number); k++) {
    const day = cols.settlementDay[k] as number;
    if (day > throughDay) continue;
    paid += cols.settlementAmount[k] as number;
    if (last === OPEN || day > last) last = day;
  }
  return paid >= (cols.amount[i] as number) ? last : OPEN;
}
