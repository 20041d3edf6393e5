import { readFileSync } from 'node:fs';
import { parse } from 'yaml';

/**
 * Test support: the expected parses shipped with the statement fixtures, read into plain values.
 * python-mt940's `.yml` files are Python-tagged YAML: amounts are `Decimal` constructor calls
 * and dates 4 bytes (year high, year low, month, day); the tags are read as plain YAML.
 */
export interface ExpectedMt940 {
  readonly transactions: ReadonlyArray<{
    amount: string;
    status: string;
    date: string | null;
    entryDate: string | null;
    currency: string | null;
  }>;
  readonly account: string | number | null;
  readonly opening: string | null;
  readonly closing: string | null;
}

type Y = Record<string, unknown> | unknown[] | string | number | null | Uint8Array;

function dateOf(node: unknown): string | null {
  const bytes = Array.isArray(node) ? node[0] : null;
  if (!(bytes instanceof Uint8Array) || bytes.length < 4) return null;
  const year = ((bytes[0] as number) << 8) | (bytes[1] as number);
  return `${year}-${String(bytes[2]).padStart(2, '0')}-${String(bytes[3]).padStart(2, '0')}`;
}
const decimal = (amount: unknown): string | null => {
  const a = (amount as Record<string, unknown> | null)?.amount;
  return Array.isArray(a) ? String(a[0]) : null;
};

export function readExpectedMt940(path: string): ExpectedMt940 {
  const doc = parse(readFileSync(path, 'utf8'), {
    version: '1.1',
    strict: false,
    logLevel: 'silent',
    maxAliasCount: -1,
  }) as Record<string, Y>;
  const data = (doc.data ?? {}) as Record<string, Y>;
  const txs = (doc.transactions ?? []) as Array<Record<string, Y>>;
  const balance = (b: Y | undefined) => {
    if (!b || typeof b !== 'object') return null;
    const amount = decimal((b as Record<string, unknown>).amount);
    const status = (b as Record<string, unknown>).status;
    return amount === null ? null : status === 'D' && !amount.startsWith('-') ? `-${amount}` : amount;
  };
  return {
    transactions: txs.map((t) => {
      const d = (t.data ?? {}) as Record<string, unknown>;
      return {
        amount: decimal(d.amount) ?? '',
        status: String(d.status ?? ''),
        date: dateOf(d.date),
        entryDate: dateOf(d.entry_date),
        currency: ((d.amount as Record<string, unknown> | null)?.currency as string | undefined) ?? null,
      };
    }),
    account: (data.account_identification as string | number | undefined) ?? null,
    opening: balance(data.final_opening_balance),
    closing: balance(data.final_closing_balance),
  };
}
