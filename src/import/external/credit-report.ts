import { validateCreditCode } from '../../core/credit/reviews/credit-code.js';
import type { LegalEventType } from '../../core/model/index.js';
import { clip } from '../text.js';
import { type CellValue, cellAmount, cellDate, cellText, findHeader, type SheetRows } from './values.js';

/**
 * Reads the Excel exports of the Chinese credit-data services (企查查, 天眼查, 启信宝): a sheet per
 * section, a merged title row and notes above each table's header, dates as text, amounts with 万.
 * Pure: the caller reads the workbook into rows and writes what this returns (docs/adr/0029).
 */

export const CREDIT_REPORT_SOURCES = ['企查查', '天眼查', '启信宝'] as const;

/** 存续/在业 active, 吊销 revoked, 注销 deregistered, anything else (迁出, 停业, 清算…) other. */
export type RegistrationStatus = 'active' | 'revoked' | 'deregistered' | 'other';

export interface RegistrationFacts {
  readonly creditCode: string | null;
  readonly name: string | null;
  readonly legalRepresentative: string | null;
  readonly foundedOn: string | null;
  readonly capitalMinor: number | null;
  readonly capitalCurrency: string | null;
  readonly status: RegistrationStatus | null;
  /** The status as the service wrote it. */
  readonly statusText: string | null;
}

export interface ReportEvent {
  readonly type: LegalEventType;
  readonly occurredOn: string;
  /** Case or decision number; '' when the export has none. */
  readonly reference: string;
  readonly amountMinor: number | null;
  readonly currency: string | null;
  readonly description: string | null;
  readonly resolvedOn: string | null;
  readonly sheet: string;
  readonly row: number;
}

export interface ReportProblem {
  readonly sheet: string | null;
  /** Spreadsheet row (1-based), null for the whole file or sheet. */
  readonly row: number | null;
  readonly field: string | null;
  readonly value: string | null;
  readonly code: string;
}

export interface CreditReport {
  /** 企查查 / 天眼查 / 启信宝 when the title, notes or file name say which; null when none does. */
  readonly source: string | null;
  /** The export's date (导出时间 / 报告日期 in the notes), when given. */
  readonly reportedOn: string | null;
  readonly registration: RegistrationFacts;
  readonly shareholders: number;
  readonly events: readonly ReportEvent[];
  /** Rows read as events (kept) or skipped on purpose (the company as plaintiff). */
  readonly rowsRead: number;
  readonly problems: readonly ReportProblem[];
}

type Section =
  | { kind: 'registration' }
  | { kind: 'shareholders' }
  | { kind: 'events'; type: LegalEventType; lawsuits?: boolean };

/** Sections by sheet name, most specific first (失信被执行人 before 被执行人). */
const SECTIONS: readonly (readonly [RegExp, Section])[] = [
  [/基本信息|工商信息|照面|登记信息|企业信息/, { kind: 'registration' }],
  [/股东/, { kind: 'shareholders' }],
  [/失信/, { kind: 'events', type: 'dishonest_debtor' }],
  [/限制高消费|限高|限制消费/, { kind: 'events', type: 'consumption_restriction' }],
  [/被执行/, { kind: 'events', type: 'enforcement' }],
  [/裁判文书|开庭公告|法律诉讼|诉讼|立案信息/, { kind: 'events', type: 'lawsuit_defendant', lawsuits: true }],
  [/经营异常/, { kind: 'events', type: 'abnormal_operations' }],
  [/行政处罚/, { kind: 'events', type: 'administrative_penalty' }],
  [/股权冻结|股权出质/, { kind: 'events', type: 'equity_freeze' }],
];

const EVENT_COLUMNS = {
  date: [
    '发布日期',
    '立案日期',
    '立案时间',
    '列入日期',
    '列入时间',
    '处罚日期',
    '处罚决定日期',
    '决定日期',
    '裁判日期',
    '判决日期',
    '开庭日期',
    '开庭时间',
    '发布时间',
    '日期',
    '冻结日期',
    '登记日期',
  ],
  reference: ['案号', '决定文书号', '处罚决定书文号', '决定书文号', '文书号', '执行依据文号', '登记编号'],
  amount: [
    '执行标的',
    '执行标的(元)',
    '涉案金额',
    '涉案金额(元)',
    '罚款金额',
    '处罚金额',
    '标的金额',
    '金额',
    '冻结数额',
  ],
  description: [
    '案由',
    '列入原因',
    '列入经营异常名录原因',
    '处罚事由',
    '违法行为类型',
    '失信行为具体情形',
    '履行情况',
    '处罚内容',
  ],
  court: ['执行法院', '法院', '作出决定机关', '决定机关', '处罚机关'],
  resolved: ['移出日期', '移出时间', '解除日期', '撤销日期', '结案日期'],
  role: ['案件身份', '身份', '当事人身份', '诉讼地位'],
} as const;

/** Dates preferred per section (a listing's publication before its filing date). */
const DATE_ORDER: Partial<Record<LegalEventType, readonly string[]>> = {
  dishonest_debtor: ['发布日期', '发布时间', '立案日期', '立案时间'],
  abnormal_operations: ['列入日期', '列入时间'],
  administrative_penalty: ['处罚决定日期', '处罚日期', '决定日期'],
};

const REGISTRATION_LABELS = {
  creditCode: ['统一社会信用代码', '信用代码', '统一信用代码'],
  name: ['企业名称', '公司名称', '名称'],
  legalRepresentative: ['法定代表人', '法人代表', '法定代表人/负责人', '经营者'],
  foundedOn: ['成立日期', '成立时间', '注册日期'],
  capital: ['注册资本', '注册资金'],
  status: ['登记状态', '经营状态', '企业状态', '状态'],
} as const;

function statusOf(text: string): RegistrationStatus {
  if (/吊销/.test(text)) return 'revoked';
  if (/注销/.test(text)) return 'deregistered';
  if (/存续|在业|开业|在营/.test(text)) return 'active';
  return 'other';
}

function sourceOf(texts: readonly string[]): string | null {
  for (const t of texts) for (const s of CREDIT_REPORT_SOURCES) if (t.includes(s)) return s;
  for (const t of texts) {
    if (/qichacha|qcc/i.test(t)) return '企查查';
    if (/tianyancha|tyc/i.test(t)) return '天眼查';
    if (/qixin/i.test(t)) return '启信宝';
  }
  return null;
}

const REPORTED_ON = /(导出时间|导出日期|报告日期|生成时间|数据更新时间)[:：]?\s*([0-9年月日/\-.\s:]+)/;

/** Reads a workbook's sheets as a credit-data export. `fileName` helps tell the source. */
export function readCreditReport(sheets: readonly SheetRows[], fileName: string, baseCurrency = 'CNY'): CreditReport {
  const problems: ReportProblem[] = [];
  const events: ReportEvent[] = [];
  const notes: string[] = [fileName];
  let reportedOn: string | null = null;
  let registration: RegistrationFacts = {
    creditCode: null,
    name: null,
    legalRepresentative: null,
    foundedOn: null,
    capitalMinor: null,
    capitalCurrency: null,
    status: null,
    statusText: null,
  };
  let shareholders = 0;
  let rowsRead = 0;
  let known = 0;
  for (const sheet of sheets) {
    // Title and notes: the rows before the first row with more than one cell.
    for (const row of sheet.rows.slice(0, 6)) {
      // A merged title repeats its text in every cell of the merge: one distinct text is a note.
      const filled = [...new Set(row.map(cellText).filter((t) => t !== ''))];
      if (filled.length === 1 && filled[0]) {
        notes.push(filled[0]);
        const m = REPORTED_ON.exec(filled[0]);
        const on = m?.[2] ? cellDate(m[2].trim().split(/\s+/)[0] ?? '') : null;
        if (on && reportedOn === null) reportedOn = on;
      }
    }
    const section = SECTIONS.find(([re]) => re.test(sheet.name))?.[1];
    if (!section) continue;
    known++;
    if (section.kind === 'registration') registration = readRegistration(sheet, baseCurrency, problems);
    else if (section.kind === 'shareholders') {
      const h = findHeader(sheet.rows, { name: ['股东名称', '股东', '发起人'], share: ['持股比例', '认缴出资额'] }, 1);
      if (h) shareholders = dataRows(sheet.rows, h.index).length;
    } else rowsRead += readEvents(sheet, section, baseCurrency, events, problems);
  }
  if (known === 0) problems.push({ sheet: null, row: null, field: null, value: null, code: 'EXT_NO_SECTIONS' });
  return {
    source: sourceOf(notes),
    reportedOn,
    registration,
    shareholders,
    events,
    rowsRead,
    problems,
  };
}

/** Rows after the header that hold data: two filled cells or more (a one-cell row is a note). */
function dataRows(rows: readonly (readonly CellValue[])[], header: number): { row: readonly CellValue[]; n: number }[] {
  const out: { row: readonly CellValue[]; n: number }[] = [];
  for (let r = header + 1; r < rows.length; r++) {
    const row = rows[r] ?? [];
    if (row.filter((c) => cellText(c) !== '').length >= 2) out.push({ row, n: r + 1 });
  }
  return out;
}

function readRegistration(sheet: SheetRows, baseCurrency: string, problems: ReportProblem[]): RegistrationFacts {
  const found = new Map<string, { value: CellValue; row: number; label: string }>();
  const labels = Object.entries(REGISTRATION_LABELS) as [keyof typeof REGISTRATION_LABELS, readonly string[]][];
  const header = findHeader(sheet.rows, REGISTRATION_LABELS, 3);
  if (header) {
    // A table: the headers in a row, the values in the next.
    const row = sheet.rows[header.index + 1] ?? [];
    for (const [key, col] of header.columns)
      found.set(key, {
        value: row[col] ?? null,
        row: header.index + 2,
        label: cellText(sheet.rows[header.index]?.[col]),
      });
  } else {
    // Label and value pairs side by side, as the services lay out 基本信息.
    sheet.rows.forEach((row, r) => {
      row.forEach((cell, c) => {
        const text = cellText(cell).replace(/[:：]$/, '');
        for (const [key, names] of labels) {
          if (found.has(key) || !names.includes(text)) continue;
          const value = row.slice(c + 1).find((v) => cellText(v) !== '') ?? null;
          found.set(key, { value, row: r + 1, label: text });
        }
      });
    });
  }
  const text = (key: string) => {
    const t = cellText(found.get(key)?.value ?? null);
    return t === '' || t === '-' ? null : t;
  };
  const bad = (key: string, code: string) => {
    const f = found.get(key);
    problems.push({
      sheet: sheet.name,
      row: f?.row ?? null,
      field: f?.label ?? key,
      value: clip(cellText(f?.value ?? null)),
      code,
    });
  };
  const founded = cellDate(found.get('foundedOn')?.value ?? null);
  if (founded === undefined) bad('foundedOn', 'EXT_BAD_DATE');
  const capital = cellAmount(found.get('capital')?.value ?? null, baseCurrency);
  if (capital === undefined) bad('capital', 'EXT_BAD_AMOUNT');
  const written = text('creditCode');
  const checked = written === null ? null : validateCreditCode(written);
  if (checked && !checked.ok) bad('creditCode', 'EXT_BAD_CREDIT_CODE');
  const code = checked?.ok ? checked.value : null;
  const statusText = text('status');
  return {
    creditCode: code,
    name: text('name'),
    legalRepresentative: text('legalRepresentative'),
    foundedOn: founded ?? null,
    capitalMinor: capital?.minor ?? null,
    capitalCurrency: capital?.currency ?? null,
    status: statusText === null ? null : statusOf(statusText),
    statusText,
  };
}

function readEvents(
  sheet: SheetRows,
  section: Extract<Section, { kind: 'events' }>,
  baseCurrency: string,
  events: ReportEvent[],
  problems: ReportProblem[],
): number {
  const dateNames = DATE_ORDER[section.type] ?? EVENT_COLUMNS.date;
  const header = findHeader(sheet.rows, { ...EVENT_COLUMNS, date: dateNames }, 2);
  if (!header?.columns.has('date')) {
    problems.push({ sheet: sheet.name, row: null, field: dateNames[0] ?? null, value: null, code: 'EXT_NO_HEADER' });
    return 0;
  }
  // The preferred date column present in the header row.
  const headRow = sheet.rows[header.index] ?? [];
  const heads = headRow.map((c) => cellText(c));
  const dateCol = dateNames.map((n) => heads.indexOf(n)).find((i) => i >= 0) ?? (header.columns.get('date') as number);
  const col = (key: string) => header.columns.get(key);
  const at = (row: readonly CellValue[], key: string) => {
    const c = col(key);
    return c === undefined ? null : (row[c] ?? null);
  };
  let read = 0;
  for (const { row, n } of dataRows(sheet.rows, header.index)) {
    read++;
    const role = cellText(at(row, 'role'));
    // The company as plaintiff or applicant is no risk of its own.
    if (section.lawsuits && /原告|申请人|上诉人|申请执行人/.test(role) && !/被告|被申请人|被上诉人/.test(role))
      continue;
    const problem = (key: string, code: string, c: number | undefined) =>
      problems.push({
        sheet: sheet.name,
        row: n,
        field: c === undefined ? key : heads[c] || key,
        value: clip(cellText(c === undefined ? null : (row[c] ?? null))),
        code,
      });
    const on = cellDate(row[dateCol] ?? null);
    if (on === undefined) {
      problem('date', 'EXT_BAD_DATE', dateCol);
      continue;
    }
    if (on === null) {
      problem('date', 'EXT_MISSING_DATE', dateCol);
      continue;
    }
    const amount = cellAmount(at(row, 'amount'), baseCurrency);
    if (amount === undefined) {
      problem('amount', 'EXT_BAD_AMOUNT', col('amount'));
      continue;
    }
    const resolved = cellDate(at(row, 'resolved'));
    if (resolved === undefined) {
      problem('resolved', 'EXT_BAD_DATE', col('resolved'));
      continue;
    }
    const parts = [cellText(at(row, 'description')), cellText(at(row, 'court'))].filter((t) => t !== '' && t !== '-');
    events.push({
      type: section.type,
      occurredOn: on,
      reference: cellText(at(row, 'reference')).replace(/^-$/, ''),
      amountMinor: amount?.minor ?? null,
      currency: amount?.currency ?? null,
      description: parts.length > 0 ? parts.join(' · ') : null,
      resolvedOn: resolved ?? null,
      sheet: sheet.name,
      row: n,
    });
  }
  return read;
}
