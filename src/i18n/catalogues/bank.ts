/**
 * Messages of bank statements and cash application, in both languages. Details: {{file}},
 * {{line}} (text line, or entry number in XML), {{statement}} (1-based in the file), {{field}},
 * {{value}}, {{expected}}, {{actual}}, {{count}}.
 */
export const en: Record<string, string> = {
  BANK_EMPTY_FILE: '{{file}}: the file is empty.',
  BANK_UNKNOWN_FORMAT:
    '{{file}}: not a bank statement this program reads (camt.052/053/054, MT940/MT942, OFX, or a Chinese bank CSV/Excel export with a header row).',
  BANK_NO_STATEMENT: '{{file}}: the file holds no statement.',
  BANK_BAD_AMOUNT: '{{file}} line {{line}}, {{field}}: "{{value}}" is not an amount.',
  BANK_BAD_CURRENCY: '{{file}} line {{line}}: "{{value}}" is not a currency code this program knows.',
  BANK_BAD_DATE: '{{file}} line {{line}}, {{field}}: "{{value}}" is not a date.',
  BANK_NO_DATE: '{{file}} line {{line}}: the transaction has no {{field}} date.',
  BANK_BAD_BALANCE:
    '{{file}} line {{line}}, {{field}}: "{{value}}" is not a balance (mark D/C, date YYMMDD, currency, amount).',
  BANK_BAD_LINE:
    '{{file}} line {{line}}, {{field}}: "{{value}}" is not a statement line (value date, D/C mark, amount, type).',
  BANK_NO_ACCOUNT: '{{file}} line {{line}}: the statement names no account; give one with --account.',
  BANK_NO_CURRENCY: '{{file}} line {{line}}: the statement gives no currency (no balance, {{field}}).',
  BANK_BAD_XML: '{{file}}: the XML is malformed near line {{line}}: {{value}}',
  BANK_UNREADABLE_WORKBOOK: '{{file}}: the Excel workbook cannot be read: {{value}}',
  BANK_ACCOUNT_NOT_FOUND: 'No bank account with id or name "{{value}}".',
  BANK_ACCOUNT_CURRENCY:
    '{{file}} statement {{statement}}: the statement is in {{value}}, the account in {{expected}}.',
  BANK_BALANCE_MISMATCH:
    'statement {{statement}}, line {{line}}: opening balance plus the lines gives {{expected}}, the closing balance says {{actual}}.',
  BANK_BALANCE_DISCONTINUITY:
    'statement {{statement}}, line {{line}}: opens at {{actual}}, the previous statement closed at {{expected}}.',
  BANK_BALANCE_CURRENCY:
    'statement {{statement}}, line {{line}}: balances in {{actual}}, the statement in {{expected}}; not checked.',
  BANK_LINE_BALANCE_MISMATCH:
    'statement {{statement}}, line {{line}}: the balance after the line should be {{expected}}, the file says {{actual}}.',
  BANK_CLI_STATEMENT:
    '{{account}} ({{currency}}) {{period}}: {{lines}} lines ({{newLines}} new), opening {{opening}}, closing {{closing}}{{again}}',
  BANK_CLI_AGAIN: ' — imported before, nothing written',
  BANK_CLI_DONE: '{{file}}: {{count}} statements read.',
  BANK_CLI_DRY_RUN: '{{file}}: {{count}} statements read; nothing written (dry run).',
  MATCH_CLI_APPLIED: 'applied: {{payment}} {{amount}} {{currency}} from {{payer}} → {{invoices}} ({{confidence}}%)',
  MATCH_CLI_REVIEW: 'to review: {{payment}} {{amount}} {{currency}} from {{payer}} → {{invoices}} ({{confidence}}%)',
  MATCH_CLI_UNMATCHED: 'no match: {{payment}} {{amount}} {{currency}} from {{payer}}',
  MATCH_CLI_DONE: '{{lines}} incoming lines: {{applied}} applied, {{review}} to review, {{unmatched}} without a match.',
  MATCH_CLI_BILL_APPLIED:
    'bill paid: {{payment}} {{amount}} {{currency}} to {{payer}} → {{invoices}} ({{confidence}}%)',
  MATCH_CLI_BILL_REVIEW:
    'bill payment to review: {{payment}} {{amount}} {{currency}} to {{payer}} → {{invoices}} ({{confidence}}%)',
  MATCH_CLI_BILL_UNMATCHED: 'no bill: {{payment}} {{amount}} {{currency}} to {{payer}}',
  MATCH_CLI_BILL_DONE:
    '{{lines}} outgoing lines: {{applied}} applied to bills, {{review}} to review, {{unmatched}} without a bill.',
  MATCH_PROPOSAL_NOT_FOUND: 'No open proposal "{{value}}" in the review queue.',
  MATCH_SPLIT_INVALID: 'The split does not fit the payment: {{value}}.',
  MATCH_REASON_INVOICE_NUMBER: 'invoice number {{value}} is in the payment text',
  MATCH_REASON_INVOICE_NUMBER_FUZZY: 'the payment text has {{value}}, one character off invoice number {{expected}}',
  MATCH_REASON_AMOUNT_EXACT: 'the amount equals what is open on the invoice(s)',
  MATCH_REASON_PARTIAL: 'part payment: {{value}} of {{expected}} open',
  MATCH_REASON_CHARGE:
    'short by {{value}}, within the bank-charge tolerance of {{expected}}: recorded as a bank charge',
  MATCH_REASON_OVERPAID: 'paid {{value}} more than is open; the rest stays unapplied',
  MATCH_REASON_PAYER_NAME: 'the payer "{{value}}" is customer {{expected}}',
  MATCH_REASON_PAYER_NAME_VARIANT:
    'the payer "{{value}}" is customer {{expected}} written another way (company form, full-width characters or branch)',
  MATCH_REASON_PAYER_ACCOUNT: 'the payer account {{value}} is a known account of customer {{expected}}',
  MATCH_REASON_SEVERAL_INVOICES: 'one payment for {{count}} invoices',
  MATCH_REASON_OLDEST_FIRST: "no invoice named: applied to the payer's oldest open invoices first",
  MATCH_REASON_FOREIGN_CURRENCY: 'paid in {{value}} for invoices in {{expected}}',
  MATCH_REASON_AMBIGUOUS: 'several invoices fit equally well',
  MATCH_REASON_BILL_NUMBER: 'bill number {{value}} is in the payment text',
  MATCH_REASON_BILL_NUMBER_FUZZY: 'the payment text has {{value}}, one character off bill number {{expected}}',
  MATCH_REASON_BILL_AMOUNT_EXACT: 'the amount equals what is open on the bill(s)',
  MATCH_REASON_BILL_PARTIAL: 'part payment of the bill: {{value}} of {{expected}} open',
  MATCH_REASON_BILL_OVERPAID: 'paid {{value}} more than the bills have open; the rest stays unapplied',
  MATCH_REASON_PAYEE_NAME: 'the payee "{{value}}" is supplier {{expected}}',
  MATCH_REASON_PAYEE_NAME_VARIANT:
    'the payee "{{value}}" is supplier {{expected}} written another way (company form, full-width characters or branch)',
  MATCH_REASON_SEVERAL_BILLS: 'one payment for {{count}} bills',
  MATCH_REASON_BILL_OLDEST_FIRST: "no bill named: applied to the supplier's oldest open bills first",
  MATCH_REASON_BILL_AMBIGUOUS: 'several bills fit equally well',
  EINVOICE_BAD_XML: '{{file}}: the XML is malformed: {{value}}',
  EINVOICE_NOT_EINVOICE: '{{file}}: not a 数电票 e-invoice (no EInvoice element).',
  EINVOICE_MISSING_FIELD: '{{file}}: the e-invoice has no {{field}}.',
  EINVOICE_PARTY_UNKNOWN: '{{file}}: neither party ({{value}}) is a customer, a supplier or this organisation.',
  EINVOICE_RED_LETTER_PURCHASE:
    '{{file}}: red-letter invoice {{value}} from a supplier: record it as a change of the bill.',
  EINVOICE_CLI_LINE: '{{file}}: {{kind}} {{number}} {{party}} {{total}}{{again}}',
  EINVOICE_CLI_DONE: '{{count}} e-invoices read, {{added}} added.',
  EINVOICE_KIND_INVOICE: 'sales invoice',
  EINVOICE_KIND_BILL: 'purchase bill',
  EINVOICE_KIND_CREDIT_NOTE: 'red-letter credit note',
};

export const zhCN: Record<string, string> = {
  BANK_EMPTY_FILE: '{{file}}：文件为空。',
  BANK_UNKNOWN_FORMAT:
    '{{file}}：不是可识别的银行对账单（camt.052/053/054、MT940/MT942、OFX，或带表头行的国内银行 CSV/Excel 流水）。',
  BANK_NO_STATEMENT: '{{file}}：文件中没有对账单。',
  BANK_BAD_AMOUNT: '{{file}} 第 {{line}} 行，{{field}}：“{{value}}”不是金额。',
  BANK_BAD_CURRENCY: '{{file}} 第 {{line}} 行：“{{value}}”不是可识别的币种代码。',
  BANK_BAD_DATE: '{{file}} 第 {{line}} 行，{{field}}：“{{value}}”不是日期。',
  BANK_NO_DATE: '{{file}} 第 {{line}} 行：交易缺少 {{field}} 日期。',
  BANK_BAD_BALANCE:
    '{{file}} 第 {{line}} 行，{{field}}：“{{value}}”不是余额（借贷标志 D/C、日期 YYMMDD、币种、金额）。',
  BANK_BAD_LINE: '{{file}} 第 {{line}} 行，{{field}}：“{{value}}”不是对账单明细行（起息日、借贷标志、金额、类型）。',
  BANK_NO_ACCOUNT: '{{file}} 第 {{line}} 行：对账单未写明账号，请用 --account 指定。',
  BANK_NO_CURRENCY: '{{file}} 第 {{line}} 行：对账单未给出币种（无余额，{{field}}）。',
  BANK_BAD_XML: '{{file}}：XML 在第 {{line}} 行附近格式错误：{{value}}',
  BANK_UNREADABLE_WORKBOOK: '{{file}}：无法读取 Excel 工作簿：{{value}}',
  BANK_ACCOUNT_NOT_FOUND: '没有编号或名称为“{{value}}”的银行账户。',
  BANK_ACCOUNT_CURRENCY: '{{file}} 第 {{statement}} 张对账单：对账单币种为 {{value}}，账户币种为 {{expected}}。',
  BANK_BALANCE_MISMATCH:
    '第 {{statement}} 张对账单，第 {{line}} 行：期初余额加各笔发生额为 {{expected}}，期末余额却是 {{actual}}。',
  BANK_BALANCE_DISCONTINUITY:
    '第 {{statement}} 张对账单，第 {{line}} 行：期初余额 {{actual}}，上一张对账单期末余额为 {{expected}}。',
  BANK_BALANCE_CURRENCY:
    '第 {{statement}} 张对账单，第 {{line}} 行：余额币种 {{actual}} 与对账单币种 {{expected}} 不同，未核对。',
  BANK_LINE_BALANCE_MISMATCH:
    '第 {{statement}} 张对账单，第 {{line}} 行：该笔之后余额应为 {{expected}}，文件中为 {{actual}}。',
  BANK_CLI_STATEMENT:
    '{{account}}（{{currency}}）{{period}}：{{lines}} 笔（新增 {{newLines}}），期初 {{opening}}，期末 {{closing}}{{again}}',
  BANK_CLI_AGAIN: ' — 已导入过，未写入',
  BANK_CLI_DONE: '{{file}}：读取 {{count}} 张对账单。',
  BANK_CLI_DRY_RUN: '{{file}}：读取 {{count}} 张对账单；试运行，未写入。',
  MATCH_CLI_APPLIED: '已核销：{{payment}} {{amount}} {{currency}}，付款方 {{payer}} → {{invoices}}（{{confidence}}%）',
  MATCH_CLI_REVIEW: '待复核：{{payment}} {{amount}} {{currency}}，付款方 {{payer}} → {{invoices}}（{{confidence}}%）',
  MATCH_CLI_UNMATCHED: '未匹配：{{payment}} {{amount}} {{currency}}，付款方 {{payer}}',
  MATCH_CLI_DONE: '收款 {{lines}} 笔：自动核销 {{applied}}，待复核 {{review}}，未匹配 {{unmatched}}。',
  MATCH_CLI_BILL_APPLIED:
    '已付账单：{{payment}} {{amount}} {{currency}}，收款方 {{payer}} → {{invoices}}（{{confidence}}%）',
  MATCH_CLI_BILL_REVIEW:
    '付款待复核：{{payment}} {{amount}} {{currency}}，收款方 {{payer}} → {{invoices}}（{{confidence}}%）',
  MATCH_CLI_BILL_UNMATCHED: '未匹配账单：{{payment}} {{amount}} {{currency}}，收款方 {{payer}}',
  MATCH_CLI_BILL_DONE: '付款 {{lines}} 笔：核销账单 {{applied}}，待复核 {{review}}，未匹配 {{unmatched}}。',
  MATCH_PROPOSAL_NOT_FOUND: '复核队列中没有待处理的建议“{{value}}”。',
  MATCH_SPLIT_INVALID: '拆分与该笔收款不符：{{value}}。',
  MATCH_REASON_INVOICE_NUMBER: '付款附言中有发票号 {{value}}',
  MATCH_REASON_INVOICE_NUMBER_FUZZY: '付款附言中的 {{value}} 与发票号 {{expected}} 相差一个字符',
  MATCH_REASON_AMOUNT_EXACT: '金额等于发票未结金额',
  MATCH_REASON_PARTIAL: '部分付款：未结 {{expected}}，付 {{value}}',
  MATCH_REASON_CHARGE: '少付 {{value}}，在银行手续费容差 {{expected}} 之内：记为银行手续费',
  MATCH_REASON_OVERPAID: '比未结金额多付 {{value}}，多余部分保留为未核销',
  MATCH_REASON_PAYER_NAME: '付款方“{{value}}”即客户 {{expected}}',
  MATCH_REASON_PAYER_NAME_VARIANT: '付款方“{{value}}”是客户 {{expected}} 的另一种写法（公司类型、全角字符或分支机构）',
  MATCH_REASON_PAYER_ACCOUNT: '付款账号 {{value}} 是客户 {{expected}} 的已知账号',
  MATCH_REASON_SEVERAL_INVOICES: '一笔付款对应 {{count}} 张发票',
  MATCH_REASON_OLDEST_FIRST: '未写明发票：先核销该付款方最早的未结发票',
  MATCH_REASON_FOREIGN_CURRENCY: '以 {{value}} 支付 {{expected}} 发票',
  MATCH_REASON_AMBIGUOUS: '有多张发票同样相符',
  MATCH_REASON_BILL_NUMBER: '付款附言中有账单号 {{value}}',
  MATCH_REASON_BILL_NUMBER_FUZZY: '付款附言中的 {{value}} 与账单号 {{expected}} 相差一个字符',
  MATCH_REASON_BILL_AMOUNT_EXACT: '金额等于账单未付金额',
  MATCH_REASON_BILL_PARTIAL: '部分付款：账单未付 {{expected}}，付 {{value}}',
  MATCH_REASON_BILL_OVERPAID: '比账单未付金额多付 {{value}}，多余部分保留为未核销',
  MATCH_REASON_PAYEE_NAME: '收款方“{{value}}”即供应商 {{expected}}',
  MATCH_REASON_PAYEE_NAME_VARIANT:
    '收款方“{{value}}”是供应商 {{expected}} 的另一种写法（公司类型、全角字符或分支机构）',
  MATCH_REASON_SEVERAL_BILLS: '一笔付款对应 {{count}} 张账单',
  MATCH_REASON_BILL_OLDEST_FIRST: '未写明账单：先核销该供应商最早的未付账单',
  MATCH_REASON_BILL_AMBIGUOUS: '有多张账单同样相符',
  EINVOICE_BAD_XML: '{{file}}：XML 格式错误：{{value}}',
  EINVOICE_NOT_EINVOICE: '{{file}}：不是数电票（没有 EInvoice 元素）。',
  EINVOICE_MISSING_FIELD: '{{file}}：数电票缺少 {{field}}。',
  EINVOICE_PARTY_UNKNOWN: '{{file}}：购销双方（{{value}}）都不是客户、供应商或本企业。',
  EINVOICE_RED_LETTER_PURCHASE: '{{file}}：供应商开具的红字发票 {{value}}：请作为应付账单的变更登记。',
  EINVOICE_CLI_LINE: '{{file}}：{{kind}} {{number}} {{party}} {{total}}{{again}}',
  EINVOICE_CLI_DONE: '读取数电票 {{count}} 张，新增 {{added}} 张。',
  EINVOICE_KIND_INVOICE: '销售发票',
  EINVOICE_KIND_BILL: '采购发票（应付）',
  EINVOICE_KIND_CREDIT_NOTE: '红字发票（贷项）',
};
