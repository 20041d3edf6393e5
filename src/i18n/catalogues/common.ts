/** Messages shared by every front, keyed by error or message code, in both languages. */
export const en: Record<string, string> = {
  INTERNAL_ERROR: 'Something went wrong on our side. The error was logged.',
  NOT_FOUND: 'Not found.',
  VALIDATION_FAILED: 'The input is not valid: {{field}} {{expected}}',
  ORGANISATION_NOT_FOUND: 'Organisation {{orgId}} does not exist. Run "cashguard init" or "cashguard demo" first.',
  UNKNOWN_CURRENCY: 'Unknown currency "{{value}}".',
};
export const zhCN: Record<string, string> = {
  INTERNAL_ERROR: '系统内部出错，错误已记录。',
  NOT_FOUND: '未找到。',
  VALIDATION_FAILED: '输入无效：{{field}} {{expected}}',
  ORGANISATION_NOT_FOUND: '企业 {{orgId}} 不存在。请先运行 "cashguard init" 或 "cashguard demo"。',
  UNKNOWN_CURRENCY: '未知币种 "{{value}}"。',
};
