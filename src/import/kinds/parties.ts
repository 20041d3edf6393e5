import { SIZE_CLASSES, validateParty } from '../../core/model/index.js';
import { type ColumnSpec, choices } from '../columns.js';
import type { DbRow, KindSpec, RowContext } from '../spec.js';

const SIZE = choices(SIZE_CLASSES, {
  微型: 'micro',
  微型企业: 'micro',
  小型: 'small',
  小型企业: 'small',
  中型: 'medium',
  中型企业: 'medium',
  大型: 'large',
  大型企业: 'large',
  政府: 'government',
  政府机关: 'government',
});

const code = (zh: string, aliases: string[]): ColumnSpec => ({
  key: 'code',
  zh,
  aliases,
  type: 'text',
  required: true,
  db: 'code',
});
const name = (zh: string, aliases: string[]): ColumnSpec => ({
  key: 'name',
  zh,
  aliases,
  type: 'text',
  required: true,
  db: 'name',
});

const shared: readonly ColumnSpec[] = [
  {
    key: 'registration_no',
    zh: '统一社会信用代码',
    aliases: ['信用代码', '社会信用代码', '纳税人识别号', '税号', 'registration_number', 'uscc'],
    type: 'text',
    db: 'registration_no',
  },
  {
    key: 'country',
    zh: '国家',
    aliases: ['国家/地区', '国别', 'country_code'],
    type: 'country',
    db: 'country',
    empty: 'CN',
  },
];

const terms: ColumnSpec = {
  key: 'terms_days',
  zh: '账期(天)',
  aliases: ['账期', '付款期限', '信用期', '信用天数', 'payment_terms', 'default_terms_days', 'terms'],
  type: 'integer',
  db: 'default_terms_days',
  empty: 30,
};
const currency: ColumnSpec = {
  key: 'currency',
  zh: '币种',
  aliases: ['货币', '结算币种', 'currency_code'],
  type: 'currency',
  db: 'currency',
};
const tags: ColumnSpec = { key: 'tags', zh: '标签', aliases: ['tag', '分组'], type: 'list', db: 'tags', empty: '[]' };

function completeParty(row: DbRow, _values: unknown, _state: null, ctx: RowContext): boolean {
  const terms = row.default_terms_days;
  const currency = row.currency;
  return ctx.violations(
    validateParty({
      defaultTermsDays: typeof terms === 'number' ? terms : null,
      currency: typeof currency === 'string' ? currency : null,
    }),
  );
}

export const customers: KindSpec<null> = {
  kind: 'customers',
  table: 'customers',
  columns: [
    code('客户编码', ['客户代码', '客户编号', '编码', 'customer_code']),
    name('客户名称', ['名称', '客户', '客户全称', 'customer_name']),
    ...shared,
    { key: 'industry', zh: '行业', aliases: ['所属行业'], type: 'text', db: 'industry' },
    { key: 'size_class', zh: '企业规模', aliases: ['规模', 'size'], type: 'choice', choices: SIZE, db: 'size_class' },
    terms,
    currency,
    tags,
    {
      key: 'email',
      zh: '邮箱',
      aliases: ['电子邮件', '电子邮箱', '邮件', 'e-mail', 'mail'],
      type: 'email',
      db: 'email',
    },
    {
      key: 'since_on',
      zh: '合作开始日期',
      aliases: ['首次合作日期', '合作日期', 'since'],
      type: 'date',
      db: 'since_on',
    },
  ],
  idColumns: ['id'],
  key: (row) => row.code as string,
  keyColumns: ['code'],
  load: async () => null,
  complete: completeParty,
};

export const suppliers: KindSpec<null> = {
  kind: 'suppliers',
  table: 'suppliers',
  columns: [
    code('供应商编码', ['供应商代码', '供应商编号', '编码', 'supplier_code']),
    name('供应商名称', ['名称', '供应商', '供应商全称', 'supplier_name']),
    ...shared,
    terms,
    currency,
    tags,
  ],
  idColumns: ['id'],
  key: (row) => row.code as string,
  keyColumns: ['code'],
  load: async () => null,
  complete: completeParty,
};
