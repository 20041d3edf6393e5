import type { CompanyBalanceSheet } from '../../core/receivables/index.js';
import { insertRows } from '../bulk.js';
import type { Db } from '../connection.js';

/** Saves month-end balance sheets; a month entered again replaces the earlier figures. */
export async function saveBalanceSheets(
  db: Db,
  params: { orgId: string; sheets: readonly CompanyBalanceSheet[] },
): Promise<void> {
  await insertRows(
    db,
    'company_balance_sheets',
    params.sheets.map((s) => ({
      org_id: params.orgId,
      month_end: s.monthEnd,
      currency: s.currency,
      current_assets: s.currentAssets,
      current_liabilities: s.currentLiabilities,
      cash: s.cash,
      short_term_investments: s.shortTermInvestments,
      receivables: s.receivables,
      inventory: s.inventory,
      cogs: s.cogs,
    })),
    {
      columns: ['org_id', 'month_end'],
      update: [
        'currency',
        'current_assets',
        'current_liabilities',
        'cash',
        'short_term_investments',
        'receivables',
        'inventory',
        'cogs',
      ],
    },
  );
}

/** The organisation's month-end balance sheets, oldest first. */
export async function loadBalanceSheets(db: Db, params: { orgId: string }): Promise<CompanyBalanceSheet[]> {
  const rows = await db.kysely
    .selectFrom('company_balance_sheets')
    .selectAll()
    .where('org_id', '=', params.orgId)
    .orderBy('month_end')
    .execute();
  return rows.map((r) => ({
    monthEnd: r.month_end,
    currency: r.currency,
    currentAssets: r.current_assets,
    currentLiabilities: r.current_liabilities,
    cash: r.cash,
    shortTermInvestments: r.short_term_investments,
    receivables: r.receivables,
    inventory: r.inventory,
    cogs: r.cogs,
  }));
}
