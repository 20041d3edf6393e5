// Generates a book of open invoices and incoming payments with known answers, for the
// cash-application bench: realistic noise in names, numbers and amounts. Seeded: the same data every run.
import type { IncomingPayment, OpenInvoice, Payer } from '../src/core/cash-application/index.js';
import { createRng, type Rng } from '../src/core/shared/index.js';
import { addDays } from '../src/core/time/index.js';

export interface Truth {
  /** Invoice id → what this payment should apply to it. */
  readonly allocations: ReadonlyMap<string, number>;
  readonly kind: string;
}

export interface CashApplicationCase {
  readonly invoices: OpenInvoice[];
  readonly payers: Payer[];
  readonly payments: IncomingPayment[];
  readonly truth: ReadonlyMap<string, Truth>;
}

const CITIES = [
  '上海',
  '北京',
  '杭州',
  '苏州',
  '宁波',
  '深圳',
  '广州',
  '南京',
  '无锡',
  '青岛',
  '天津',
  '厦门',
  '成都',
  '武汉',
  '合肥',
  '东莞',
];
const WORDS = [
  '华兴',
  '宏达',
  '新锐',
  '恒通',
  '金源',
  '瑞丰',
  '永盛',
  '鼎盛',
  '众诚',
  '天成',
  '佳和',
  '博远',
  '中科',
  '长江',
  '远航',
  '兴业',
  '嘉禾',
  '海川',
  '明辉',
  '安泰',
  '富源',
  '创新',
  '东方',
  '联合',
];
const TRADES = [
  '科技',
  '电子',
  '机械',
  '贸易',
  '材料',
  '化工',
  '纺织',
  '物流',
  '包装',
  '建材',
  '汽车配件',
  '医疗器械',
  '食品',
  '光电',
];
const FORMS = ['有限公司', '有限责任公司', '股份有限公司'];
const PICK = <T>(rng: Rng, list: readonly T[]): T => list[rng.int(0, list.length - 1)] as T;

function toFullWidth(s: string): string {
  return [...s].map((c) => (c >= '!' && c <= '~' ? String.fromCharCode(c.charCodeAt(0) + 0xfee0) : c)).join('');
}

/** The payer name as a bank prints it: verbatim, another company form, full-width, a branch, a typo, or none. */
function printedName(rng: Rng, name: string, city: string): string | null {
  const r = rng.next();
  if (r < 0.4) return name;
  if (r < 0.6) return name.replace(/(股份)?有限(责任)?公司$/, PICK(rng, FORMS));
  if (r < 0.7) return toFullWidth(name);
  if (r < 0.8) return `${name}（${city}分公司）`;
  if (r < 0.9) {
    const chars = [...name];
    const at = rng.int(2, Math.max(2, chars.length - 5));
    chars[at] = PICK(rng, ['兴', '达', '源', '通', '盛']);
    return chars.join('');
  }
  return null;
}

/** An invoice number as a payer writes it: as is, lower case, without separators, with a typo, or left out. */
function writtenNumber(rng: Rng, number: string, pMissing: number): string | null {
  const r = rng.next();
  if (r < pMissing) return null;
  const s = rng.next();
  if (s < 0.6) return number;
  if (s < 0.75) return number.replace(/-/g, '');
  if (s < 0.85) return number.toLowerCase();
  const digits = [...number];
  const at = rng.int(number.length - 4, number.length - 1);
  digits[at] = String((Number(digits[at]) + rng.int(1, 8)) % 10);
  return digits.join('');
}

/**
 * `side: 'payable'` makes bills (`PO-2026-…`) of suppliers and outgoing payments to them: the same
 * noise, except bank charges (a bill is paid as billed; the engine takes no charge there).
 */
export function generateCase(params: {
  invoices: number;
  payments: number;
  customers: number;
  seed: number;
  side?: 'receivable' | 'payable';
}): CashApplicationCase {
  const isPayable = params.side === 'payable';
  const rng = createRng(params.seed);
  const payers: Payer[] = [];
  const names = new Set<string>();
  const cityOf = new Map<string, string>();
  while (payers.length < params.customers) {
    const city = PICK(rng, CITIES);
    const name = `${city}${PICK(rng, WORDS)}${PICK(rng, WORDS)}${PICK(rng, TRADES)}${PICK(rng, FORMS)}`;
    if (names.has(name)) continue;
    names.add(name);
    const id = `${isPayable ? 's' : 'c'}${payers.length + 1}`;
    cityOf.set(id, city);
    payers.push({
      id,
      code: `C${payers.length + 1}`,
      name,
      accounts: rng.bernoulli(0.3) ? [`6222${String(rng.int(10 ** 11, 10 ** 12 - 1))}`] : [],
    });
  }
  const invoices: OpenInvoice[] = [];
  for (let i = 0; i < params.invoices; i++) {
    const customer = payers[rng.int(0, payers.length - 1)] as Payer;
    const issued = addDays('2026-06-01', rng.int(0, 150));
    // Round amounts are common: a tenth of the invoices are whole thousands.
    const amount = rng.bernoulli(0.1) ? rng.int(1, 50) * 1000_00 : rng.int(500_00, 300_000_00);
    invoices.push({
      invoiceId: `${isPayable ? 'b' : 'i'}${i + 1}`,
      number: `${isPayable ? 'PO' : 'INV'}-2026-${String(100000 + i)}`,
      customerId: customer.id,
      currency: rng.bernoulli(0.05) ? 'USD' : 'CNY',
      openMinor: amount,
      issuedOn: issued,
      dueOn: addDays(issued, PICK(rng, [30, 60, 90])),
    });
  }
  const byCustomer = new Map<string, OpenInvoice[]>();
  for (const inv of invoices) byCustomer.set(inv.customerId, [...(byCustomer.get(inv.customerId) ?? []), inv]);
  const used = new Set<string>();
  const free = (inv: OpenInvoice) => !used.has(inv.invoiceId);
  const payments: IncomingPayment[] = [];
  const truth = new Map<string, Truth>();
  const payer = (id: string) => payers.find((p) => p.id === id) as Payer;
  const add = (
    customerId: string,
    amount: number,
    currency: string,
    text: string,
    allocations: Map<string, number>,
    kind: string,
    on: string,
  ) => {
    const p = payer(customerId);
    const known = p.accounts[0];
    const id = `p${payments.length + 1}`;
    payments.push({
      id,
      amountMinor: amount,
      currency,
      receivedOn: on,
      payerName: printedName(rng, p.name, cityOf.get(customerId) ?? ''),
      payerAccount: known && rng.bernoulli(0.7) ? known : `6217${String(rng.int(10 ** 11, 10 ** 12 - 1))}`,
      text,
    });
    truth.set(id, { allocations, kind });
  };
  let guard = 0;
  while (payments.length < params.payments && guard++ < params.payments * 20) {
    const inv = invoices[rng.int(0, invoices.length - 1)] as OpenInvoice;
    if (!free(inv)) continue;
    const on = addDays(inv.dueOn, rng.int(-20, 40));
    const kind = rng.next();
    const memo = PICK(rng, ['货款', '付款', '支付货款', '还款', '']);
    if (kind < 0.5 || (isPayable && kind < 0.62)) {
      // One invoice paid in full (a bill is never paid short by a charge).
      used.add(inv.invoiceId);
      const ref = writtenNumber(rng, inv.number, 0.3);
      add(
        inv.customerId,
        inv.openMinor,
        inv.currency,
        [memo, ref].filter((x) => x).join(' '),
        new Map([[inv.invoiceId, inv.openMinor]]),
        'full',
        on,
      );
    } else if (kind < 0.62) {
      // Short by a bank charge.
      used.add(inv.invoiceId);
      const charge = rng.int(5_00, Math.min(50_00, Math.floor(inv.openMinor * 0.01)));
      const ref = writtenNumber(rng, inv.number, 0.2);
      add(
        inv.customerId,
        inv.openMinor - charge,
        inv.currency,
        [memo, ref].filter((x) => x).join(' '),
        new Map([[inv.invoiceId, inv.openMinor - charge]]),
        'charge',
        on,
      );
    } else if (kind < 0.74) {
      // Split: the invoice paid in two parts, each naming it.
      used.add(inv.invoiceId);
      const first = Math.round(inv.openMinor * rng.uniform(0.3, 0.7));
      add(
        inv.customerId,
        first,
        inv.currency,
        `${inv.number} 第一期`,
        new Map([[inv.invoiceId, first]]),
        'split-1',
        on,
      );
      add(
        inv.customerId,
        inv.openMinor - first,
        inv.currency,
        `${inv.number} 尾款`,
        new Map([[inv.invoiceId, inv.openMinor - first]]),
        'split-2',
        addDays(on, rng.int(5, 30)),
      );
    } else if (kind < 0.9) {
      // One payment for two or three invoices of the same customer.
      const others = (byCustomer.get(inv.customerId) ?? []).filter(
        (o) => free(o) && o !== inv && o.currency === inv.currency,
      );
      const n = Math.min(others.length, rng.int(1, 2));
      if (n === 0) continue;
      const set = [inv, ...others.slice(0, n)];
      for (const s of set) used.add(s.invoiceId);
      const refs = set.map((s) => writtenNumber(rng, s.number, 0.25)).filter((x) => x);
      add(
        inv.customerId,
        set.reduce((a, s) => a + s.openMinor, 0),
        inv.currency,
        [memo, ...refs].join(' '),
        new Map(set.map((s) => [s.invoiceId, s.openMinor])),
        'combined',
        on,
      );
    } else {
      // A part payment naming the invoice.
      used.add(inv.invoiceId);
      const part = Math.round(inv.openMinor * rng.uniform(0.2, 0.8));
      add(inv.customerId, part, inv.currency, `预付 ${inv.number}`, new Map([[inv.invoiceId, part]]), 'partial', on);
    }
  }
  payments.sort((a, b) => (a.receivedOn < b.receivedOn ? -1 : a.receivedOn > b.receivedOn ? 1 : 0));
  return { invoices, payers, payments, truth };
}
