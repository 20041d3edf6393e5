import type { Db } from '../connection.js';
import type { NewRow, Row } from '../schema.js';

/** A bank account as statements are matched to it. */
export type BankAccountRow = Row<'bank_accounts'>;

/** Every bank account of the organisation. */
export function listBankAccounts(db: Db, orgId: string): Promise<BankAccountRow[]> {
  return db.kysely.selectFrom('bank_accounts').selectAll().where('org_id', '=', orgId).orderBy('name').execute();
}

/** The stored statement with this key, if any (the same statement imported before). */
export async function findStatementByKey(
  db: Db,
  orgId: string,
  key: string,
): Promise<Row<'bank_statements'> | undefined> {
  return db.kysely
    .selectFrom('bank_statements')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('statement_key', '=', key)
    .executeTakeFirst();
}

/** The closing balance of the account's latest stored statement ending on or before `on`. */
export async function lastClosing(
  db: Db,
  params: { orgId: string; accountId: string; onOrBefore: string },
): Promise<{ closingMinor: number; closingOn: string } | null> {
  const row = await db.kysely
    .selectFrom('bank_statements')
    .select(['closing_minor', 'closing_on'])
    .where('org_id', '=', params.orgId)
    .where('bank_account_id', '=', params.accountId)
    .where('closing_on', 'is not', null)
    .where('closing_on', '<=', params.onOrBefore)
    .orderBy('closing_on', 'desc')
    .orderBy('imported_at', 'desc')
    .executeTakeFirst();
  return row && row.closing_minor !== null && row.closing_on !== null
    ? { closingMinor: Number(row.closing_minor), closingOn: row.closing_on }
    : null;
}

/** Which of these line keys the account already has. */
export async function existingLineKeys(
  db: Db,
  params: { orgId: string; accountId: string; keys: readonly string[] },
): Promise<Set<string>> {
  const found = new Set<string>();
  for (let i = 0; i < params.keys.length; i += 500) {
    const chunk = params.keys.slice(i, i + 500);
    const rows = await db.kysely
      .selectFrom('bank_statement_lines')
      .select('line_key')
      .where('org_id', '=', params.orgId)
      .where('bank_account_id', '=', params.accountId)
      .where('line_key', 'in', chunk)
      .execute();
    for (const r of rows) found.add(r.line_key);
  }
  return found;
}

/** Sets the account's balance on a day (the closing balance of that day's statement). */
export async function saveBankBalance(db: Db, row: NewRow<'bank_balances'>): Promise<void> {
  await db.kysely
    .insertInto('bank_balances')
    .values(row)
    .onConflict((oc) => oc.columns(['bank_account_id', 'balance_on']).doUpdateSet({ amount_minor: row.amount_minor }))
    .execute();
}

/** The balance stored for the account on the day, if any. */
export async function bankBalanceOn(
  db: Db,
  params: { orgId: string; accountId: string; on: string },
): Promise<number | null> {
  const row = await db.kysely
    .selectFrom('bank_balances')
    .select('amount_minor')
    .where('org_id', '=', params.orgId)
    .where('bank_account_id', '=', params.accountId)
    .where('balance_on', '=', params.on)
    .executeTakeFirst();
  return row ? Number(row.amount_minor) : null;
}

/** Statements, newest first, with their account's name and number. */
export function listStatements(db: Db, params: { orgId: string; accountId?: string; limit?: number }) {
  let q = db.kysely
    .selectFrom('bank_statements as s')
    .innerJoin('bank_accounts as a', 'a.id', 's.bank_account_id')
    .select([
      's.id',
      's.bank_account_id',
      'a.name as account_name',
      'a.account_no',
      's.format',
      's.statement_ref',
      's.currency',
      's.period_from',
      's.period_to',
      's.opening_minor',
      's.closing_minor',
      's.opening_on',
      's.closing_on',
      's.line_count',
      's.file_name',
      's.imported_at',
    ])
    .where('s.org_id', '=', params.orgId);
  if (params.accountId !== undefined) q = q.where('s.bank_account_id', '=', params.accountId);
  return q
    .orderBy('s.period_to', 'desc')
    .orderBy('s.imported_at', 'desc')
    .limit(params.limit ?? 200)
    .execute();
}
