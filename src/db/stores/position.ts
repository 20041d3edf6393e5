import type { Db } from '../connection.js';

/** The latest balance of each bank account on or before `asOf`. */
export async function loadLatestBalances(db: Db, params: { orgId: string; asOf: string }) {
  const latest = db.kysely
    .selectFrom('bank_balances')
    .select(['bank_account_id', (eb) => eb.fn.max('balance_on').as('on')])
    .where('org_id', '=', params.orgId)
    .where('balance_on', '<=', params.asOf)
    .groupBy('bank_account_id')
    .as('latest');
  const rows = await db.kysely
    .selectFrom('bank_accounts as a')
    .innerJoin(latest, 'latest.bank_account_id', 'a.id')
    .innerJoin('bank_balances as b', (j) =>
      j.onRef('b.bank_account_id', '=', 'a.id').onRef('b.balance_on', '=', 'latest.on'),
    )
    .select(['a.id', 'a.name', 'a.currency', 'b.balance_on', 'b.amount_minor'])
    .where('a.org_id', '=', params.orgId)
    .orderBy('a.name')
    .execute();
  return rows.map((r) => ({
    accountId: r.id,
    name: r.name,
    currency: r.currency,
    on: r.balance_on,
    amountMinor: r.amount_minor,
  }));
}

export async function loadCreditLines(db: Db, params: { orgId: string }) {
  const rows = await db.kysely
    .selectFrom('credit_lines')
    .selectAll()
    .where('org_id', '=', params.orgId)
    .orderBy('lender')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    lender: r.lender,
    currency: r.currency,
    limitMinor: r.limit_minor,
    drawnMinor: r.drawn_minor,
    expiresOn: r.expires_on,
    renewalOn: r.renewal_on,
    interestRate: r.interest_rate,
  }));
}

/**
 * Every customer's name and current credit limit (the newest row effective on or before
 * `asOf`), in two queries whatever the number of customers.
 */
export async function loadCustomerDirectory(db: Db, params: { orgId: string; asOf: string }) {
  const customers = await db.kysely
    .selectFrom('customers')
    .select(['id', 'code', 'name'])
    .where('org_id', '=', params.orgId)
    .execute();
  const limits = await db.kysely
    .selectFrom('credit_limits')
    .select(['customer_id', 'limit_minor', 'currency', 'effective_from', 'approved_at'])
    .where('org_id', '=', params.orgId)
    .where('effective_from', '<=', params.asOf)
    .orderBy('customer_id')
    .orderBy('effective_from')
    .orderBy('approved_at')
    .execute();
  const current = new Map<string, { limitMinor: number; currency: string }>();
  for (const l of limits) current.set(l.customer_id, { limitMinor: l.limit_minor, currency: l.currency });
  const directory = new Map<
    string,
    { code: string; name: string; limitMinor: number | null; limitCurrency: string | null }
  >();
  for (const c of customers) {
    const limit = current.get(c.id);
    directory.set(c.id, {
      code: c.code,
      name: c.name,
      limitMinor: limit?.limitMinor ?? null,
      limitCurrency: limit?.currency ?? null,
    });
  }
  return directory;
}
