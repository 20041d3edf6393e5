/** Messages of the 'credit' namespace, keyed by error or message code, in both languages. */
export const en: Record<string, string> = {
  // --- Financial-distress model, ARFF reader, `score financials` (docs/domain/distress-model.md) ---
  ARFF_BAD_ATTRIBUTE: '{{file}}, line {{row}}: cannot read the attribute declaration "{{value}}".',
  ARFF_UNSUPPORTED_ATTRIBUTE:
    '{{file}}, line {{row}}: attribute {{field}} has type "{{value}}"; only numeric attributes and a 0/1 class are supported.',
  ARFF_BAD_HEADER: '{{file}}, line {{row}}: unexpected header line "{{value}}".',
  ARFF_NO_DATA: '{{file}} has no data section: expected {{expected}}.',
  ARFF_BAD_ROW: '{{file}}, line {{row}}: the row has {{value}} values; expected {{expected}}.',
  ARFF_BAD_NUMBER: '{{file}}, line {{row}}: {{field}} "{{value}}" is not a number (use ? for a missing value).',
  ARFF_BAD_CLASS: '{{file}}, line {{row}}: class "{{value}}" is not valid; expected {{expected}}.',
  ARFF_READ_FAILED: 'Cannot read the ARFF file {{file}}: {{value}}',
  ALTMAN_MISSING_ITEM: 'Altman {{variant}} cannot be computed: missing {{field}} (a missing item is never read as 0).',
  ALTMAN_NON_POSITIVE_DENOMINATOR: 'Altman Z cannot be computed: {{field}} is {{value}}; it must be above 0.',
  MODEL_INVALID: 'The distress model file {{file}} is not valid at {{field}}. Rebuild it with npm run train:distress.',
  MODEL_UNKNOWN_FEATURE:
    'The distress model file {{file}} uses feature "{{value}}" ({{field}}), which this version cannot compute.',
  MODEL_READ_FAILED: 'Cannot read the distress model file {{file}}: {{value}}',
  FINANCIALS_READ_FAILED: 'Cannot read the financials file {{file}}: {{value}}',
  FINANCIALS_BAD_CSV: '{{file}} is not valid CSV: {{value}}',
  FINANCIALS_BAD_NUMBER:
    '{{file}}, row {{row}}: {{field}} "{{value}}" is not a number (leave the cell empty if unknown).',
  FINANCIALS_MISSING_COLUMN:
    '{{file}}: the header lacks the column(s) {{field}}. Expected Attr1..Attr64 (UCI Polish ratios) or {{expected}}.',
  OUTPUT_WRITE_FAILED: 'Cannot write the output file {{file}}: {{value}}',
  FINANCIALS_MODEL_USED: 'Scored {{count}} companies with model {{model}} ({{layout}} layout).',
};

export const zhCN: Record<string, string> = {
  // --- 财务困境模型、ARFF 读取、`score financials`（docs/domain/distress-model.md）---
  ARFF_BAD_ATTRIBUTE: '{{file}} 第 {{row}} 行：无法解析属性声明 "{{value}}"。',
  ARFF_UNSUPPORTED_ATTRIBUTE:
    '{{file}} 第 {{row}} 行：属性 {{field}} 的类型为 "{{value}}"；仅支持数值属性和 0/1 类别。',
  ARFF_BAD_HEADER: '{{file}} 第 {{row}} 行：无法识别的文件头 "{{value}}"。',
  ARFF_NO_DATA: '{{file}} 没有数据部分：缺少 {{expected}}。',
  ARFF_BAD_ROW: '{{file}} 第 {{row}} 行：该行有 {{value}} 个值，应为 {{expected}}。',
  ARFF_BAD_NUMBER: '{{file}} 第 {{row}} 行：{{field}} 的值 "{{value}}" 不是数字（缺失值请用 ?）。',
  ARFF_BAD_CLASS: '{{file}} 第 {{row}} 行：类别 "{{value}}" 无效，应为 {{expected}}。',
  ARFF_READ_FAILED: '无法读取 ARFF 文件 {{file}}：{{value}}',
  ALTMAN_MISSING_ITEM: '无法计算 Altman {{variant}}：缺少 {{field}}（缺失项目不会按 0 处理）。',
  ALTMAN_NON_POSITIVE_DENOMINATOR: '无法计算 Altman Z 值：{{field}} 为 {{value}}，必须大于 0。',
  MODEL_INVALID: '财务困境模型文件 {{file}} 在 {{field}} 处无效。请运行 npm run train:distress 重新生成。',
  MODEL_UNKNOWN_FEATURE: '财务困境模型文件 {{file}} 使用了本版本无法计算的特征 "{{value}}"（{{field}}）。',
  MODEL_READ_FAILED: '无法读取财务困境模型文件 {{file}}：{{value}}',
  FINANCIALS_READ_FAILED: '无法读取财务数据文件 {{file}}：{{value}}',
  FINANCIALS_BAD_CSV: '{{file}} 不是有效的 CSV：{{value}}',
  FINANCIALS_BAD_NUMBER: '{{file}} 第 {{row}} 行：{{field}} 的值 "{{value}}" 不是数字（未知请留空）。',
  FINANCIALS_MISSING_COLUMN: '{{file}}：表头缺少列 {{field}}。应为 Attr1..Attr64（UCI 波兰财务比率）或 {{expected}}。',
  OUTPUT_WRITE_FAILED: '无法写入输出文件 {{file}}：{{value}}',
  FINANCIALS_MODEL_USED: '已用模型 {{model}}（{{layout}} 格式）为 {{count}} 家企业评分。',
};
