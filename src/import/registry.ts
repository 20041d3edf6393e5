import { EXPECTED } from './columns.js';
import { financialStatements, legalEvents } from './kinds/credit.js';
import { creditNotes } from './kinds/credit-notes.js';
import { bills, invoices } from './kinds/documents.js';
import { fxForwards } from './kinds/forwards.js';
import { customers, suppliers } from './kinds/parties.js';
import { payments, receipts } from './kinds/settlements.js';
import { bankBalances, fxRates, recurringItems } from './kinds/treasury.js';
import type { KindSpec } from './spec.js';
import { IMPORT_KIND_NAMES, type ImportKind } from './types.js';

const SPECS: Readonly<Record<ImportKind, KindSpec<never>>> = {
  customers,
  suppliers,
  invoices,
  'credit-notes': creditNotes,
  receipts,
  bills,
  payments,
  'bank-balances': bankBalances,
  'fx-rates': fxRates,
  'financial-statements': financialStatements,
  'legal-events': legalEvents,
  'recurring-items': recurringItems,
  'fx-forwards': fxForwards,
} as unknown as Record<ImportKind, KindSpec<never>>;

/** The kind's spec; a name that is no kind (callers check with `isImportKind`) is a bug, not an inherited property. */
export function kindSpec(kind: ImportKind): KindSpec<unknown> {
  if (!Object.hasOwn(SPECS, kind)) throw new Error(`unknown import kind ${JSON.stringify(kind)}`);
  return SPECS[kind] as KindSpec<unknown>;
}

export interface ImportColumnInfo {
  readonly key: string;
  readonly zh: string;
  readonly aliases: readonly string[];
  readonly required: boolean;
  readonly format: string;
}

export interface ImportKindInfo {
  readonly kind: ImportKind;
  readonly table: string;
  /** Groups of columns of which at least one must be present. */
  readonly oneOf: readonly (readonly string[])[];
  readonly columns: readonly ImportColumnInfo[];
}

/** Every kind with its columns (English header, Chinese header, other names, required, format): for docs and help. */
export const IMPORT_KINDS: readonly ImportKindInfo[] = IMPORT_KIND_NAMES.map((kind) => {
  const spec = kindSpec(kind);
  return {
    kind,
    table: spec.table,
    oneOf: spec.oneOf ?? [],
    columns: spec.columns.map((c) => ({
      key: c.key,
      zh: c.zh,
      aliases: c.aliases,
      required: c.required === true,
      format:
        c.format ?? (c.type === 'choice' ? [...new Set(c.choices?.values() ?? [])].join(' / ') : EXPECTED[c.type]),
    })),
  };
});
