import { RECURRING_CATEGORIES, validateFxRate, validateRecurringItem } from '../../core/model/index.js';
import { insertRows } from '../../db/bulk.js';
import type { Db } from '../../db/connection.js';
import { type ColumnSpec, choices, indexColumns } from '../columns.js';
import { newId } from '../ids.js';
import { KEY_SEP, type KindSpec } from '../spec.js';
import { currencyColumn } from './documents.js';
import { normaliseRule } from './rules.js';

const BAL = [
  {
    key: 'account',
    zh: '账户名称',
    aliases: ['银行账户', '账户', '账户名', '户名', 'bank_account', 'account_name'],
    type: 'text',
    required: true,
  },
  {
    key: 'balance_on',
    zh: '余额日期',
    aliases: ['日期', '记账日期', 'date', 'balance_date'],
    type: 'date',
    required: true,
    db: 'balance_on',
  },
  {
    key: 'balance',
    zh: '余额',
    aliases: ['期末余额', '账户余额', '联机余额', 'amount', 'amount_minor'],
    type: 'amount',
    required: true,
    db: 'amount_minor',
  },
  { key: 'currency', zh: '币种', aliases: ['货币', '币别', 'currency_code'], type: 'currency' },
  { key: 'bank_name', zh: '开户行', aliases: ['银行', '银行名称', '开户银行'], type: 'text' },
  { key: 'account_no', zh: '账号', aliases: ['银行账号', 'account_number'], type: 'text' },
] as const satisfies readonly ColumnSpec[];
const B = indexColumns(BAL);

interface Account {
  readonly id: string;
  readonly name: string;
  readonly currency: string;
  readonly bank_name: string | null;
  readonly account_no: string | null;
}
interface BalanceState {
  readonly accounts: Map<string, Account>;
  readonly created: Map<string, Account>;
}

/** Bank balances by account name and date; an account named for the first time is created. */
export const bankBalances: KindSpec<BalanceState> = {
  kind: 'bank-balances',
  table: 'bank_balances',
  columns: BAL,
  idColumns: ['bank_account_id', 'balance_on'],
  key: (row) => `${row.bank_account_id}${KEY_SEP}${row.balance_on}`,
  keyColumns: ['bank_account_id', 'balance_on'],
  load: async (db: Db, orgId: string) => {
    const rows = await db.kysely.selectFrom('bank_accounts').selectAll().where('org_id', '=', orgId).execute();
    return { accounts: new Map(rows.map((r) => [r.name, r])), created: new Map() };
  },
  complete: (row, values, state, ctx) => {
    const name = values[B.account] as string;
    const currency = (values[B.currency] as string | null) ?? null;
    let account = state.accounts.get(name) ?? state.created.get(name);
    if (!account) {
      account = {
        id: newId(),
        name,
        currency: currency ?? ctx.baseCurrency,
        bank_name: values[B.bank_name] as string | null,
        account_no: values[B.account_no] as string | null,
      };
      state.created.set(name, account);
    }
    row.bank_account_id = account.id;
    if (currency !== null && currency !== account.currency) {
      ctx.problem('CURRENCY_MISMATCH', 'currency', currency, account.currency);
      return false;
    }
    return true;
  },
  beforeWrite: async (tx, state, orgId) => {
    await insertRows(
      tx,
      'bank_accounts',
      [...state.created.values()].map((a) => ({ org_id: orgId, ...a })),
    );
  },
  exportRefs: (row, l) => {
    const id = (row as { bank_account_id: string }).bank_account_id;
    return { account: l.bankAccountName.get(id) ?? '', currency: l.bankAccountCurrency.get(id) ?? '' };
  },
};

const FX = [
  {
    key: 'rate_on',
    zh: '日期',
    aliases: ['汇率日期', 'date', 'rate_date'],
    type: 'date',
    required: true,
    db: 'rate_on',
  },
  {
    key: 'base',
    zh: '基准币种',
    aliases: ['原币', '外币', '币种', 'base_currency', 'from'],
    type: 'currency',
    required: true,
    db: 'base',
  },
  {
    key: 'quote',
    zh: '报价币种',
    aliases: ['本币', '目标币种', 'quote_currency', 'to'],
    type: 'currency',
    required: true,
    db: 'quote',
  },
  { key: 'rate', zh: '汇率', aliases: ['中间价', '折算汇率', 'fx_rate'], type: 'rate', required: true, db: 'rate' },
] as const satisfies readonly ColumnSpec[];

/** FX rates: 1 base = rate quote on a date. */
export const fxRates: KindSpec<null> = {
  kind: 'fx-rates',
  table: 'fx_rates',
  columns: FX,
  idColumns: ['org_id', 'rate_on', 'base', 'quote'],
  key: (row) => `${row.rate_on}${KEY_SEP}${row.base}${KEY_SEP}${row.quote}`,
  keyColumns: ['rate_on', 'base', 'quote'],
  load: async () => null,
  complete: (row, _values, _state, ctx) =>
    ctx.violations(validateFxRate({ base: row.base as string, quote: row.quote as string, rate: row.rate as number })),
};

const CATEGORY = choices(RECURRING_CATEGORIES, {
  工资: 'payroll',
  薪酬: 'payroll',
  薪资: 'payroll',
  租金: 'rent',
  房租: 'rent',
  税费: 'tax',
  税金: 'tax',
  纳税: 'tax',
  贷款: 'loan',
  还贷: 'loan',
  还款: 'loan',
  水电: 'utilities',
  水电费: 'utilities',
  社保: 'social_insurance',
  五险一金: 'social_insurance',
  其他: 'other',
});
const DIRECTION = choices(['inflow', 'outflow'], {
  收入: 'inflow',
  流入: 'inflow',
  收: 'inflow',
  支出: 'outflow',
  流出: 'outflow',
  支: 'outflow',
});

const REC = [
  { key: 'name', zh: '名称', aliases: ['项目名称', '项目'], type: 'text', required: true, db: 'name' },
  {
    key: 'category',
    zh: '类别',
    aliases: ['类型', '分类'],
    type: 'choice',
    choices: CATEGORY,
    required: true,
    db: 'category',
  },
  {
    key: 'direction',
    zh: '方向',
    aliases: ['收支方向', '收支'],
    type: 'choice',
    choices: DIRECTION,
    required: true,
    db: 'direction',
  },
  {
    key: 'amount',
    zh: '金额',
    aliases: ['amount_minor'],
    type: 'amount',
    required: true,
    db: 'amount_minor',
  },
  currencyColumn,
  {
    key: 'rule',
    zh: '周期',
    aliases: ['规则', '频率', 'schedule'],
    type: 'text',
    required: true,
    db: 'rule',
    format: 'monthly:15',
  },
  {
    key: 'starts_on',
    zh: '开始日期',
    aliases: ['起始日期', 'start_date'],
    type: 'date',
    required: true,
    db: 'starts_on',
  },
  { key: 'ends_on', zh: '结束日期', aliases: ['截止日期', 'end_date'], type: 'date', db: 'ends_on' },
] as const satisfies readonly ColumnSpec[];

/** Payroll, rent, tax and loan service (固定收支), keyed by name. */
export const recurringItems: KindSpec<null> = {
  kind: 'recurring-items',
  table: 'recurring_items',
  columns: REC,
  idColumns: ['id'],
  key: (row) => row.name as string,
  keyColumns: ['name'],
  load: async () => null,
  complete: (row, _values, _state, ctx) => {
    if (row.currency === null || row.currency === undefined) row.currency = ctx.baseCurrency;
    // The Chinese forms (每月15日) become the stored form, which the core rule then checks.
    row.rule = normaliseRule(String(row.rule)) ?? String(row.rule);
    return ctx.violations(
      validateRecurringItem({
        amountMinor: row.amount_minor as number,
        currency: row.currency as string,
        rule: row.rule,
        startsOn: row.starts_on as string,
        endsOn: row.ends_on as string | null | undefined,
      }),
    );
  },
};
