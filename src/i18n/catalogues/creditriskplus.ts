/** CreditRisk+ (`cashguard stress creditriskplus`): report lines and the errors of its files, in both languages. */
export const en: Record<string, string> = {
  CRP_REPORT_TITLE:
    'CreditRisk+ loss distribution of {{file}}: {{obligors}} obligors in {{sectors}} sector(s), loss unit {{lossUnit}}',
  CRP_REPORT_EXPECTED_LOSS: 'Expected loss: {{value}}',
  CRP_REPORT_STANDARD_DEVIATION: 'Standard deviation of the loss: {{value}}',
  CRP_REPORT_QUANTILE: '{{level}} % loss quantile: {{value}} (in {{years}} years out of 1,000 the loss is no larger)',
  CRP_FILE_UNREADABLE: 'Cannot read {{file}}: {{value}}',
  CRP_BAD_CSV: '{{file}} is not valid CSV (row {{row}}): {{value}}',
  CRP_EMPTY_FILE: '{{file}} is empty: it needs a header row and data rows.',
  CRP_MISSING_COLUMN: '{{file}}: the header has no column {{field}} (it has: {{expected}}).',
  CRP_BAD_NUMBER: '{{file}}, row {{row}}, field {{field}}: "{{value}}" is not a number.',
  CRP_BAD_VALUE: '{{file}}, row {{row}}, field {{field}}: "{{value}}" is not allowed (expected {{expected}}).',
  CRP_DUPLICATE_RATING: '{{file}}, row {{row}}, field {{field}}: rating "{{value}}" is given twice.',
  CRP_DUPLICATE_SECTOR: '{{file}}, row {{row}}, field {{field}}: sector "{{value}}" is given twice.',
  CRP_UNKNOWN_RATING:
    '{{file}}, row {{row}}, field {{field}}: rating "{{value}}" is not in the rating scale {{expected}}.',
  CRP_MISSING_SECTOR: '{{file}}: no variance for sector {{value}}, a weight column of {{expected}}.',
  CRP_INVALID_OBLIGOR:
    '{{file}}, row {{row}} (obligor {{id}}), field {{field}}: "{{value}}" is not allowed (expected {{expected}}).',
  CRP_INVALID_SETTING: '{{field}}: "{{value}}" is not allowed (expected {{expected}}).',
  CRP_MIXED_CURRENCIES: 'The exposures are in several currencies ({{value}}): convert them to the base currency first.',
  CRP_LOSS_UNIT_TOO_SMALL:
    'With a loss unit of {{value}} the {{level}} quantile is beyond {{maxUnits}} units (probability reached {{reached}}): use a larger --loss-unit.',
};

export const zhCN: Record<string, string> = {
  CRP_REPORT_TITLE:
    '{{file}} 的 CreditRisk+ 损失分布：{{obligors}} 个债务人，{{sectors}} 个行业因子，损失单位 {{lossUnit}}',
  CRP_REPORT_EXPECTED_LOSS: '预期损失：{{value}}',
  CRP_REPORT_STANDARD_DEVIATION: '损失标准差：{{value}}',
  CRP_REPORT_QUANTILE: '{{level}}% 分位损失：{{value}}（每 1,000 年中有 {{years}} 年损失不超过此数）',
  CRP_FILE_UNREADABLE: '无法读取 {{file}}：{{value}}',
  CRP_BAD_CSV: '{{file}} 不是有效的 CSV（第 {{row}} 行）：{{value}}',
  CRP_EMPTY_FILE: '{{file}} 是空文件：需要表头行和数据行。',
  CRP_MISSING_COLUMN: '{{file}}：表头缺少列 {{field}}（现有列：{{expected}}）。',
  CRP_BAD_NUMBER: '{{file}} 第 {{row}} 行，字段 {{field}}：“{{value}}” 不是数字。',
  CRP_BAD_VALUE: '{{file}} 第 {{row}} 行，字段 {{field}}：不允许 “{{value}}”（应为 {{expected}}）。',
  CRP_DUPLICATE_RATING: '{{file}} 第 {{row}} 行，字段 {{field}}：评级 “{{value}}” 重复。',
  CRP_DUPLICATE_SECTOR: '{{file}} 第 {{row}} 行，字段 {{field}}：行业 “{{value}}” 重复。',
  CRP_UNKNOWN_RATING: '{{file}} 第 {{row}} 行，字段 {{field}}：评级 “{{value}}” 不在评级表 {{expected}} 中。',
  CRP_MISSING_SECTOR: '{{file}}：缺少行业 {{value}} 的方差（{{expected}} 中有该权重列）。',
  CRP_INVALID_OBLIGOR:
    '{{file}} 第 {{row}} 行（债务人 {{id}}），字段 {{field}}：不允许 “{{value}}”（应为 {{expected}}）。',
  CRP_INVALID_SETTING: '{{field}}：不允许 “{{value}}”（应为 {{expected}}）。',
  CRP_MIXED_CURRENCIES: '敞口使用了多种币种（{{value}}）：请先换算为记账本位币。',
  CRP_LOSS_UNIT_TOO_SMALL:
    '损失单位为 {{value}} 时，{{level}} 分位超出 {{maxUnits}} 个单位（已达到的概率 {{reached}}）：请使用更大的 --loss-unit。',
};
