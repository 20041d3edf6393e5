import type { ReceivablesLedger } from './ledger.js';

/**
 * For each settlement, the index of its invoice in `ledger.invoices` (-1 when the invoice is not in
 * the ledger). When settlements come in invoice order, as `loadReceivablesLedger` returns them, one
 * merge walk finds every index without hashing a million ids; otherwise it falls back to a map.
 *
 * @example
 * indexSettlements({ invoices: [a, b], settlements: [toA, toB, toB] }) // Int32Array [0, 1, 1]
 */
export function indexSettlements(ledger: ReceivablesLedger): Int32Array {
  return mergeIndex(ledger) ?? hashIndex(ledger);
}

function mergeIndex(ledger: ReceivablesLedger): Int32Array | undefined {
  const { invoices, settlements } = ledger;
  const out = new Int32Array(settlements.length);
  let i = 0;
  for (let k = 0; k < settlements.length; k++) {
    const id = (settlements[k] as { invoiceId: string }).invoiceId;
    while (i < invoices.length && (invoices[i] as { id: string }).id !== id) i++;
    if (i === invoices.length) return undefined;
    out[k] = i;
  }
  return out;
}

function hashIndex(ledger: ReceivablesLedger): Int32Array {
  const position = new Map<string, number>();
  ledger.invoices.forEach((inv, i) => {
    position.set(inv.id, i);
  });
  const out = new Int32Array(ledger.settlements.length);
  ledger.settlements.forEach((s, k) => {
    out[k] = position.get(s.invoiceId) ?? -1;
  });
  return out;
}
