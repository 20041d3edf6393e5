import { normaliseHeader } from './text.js';

/** How a cell is read. */
export type CellType =
  | 'text'
  | 'date'
  | 'amount'
  | 'integer'
  | 'boolean'
  | 'currency'
  | 'rate'
  | 'choice'
  | 'list'
  | 'country'
  | 'email';

/** A parsed cell: null when empty. Lists are kept as arrays; amounts as integer minor units. */
export type Value = string | number | boolean | readonly string[] | null;

/** One column a kind reads: its canonical English header, its Chinese header and other names. */
export interface ColumnSpec {
  /** Canonical key and English header, e.g. 'issued_on'. */
  readonly key: string;
  /** Chinese header, used by exports with `headers: 'zh'`. */
  readonly zh: string;
  /** Other accepted headers (English or Chinese); compared after `normaliseHeader`. */
  readonly aliases: readonly string[];
  readonly type: CellType;
  /** The column must be present and every cell filled. */
  readonly required?: boolean;
  /** Choice columns: accepted words (normalised) to the stored value; a `Map`, so no inherited name is a word. */
  readonly choices?: ReadonlyMap<string, string>;
  /** Direct target column in the table, when the value is stored as read. */
  readonly db?: string;
  /** Stored when the cell is empty (for NOT NULL columns with a default). */
  readonly empty?: string | number;
  /** Human description of the format, for docs and the `expected` of problems. */
  readonly format?: string;
}

/** A kind's columns keyed by column key, for index lookups. */
export function indexColumns<const T extends readonly { key: string }[]>(columns: T): Record<T[number]['key'], number> {
  const out = {} as Record<string, number>;
  columns.forEach((c, i) => {
    out[c.key] = i;
  });
  return out;
}

/**
 * The stored values of a choice list plus each stored value accepted as itself. A `Map`: a cell
 * reading `__proto__` or `constructor` is not a word of the list (a plain object answered those).
 */
export function choices(
  stored: readonly string[],
  words: Readonly<Record<string, string>>,
): ReadonlyMap<string, string> {
  const out = new Map<string, string>();
  for (const [word, value] of Object.entries(words)) out.set(normaliseHeader(word), value);
  for (const s of stored) out.set(normaliseHeader(s), s);
  return out;
}

export const EXPECTED: Readonly<Record<CellType, string>> = {
  text: 'text',
  date: 'YYYY-MM-DD',
  amount: '1234.56',
  integer: 'whole number',
  boolean: 'Y/N, 是/否',
  currency: 'ISO 4217 code (CNY)',
  rate: 'decimal number',
  choice: 'one of the listed values',
  list: 'values separated by ;',
  country: 'ISO 3166 code (CN)',
  email: 'name@example.com',
};
