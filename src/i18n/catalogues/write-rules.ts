/**
 * Messages of the core write rules (src/core/model/write-rules.ts): the same code and message
 * whichever entrance refused the write. Details: {{field}} (the file's column or the API's
 * field), {{value}} and {{expected}}.
 */
export const en: Record<string, string> = {
  NOT_POSITIVE: '{{field}}: {{value}} must be greater than zero.',
  NEGATIVE: '{{field}}: {{value}} must not be negative.',
  CURRENCY_MISMATCH: '{{field}}: "{{value}}" is in {{expected}}, not in the currency of this record.',
  SAME_CURRENCY: '{{field}}: the quote currency {{value}} is the same as the base currency.',
  DUE_BEFORE_ISSUE: '{{field}}: due date {{value}} is before the issue date (expected {{expected}}).',
  END_BEFORE_START: '{{field}}: {{value}} is before the start date (expected {{expected}}).',
  TAX_EXCEEDS_AMOUNT: '{{field}}: tax {{value}} is larger than the amount (expected {{expected}}).',
  INSTALMENTS_SUM_MISMATCH: '{{field}}: the instalments add up to {{value}}, not to the amount {{expected}}.',
  ALLOCATIONS_EXCEED_AMOUNT: '{{field}}: {{value}} is allocated, more than the amount received or paid ({{expected}}).',
  ALLOCATION_EXCEEDS_OPEN: '{{field}}: {{value}} is more than is still open on the document ({{expected}}).',
  INVOICE_OTHER_CUSTOMER: '{{field}}: invoice "{{value}}" belongs to another customer.',
  BILL_OTHER_SUPPLIER: '{{field}}: bill "{{value}}" belongs to another supplier.',
  BAD_SCHEDULE_RULE: '{{field}}: "{{value}}" is not a schedule (expected like {{expected}}).',
  BAD_LC_CHECKLIST: '{{field}}: "{{value}}" is not a checklist (expected like {{expected}}).',
  UNKNOWN_CUSTOMER: '{{field}}: no customer "{{value}}" in this organisation (import or create it first).',
  UNKNOWN_SUPPLIER: '{{field}}: no supplier "{{value}}" in this organisation (import or create it first).',
  UNKNOWN_INVOICE: '{{field}}: no invoice "{{value}}" in this organisation.',
  UNKNOWN_BILL: '{{field}}: no bill "{{value}}" in this organisation.',
  UNKNOWN_BANK_ACCOUNT: '{{field}}: no bank account "{{value}}" in this organisation (import bank balances first).',
};

export const zhCN: Record<string, string> = {
  NOT_POSITIVE: '{{field}}：{{value}} 必须大于零。',
  NEGATIVE: '{{field}}：{{value}} 不能为负数。',
  CURRENCY_MISMATCH: '{{field}}："{{value}}" 的币种为 {{expected}}，与本记录的币种不一致。',
  SAME_CURRENCY: '{{field}}：报价币种 {{value}} 与基准币种相同。',
  DUE_BEFORE_ISSUE: '{{field}}：到期日 {{value}} 早于开票日期（应 {{expected}}）。',
  END_BEFORE_START: '{{field}}：{{value}} 早于开始日期（应 {{expected}}）。',
  TAX_EXCEEDS_AMOUNT: '{{field}}：税额 {{value}} 大于金额（应 {{expected}}）。',
  INSTALMENTS_SUM_MISMATCH: '{{field}}：分期合计 {{value}}，与金额 {{expected}} 不符。',
  ALLOCATIONS_EXCEED_AMOUNT: '{{field}}：核销合计 {{value}}，超过收付款金额（应 {{expected}}）。',
  ALLOCATION_EXCEEDS_OPEN: '{{field}}：{{value}} 超过该单据的未结金额（应 {{expected}}）。',
  INVOICE_OTHER_CUSTOMER: '{{field}}：发票 "{{value}}" 属于其他客户。',
  BILL_OTHER_SUPPLIER: '{{field}}：账单 "{{value}}" 属于其他供应商。',
  BAD_SCHEDULE_RULE: '{{field}}："{{value}}" 不是有效周期（应形如 {{expected}}）。',
  BAD_LC_CHECKLIST: '{{field}}："{{value}}" 不是有效的核查清单（应形如 {{expected}}）。',
  UNKNOWN_CUSTOMER: '{{field}}：本企业没有客户 "{{value}}"（请先导入或创建）。',
  UNKNOWN_SUPPLIER: '{{field}}：本企业没有供应商 "{{value}}"（请先导入或创建）。',
  UNKNOWN_INVOICE: '{{field}}：本企业没有发票 "{{value}}"。',
  UNKNOWN_BILL: '{{field}}：本企业没有账单 "{{value}}"。',
  UNKNOWN_BANK_ACCOUNT: '{{field}}：本企业没有银行账户 "{{value}}"（请先导入银行余额）。',
};
