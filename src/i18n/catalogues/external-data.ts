/**
 * Messages of external buyer data: credit-data exports (企查查, 天眼查, 启信宝) and bureau files
 * (Creditsafe, D&B), in both languages. Details: {{file}}, {{sheet}}, {{row}}, {{field}}, {{value}},
 * {{source}}, {{count}} and the counts of a report.
 */
export const en: Record<string, string> = {
  EXT_WHERE: '{{file}}, sheet {{sheet}}, row {{row}}, {{field}}',
  EXT_WHERE_SHEET: '{{file}}, sheet {{sheet}}',
  EXT_NO_SECTIONS:
    'no sheet of a credit-data export was recognised (basic information, shareholders, 失信被执行人, 被执行人, 限制高消费, lawsuits, 经营异常, 行政处罚).',
  EXT_NO_HEADER: 'no header row found (expected a column such as "{{field}}").',
  EXT_NO_BUREAU: 'not a Creditsafe or D&B file: no "Credit Score", "PAYDEX" or "Failure Score" column.',
  EXT_BAD_DATE: '"{{value}}" is not a date.',
  EXT_MISSING_DATE: 'the date is missing.',
  EXT_BAD_AMOUNT: '"{{value}}" is not an amount.',
  EXT_BAD_CREDIT_CODE:
    '"{{value}}" is not a valid unified social credit code (18 characters, GB 32100 check character).',
  EXT_BAD_SCORE: '"{{value}}" is not a score in the bureau\'s range.',
  EXT_NEEDS_FAILURE_CLASS: 'a US failure score (1,001–1,875) needs its failure class (1–5) beside it.',
  EXT_NO_RATING: 'the row has neither a PAYDEX nor a failure score.',
  EXT_NO_SOURCE: 'the file does not say which service it is from (企查查, 天眼查 or 启信宝): give --source.',
  EXT_CUSTOMER_NOT_FOUND: 'no customer has credit code or name "{{value}}".',
  EXT_CUSTOMER_AMBIGUOUS: 'more than one customer has the name "{{value}}"; give the customer\'s credit code.',
  EXT_IMPORT_DONE:
    '{{file}} ({{source}}): customer {{customer}}; {{rows}} rows read, {{inserted}} added, {{updated}} updated, {{unchanged}} unchanged.',
  EXT_IMPORT_DRY_RUN:
    '{{file}} ({{source}}): checked, nothing written; {{inserted}} would be added, {{updated}} updated, {{unchanged}} unchanged.',
  EXT_IMPORT_REJECTED: '{{file}}: {{problems}} problems; nothing was written.',
  EXT_BUREAU_DONE:
    '{{file}} ({{source}}): {{rows}} companies read, {{inserted}} ratings added, {{updated}} updated, {{unchanged}} unchanged.',
  EXT_SOURCE_NOTE: ', source {{source}}',
  EXT_SOURCE_QICHACHA: 'Qichacha',
  EXT_SOURCE_TIANYANCHA: 'Tianyancha',
  EXT_SOURCE_QIXINBAO: 'Qixinbao',
};

export const zhCN: Record<string, string> = {
  EXT_WHERE: '{{file}}，工作表 {{sheet}}，第 {{row}} 行，{{field}}',
  EXT_WHERE_SHEET: '{{file}}，工作表 {{sheet}}',
  EXT_NO_SECTIONS:
    '未识别出任何征信导出工作表（基本信息、股东信息、失信被执行人、被执行人、限制高消费、法律诉讼、经营异常、行政处罚）。',
  EXT_NO_HEADER: '未找到表头行（应有如“{{field}}”的列）。',
  EXT_NO_BUREAU: '不是 Creditsafe 或邓白氏文件：没有“Credit Score”“PAYDEX”或“Failure Score”列。',
  EXT_BAD_DATE: '“{{value}}”不是日期。',
  EXT_MISSING_DATE: '缺少日期。',
  EXT_BAD_AMOUNT: '“{{value}}”不是金额。',
  EXT_BAD_CREDIT_CODE: '“{{value}}”不是有效的统一社会信用代码（18 位，含 GB 32100 校验位）。',
  EXT_BAD_SCORE: '“{{value}}”不在该评级机构的分值范围内。',
  EXT_NEEDS_FAILURE_CLASS: '美国失败评分（1,001–1,875）需同时给出失败等级（1–5）。',
  EXT_NO_RATING: '该行既无 PAYDEX 也无失败评分。',
  EXT_NO_SOURCE: '文件未注明来自哪家服务（企查查、天眼查或启信宝）：请用 --source 指定。',
  EXT_CUSTOMER_NOT_FOUND: '没有信用代码或名称为“{{value}}”的客户。',
  EXT_CUSTOMER_AMBIGUOUS: '有多个客户名为“{{value}}”，请提供该客户的统一社会信用代码。',
  EXT_IMPORT_DONE:
    '{{file}}（{{source}}）：客户 {{customer}}；读取 {{rows}} 行，新增 {{inserted}} 条，更新 {{updated}} 条，未变 {{unchanged}} 条。',
  EXT_IMPORT_DRY_RUN:
    '{{file}}（{{source}}）：已检查，未写入；将新增 {{inserted}} 条，更新 {{updated}} 条，未变 {{unchanged}} 条。',
  EXT_IMPORT_REJECTED: '{{file}}：{{problems}} 个问题，未写入任何数据。',
  EXT_BUREAU_DONE:
    '{{file}}（{{source}}）：读取 {{rows}} 家公司，新增评级 {{inserted}} 条，更新 {{updated}} 条，未变 {{unchanged}} 条。',
  EXT_SOURCE_NOTE: '，来源：{{source}}',
  EXT_SOURCE_QICHACHA: '企查查',
  EXT_SOURCE_TIANYANCHA: '天眼查',
  EXT_SOURCE_QIXINBAO: '启信宝',
};
