import type { Shock } from './types.js';

/** A named shock set of the standard checklist (DOMAIN 3.1, 3.6 rule 1). */
export interface NamedShock {
  readonly name: string;
  readonly shocks: readonly Shock[];
}

/**
 * The standard shocks, by name (what `--shock NAME` and the stress page use). Severities are
 * DOMAIN 3.1's defaults; the currency shock is named per foreign currency the forecast holds
 * (`fx_usd_down_10`, `fx_usd_up_10`), so it is built by `standardShocks`.
 */
export const STANDARD_SHOCKS: readonly NamedShock[] = [
  { name: 'top1_default', shocks: [{ kind: 'top_default', count: 1 }] },
  { name: 'top3_default', shocks: [{ kind: 'top_default', count: 3 }] },
  { name: 'delay_30', shocks: [{ kind: 'delay', days: 30 }] },
  { name: 'sales_down_20', shocks: [{ kind: 'sales_drop', share: 0.2, variableShare: 1 }] },
  { name: 'credit_line_withdrawn', shocks: [{ kind: 'credit_line_withdrawn', noticeDays: 30 }] },
  { name: 'top3_suppliers_prepay', shocks: [{ kind: 'supplier_prepayment', count: 3 }] },
  { name: 'payables_stretch_14', shocks: [{ kind: 'payables_stretch', days: 14 }] },
];

/**
 * The standard set for a forecast whose documents are in `currencies` (the base excluded): the
 * fixed shocks, then each foreign currency 10 % down and 10 % up against the base.
 *
 * @example standardShocks(['USD']).map((s) => s.name) // [..., 'fx_usd_down_10', 'fx_usd_up_10']
 */
export function standardShocks(currencies: readonly string[]): NamedShock[] {
  const fx = [...currencies].sort().flatMap((c) => [
    { name: `fx_${c.toLowerCase()}_down_10`, shocks: [{ kind: 'fx', currency: c, change: -0.1 } as const] },
    { name: `fx_${c.toLowerCase()}_up_10`, shocks: [{ kind: 'fx', currency: c, change: 0.1 } as const] },
  ]);
  return [...STANDARD_SHOCKS, ...fx];
}

/** Foreign currencies the forecast's documents and cash are in. */
export function foreignCurrencies(input: {
  baseCurrency: string;
  invoices: readonly { currency: string }[];
  bills: readonly { currency: string }[];
  openingBalances: readonly { currency: string }[];
}): string[] {
  const all = new Set<string>();
  for (const x of [...input.invoices, ...input.bills, ...input.openingBalances]) all.add(x.currency);
  all.delete(input.baseCurrency);
  return [...all].sort();
}
