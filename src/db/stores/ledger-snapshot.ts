import { INVOICE_STATUSES, type Instalment, type InvoiceStatus } from '../../core/model/index.js';
import {
  columnarLedger,
  type LedgerColumns,
  type LedgerInvoice,
  type LedgerInvoiceDetails,
  ledgerColumns,
  type ReceivablesLedger,
} from '../../core/receivables/index.js';
import { InvariantError } from '../../core/shared/index.js';
import { NO_INSTALMENTS } from './shared-strings.js';

/**
 * A receivables ledger as one binary value (docs/adr/0012): the typed columns of `ledgerColumns`
 * as they are in memory, plus what the columns do not hold (ids, numbers, statuses, channels,
 * instalment schedules) as text tables. Reading it back is a few views over the bytes: no object
 * per invoice, no date parsed, no id hashed. Layout: 'CGL' + format byte, the header's length
 * (u32), the header (JSON: where each array and text table lies), then the arrays, each starting
 * at a multiple of 8 bytes.
 */
export const SNAPSHOT_FORMAT = 1;
const MAGIC = [0x43, 0x47, 0x4c, SNAPSHOT_FORMAT]; // 'CGL' + format

type ArrayType = 'i32' | 'u32' | 'u16' | 'u8' | 'f64';
type Typed = Int32Array | Uint32Array | Uint16Array | Uint8Array | Float64Array;

interface Header {
  readonly length: number;
  readonly arrays: Record<string, readonly [ArrayType, number, number]>;
}

const CHANNELS = [null, 'paper', 'electronic'] as const;

function typeOf(a: Typed): ArrayType {
  if (a instanceof Int32Array) return 'i32';
  if (a instanceof Uint32Array) return 'u32';
  if (a instanceof Uint16Array) return 'u16';
  if (a instanceof Float64Array) return 'f64';
  return 'u8';
}

/** Strings as one UTF-8 text and where each starts, in UTF-16 units (so one decode, then slices). */
function textArrays(strings: readonly string[]): { text: Uint8Array; starts: Uint32Array } {
  const starts = new Uint32Array(strings.length + 1);
  let at = 0;
  for (let i = 0; i < strings.length; i++) {
    starts[i] = at;
    at += (strings[i] as string).length;
  }
  starts[strings.length] = at;
  return { text: new TextEncoder().encode(strings.join('')), starts };
}

/**
 * The ledger as bytes. Settlements are stored grouped under their invoice, in ledger order within
 * each, as `loadReceivablesLedger` returns them, so the ledger read back has the same invoices and
 * settlements in the same order.
 *
 * @example
 * decodeLedger(encodeLedger(ledger)).invoices // deep-equal to ledger.invoices
 */
export function encodeLedger(ledger: ReceivablesLedger): Uint8Array {
  const cols = ledgerColumns(ledger);
  const invoices = ledger.invoices;
  const details = new Uint8Array(cols.length);
  const instalmentRows: number[] = [];
  const instalments: string[] = [];
  invoices.forEach((inv, i) => {
    details[i] = INVOICE_STATUSES.indexOf(inv.status) | (CHANNELS.indexOf(inv.channel) << 4);
    if (inv.instalments.length > 0) {
      instalmentRows.push(i);
      instalments.push(JSON.stringify(inv.instalments));
    }
  });
  const ids = textArrays(invoices.map((inv) => inv.id));
  const numbers = textArrays(invoices.map((inv) => inv.number));
  const customers = textArrays(cols.customerIds);
  const currencies = textArrays(cols.currencies);
  const schedules = textArrays(instalments);
  const arrays: Record<string, Typed> = {
    customer: cols.customer,
    currency: cols.currency,
    issued: cols.issued,
    due: cols.due,
    amount: cols.amount,
    month: cols.month,
    flags: cols.flags,
    settlementStart: cols.settlementStart,
    settlementDay: cols.settlementDay,
    settlementAmount: cols.settlementAmount,
    settlementKind: cols.settlementKind,
    details,
    idText: ids.text,
    idStarts: ids.starts,
    numberText: numbers.text,
    numberStarts: numbers.starts,
    customerText: customers.text,
    customerStarts: customers.starts,
    currencyText: currencies.text,
    currencyStarts: currencies.starts,
    instalmentRows: Int32Array.from(instalmentRows),
    instalmentText: schedules.text,
    instalmentStarts: schedules.starts,
  };
  let body = 0;
  const placed: Header['arrays'] = {};
  for (const [name, a] of Object.entries(arrays)) {
    placed[name] = [typeOf(a), body, a.length];
    body += align8(a.byteLength);
  }
  const header = new TextEncoder().encode(JSON.stringify({ length: cols.length, arrays: placed } satisfies Header));
  const start = align8(8 + header.byteLength);
  const out = new Uint8Array(start + body);
  out.set(MAGIC, 0);
  new DataView(out.buffer).setUint32(4, header.byteLength, true);
  out.set(header, 8);
  for (const [name, a] of Object.entries(arrays)) {
    const [, offset] = placed[name] as [ArrayType, number, number];
    out.set(new Uint8Array(a.buffer, a.byteOffset, a.byteLength), start + offset);
  }
  return out;
}

function align8(n: number): number {
  return Math.ceil(n / 8) * 8;
}

/** True when `bytes` is a snapshot of this format. */
export function isLedgerSnapshot(bytes: Uint8Array): boolean {
  return bytes.length >= 8 && MAGIC.every((b, i) => bytes[i] === b);
}

/**
 * A ledger held in the snapshot's columns (`columnarLedger`): the arrays are views of `bytes`, the
 * text tables are decoded on first use. Throws on bytes that are not a snapshot of this format.
 */
export function decodeLedger(stored: Uint8Array): ReceivablesLedger {
  if (!isLedgerSnapshot(stored)) throw new InvariantError('not a ledger snapshot of this format');
  // Typed views need their element size's alignment: copy once when the driver's buffer lacks it.
  const bytes = stored.byteOffset % 8 === 0 ? stored : stored.slice();
  const headerLength = new DataView(bytes.buffer, bytes.byteOffset).getUint32(4, true);
  const header = JSON.parse(new TextDecoder().decode(bytes.subarray(8, 8 + headerLength))) as Header;
  const start = bytes.byteOffset + align8(8 + headerLength);
  const view = (name: string): Typed => {
    const placed = header.arrays[name];
    if (!placed) throw new InvariantError(`ledger snapshot has no ${name}`);
    const [type, offset, count] = placed;
    const at = start + offset;
    if (type === 'i32') return new Int32Array(bytes.buffer, at, count);
    if (type === 'u32') return new Uint32Array(bytes.buffer, at, count);
    if (type === 'u16') return new Uint16Array(bytes.buffer, at, count);
    if (type === 'f64') return new Float64Array(bytes.buffer, at, count);
    return new Uint8Array(bytes.buffer, at, count);
  };
  const text = (name: string) => new TextTable(view(`${name}Text`) as Uint8Array, view(`${name}Starts`) as Uint32Array);
  const customers = text('customer');
  const currencies = text('currency');
  const customerIds = Array.from({ length: customers.length }, (_, i) => customers.at(i));
  const columns: LedgerColumns = {
    length: header.length,
    customerIds,
    customerIndex: new Map(customerIds.map((id, i) => [id, i])),
    currencies: Array.from({ length: currencies.length }, (_, i) => currencies.at(i)),
    customer: view('customer') as Int32Array,
    currency: view('currency') as Uint8Array | Uint16Array,
    issued: view('issued') as Int32Array,
    due: view('due') as Int32Array,
    amount: view('amount') as Int32Array | Float64Array,
    month: view('month') as Uint8Array,
    flags: view('flags') as Uint8Array,
    settlementStart: view('settlementStart') as Int32Array,
    settlementDay: view('settlementDay') as Int32Array,
    settlementAmount: view('settlementAmount') as Int32Array | Float64Array,
    settlementKind: view('settlementKind') as Uint8Array,
  };
  return columnarLedger(
    columns,
    new SnapshotDetails(
      view('details') as Uint8Array,
      text('id'),
      text('number'),
      view('instalmentRows') as Int32Array,
      text('instalment'),
    ),
  );
}

/** Strings stored by `textArrays`: decoded into one string on first use, each then a slice of it. */
class TextTable {
  private joined: string | undefined;

  constructor(
    private readonly text: Uint8Array,
    private readonly starts: Uint32Array,
  ) {}

  get length(): number {
    return this.starts.length - 1;
  }

  at(i: number): string {
    this.joined ??= new TextDecoder().decode(this.text);
    return this.joined.slice(this.starts[i], this.starts[i + 1]);
  }
}

class SnapshotDetails implements LedgerInvoiceDetails {
  private schedules: Map<number, number> | undefined;

  constructor(
    private readonly details: Uint8Array,
    private readonly ids: TextTable,
    private readonly numbers: TextTable,
    private readonly instalmentRows: Int32Array,
    private readonly instalmentTexts: TextTable,
  ) {}

  id(i: number): string {
    return this.ids.at(i);
  }

  number(i: number): string {
    return this.numbers.at(i);
  }

  status(i: number): InvoiceStatus {
    return INVOICE_STATUSES[(this.details[i] as number) & 15] as InvoiceStatus;
  }

  channel(i: number): LedgerInvoice['channel'] {
    return CHANNELS[(this.details[i] as number) >> 4] ?? null;
  }

  instalments(i: number): readonly Instalment[] {
    this.schedules ??= new Map(Array.from(this.instalmentRows, (row, k) => [row, k]));
    const k = this.schedules.get(i);
    return k === undefined ? NO_INSTALMENTS : (JSON.parse(this.instalmentTexts.at(k)) as Instalment[]);
  }
}
