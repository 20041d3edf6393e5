import { LEGAL_EVENT_TYPES, validateLegalEvent } from '../../core/model/index.js';
import { type ColumnSpec, choices, indexColumns } from '../columns.js';
import { KEY_SEP, type KindSpec } from '../spec.js';
import { currencyColumn, partyColumns } from './documents.js';
import { loadParties, type PartyRefs, resolveParty } from './refs.js';

const item = <K extends string>(key: K, zh: string, aliases: string[] = []): ColumnSpec & { key: K } => ({
  key,
  zh,
  aliases,
  type: 'amount',
  db: key,
});

const FS = [
  ...partyColumns('customer'),
  {
    key: 'period_end',
    zh: '报表日期',
    aliases: ['期末日期', '会计期间', '截止日期', '报告期'],
    type: 'date',
    required: true,
    db: 'period_end',
  },
  currencyColumn,
  item('revenue', '营业收入', ['营业总收入', '收入']),
  item('ebit', '息税前利润', ['EBIT']),
  item('net_income', '净利润'),
  item('total_assets', '资产总计', ['总资产', '资产合计']),
  item('current_assets', '流动资产合计', ['流动资产']),
  item('current_liabilities', '流动负债合计', ['流动负债']),
  item('total_liabilities', '负债合计', ['总负债']),
  item('retained_earnings', '未分配利润', ['留存收益']),
  item('book_equity', '所有者权益合计', ['净资产', '股东权益合计', '所有者权益']),
  item('inventory', '存货'),
  item('receivables', '应收账款'),
  item('cash', '货币资金', ['现金']),
  item('market_value_equity', '股权市值', ['市值']),
  { key: 'source', zh: '来源', aliases: ['数据来源'], type: 'text', db: 'source' },
] as const satisfies readonly ColumnSpec[];
const F = indexColumns(FS);

/** A customer's financial statement per period end (for Z-scores and the scorecard). */
export const financialStatements: KindSpec<PartyRefs> = {
  kind: 'financial-statements',
  table: 'financial_statements',
  columns: FS,
  oneOf: [['customer_code', 'customer_name']],
  idColumns: ['org_id', 'customer_id', 'period_end'],
  key: (row) => `${row.customer_id}${KEY_SEP}${row.period_end}`,
  keyColumns: ['customer_id', 'period_end'],
  load: (db, orgId) => loadParties(db, orgId, 'customers'),
  complete: (row, values, refs, ctx) => {
    const party = resolveParty(values, F.customer_code, F.customer_name, refs, ctx, 'customers', true);
    if (!party) return false;
    row.customer_id = party.id;
    if (row.currency === null || row.currency === undefined) row.currency = ctx.baseCurrency;
    return true;
  },
  exportRefs: (row, l) => ({ customer_code: l.customerCode.get((row as { customer_id: string }).customer_id) ?? '' }),
};

const TYPE = choices(LEGAL_EVENT_TYPES, {
  失信被执行人: 'dishonest_debtor',
  失信: 'dishonest_debtor',
  被执行人: 'enforcement',
  限制高消费: 'consumption_restriction',
  限高: 'consumption_restriction',
  被诉: 'lawsuit_defendant',
  诉讼: 'lawsuit_defendant',
  裁判文书: 'lawsuit_defendant',
  行政处罚: 'administrative_penalty',
  经营异常: 'abnormal_operations',
  经营异常名录: 'abnormal_operations',
  股权冻结: 'equity_freeze',
  股权出质: 'equity_freeze',
  承兑人逾期: 'acceptor_overdue',
  持续逾期: 'acceptor_persistent_overdue',
  破产: 'insolvency',
  破产重整: 'insolvency',
});

const LE = [
  ...partyColumns('customer'),
  {
    key: 'type',
    zh: '事件类型',
    aliases: ['类型', '风险类型'],
    type: 'choice',
    choices: TYPE,
    required: true,
    db: 'type',
  },
  {
    key: 'occurred_on',
    zh: '发生日期',
    aliases: ['立案日期', '日期', '发布日期', 'date'],
    type: 'date',
    required: true,
    db: 'occurred_on',
  },
  { key: 'reference', zh: '案号', aliases: ['文书编号', '参考号', '编号'], type: 'text', db: 'reference', empty: '' },
  {
    key: 'amount',
    zh: '涉案金额',
    aliases: ['金额', '执行标的', 'amount_minor'],
    type: 'amount',
    db: 'amount_minor',
  },
  currencyColumn,
  { key: 'source', zh: '来源', aliases: ['数据来源'], type: 'text', db: 'source' },
  { key: 'description', zh: '描述', aliases: ['说明', '事由', '内容'], type: 'text', db: 'description' },
  {
    key: 'resolved_on',
    zh: '解除日期',
    aliases: ['结案日期', '移除日期', '撤销日期'],
    type: 'date',
    db: 'resolved_on',
  },
] as const satisfies readonly ColumnSpec[];
const L = indexColumns(LE);

/** Legal and public-record events (DOMAIN.md 8.3), keyed by customer, type, date and reference. */
export const legalEvents: KindSpec<PartyRefs> = {
  kind: 'legal-events',
  table: 'legal_events',
  columns: LE,
  oneOf: [['customer_code', 'customer_name']],
  idColumns: ['id'],
  key: (row) => `${row.customer_id}${KEY_SEP}${row.type}${KEY_SEP}${row.occurred_on}${KEY_SEP}${row.reference ?? ''}`,
  // The reference may be null (no case number): matched on the whole key after the lookup.
  keyColumns: ['customer_id', 'type', 'occurred_on'],
  load: (db, orgId) => loadParties(db, orgId, 'customers'),
  complete: (row, values, refs, ctx) => {
    const party = resolveParty(values, L.customer_code, L.customer_name, refs, ctx, 'customers', true);
    if (!party) return false;
    row.customer_id = party.id;
    // Every row of a file must set the same columns: the currency is the base one when an amount has none.
    if (row.currency === null || row.currency === undefined)
      row.currency = typeof row.amount_minor === 'number' ? ctx.baseCurrency : null;
    return ctx.violations(
      validateLegalEvent({
        occurredOn: row.occurred_on as string,
        resolvedOn: row.resolved_on as string | null | undefined,
        amountMinor: row.amount_minor as number | null | undefined,
        currency: row.currency as string | null,
      }),
    );
  },
  exportRefs: (row, l) => ({ customer_code: l.customerCode.get((row as { customer_id: string }).customer_id) ?? '' }),
};
