/** Messages shared by every front, keyed by error or message code, in both languages. */
export const en: Record<string, string> = {
  INTERNAL_ERROR: 'Something went wrong on our side. The error was logged.',
  UNREADABLE_ROW:
    'A stored {{kind}} ({{id}}) cannot be read ({{reason}}) and is left out of these figures; correct it and import it again.',
  RECORD_KIND_invoices: 'invoice',
  RECORD_KIND_bills: 'bill',
  NOT_FOUND: 'Not found.',
  VALIDATION_FAILED: 'The input is not valid: {{field}} {{expected}}',
  ORGANISATION_NOT_FOUND: 'Organisation {{orgId}} does not exist. Run "cashguard init" or "cashguard demo" first.',
  UNKNOWN_CURRENCY: 'Unknown currency "{{value}}".',
  NO_ORGANISATION: 'The database has no organisation yet. Run "cashguard init" or "cashguard demo" first.',
  ORGANISATION_AMBIGUOUS: 'The database holds several organisations ({{choices}}): choose one with --org.',
  ORGANISATION_EXISTS: 'Organisation {{orgId}} already exists.',
  INVALID_ARGUMENT: 'Invalid value "{{value}}" for {{field}}: expected {{expected}}.',
};
export const zhCN: Record<string, string> = {
  INTERNAL_ERROR: '系统内部出错，错误已记录。',
  UNREADABLE_ROW:
    '一条已存储的{{kind}}记录（{{id}}）无法读取（{{reason}}），已从本报表的数字中剔除；请更正后重新导入。',
  RECORD_KIND_invoices: '发票',
  RECORD_KIND_bills: '应付账单',
  NOT_FOUND: '未找到。',
  VALIDATION_FAILED: '输入无效：{{field}} {{expected}}',
  ORGANISATION_NOT_FOUND: '企业 {{orgId}} 不存在。请先运行 "cashguard init" 或 "cashguard demo"。',
  UNKNOWN_CURRENCY: '未知币种 "{{value}}"。',
  NO_ORGANISATION: '数据库中还没有企业。请先运行 "cashguard init" 或 "cashguard demo"。',
  ORGANISATION_AMBIGUOUS: '数据库中有多个企业（{{choices}}）：请用 --org 指定。',
  ORGANISATION_EXISTS: '企业 {{orgId}} 已存在。',
  INVALID_ARGUMENT: '{{field}} 的值 "{{value}}" 无效：应为 {{expected}}。',
};
