import type { FxForward } from '../../core/fx/index.js';
import type { Db } from '../connection.js';

/**
 * The organisation's forward contracts whose value date is on or after `from` (those that can
 * still settle or be outstanding), oldest value date first.
 *
 * @example
 * await loadFxForwards(db, { orgId: 'demo', from: '2026-12-07' }) // [{ id, valueOn: '2026-12-31', direction: 'sell', ... }]
 */
export async function loadFxForwards(db: Db, params: { orgId: string; from: string }): Promise<FxForward[]> {
  const rows = await db.kysely
    .selectFrom('fx_forwards')
    .select([
      'id',
      'trade_on',
      'value_on',
      'direction',
      'currency',
      'amount_minor',
      'counter_currency',
      'rate',
      'counterparty',
    ])
    .where('org_id', '=', params.orgId)
    .where('value_on', '>=', params.from)
    .orderBy('value_on')
    .orderBy('id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    tradeOn: r.trade_on,
    valueOn: r.value_on,
    direction: r.direction === 'buy' ? 'buy' : 'sell',
    currency: r.currency,
    // PostgreSQL returns bigint as a string.
    amountMinor: Number(r.amount_minor),
    counterCurrency: r.counter_currency,
    rate: Number(r.rate),
    counterparty: r.counterparty,
  }));
}
