import { BankFileError, type ParsedStatement, type StatementLine } from './types.js';
import { bankAmountMinor, bankDate, cleanText } from './values.js';

/** One row of a sheet or CSV: its 1-based row number in the file and its cells as text. */
export interface SheetRow {
  readonly row: number;
  readonly cells: readonly string[];
}

type Column =
  | 'date'
  | 'valueDate'
  | 'debit'
  | 'credit'
  | 'amount'
  | 'direction'
  | 'balance'
  | 'name'
  | 'account'
  | 'summary'
  | 'note'
  | 'reference'
  | 'currency';

/**
 * Header words of Chinese online-banking exports (DOMAIN 7.2: 招行's 记账日期/交易金额/联机余额/
 * 对手信息/交易摘要/货币, the generic 记账日期/摘要/收入金额/支出金额/期末余额/对方单位名称, and the
 * 借方/贷方 layouts of 工行, 建行, 农行 and 中行). The first words listed win over later ones.
 */
const HEADERS: ReadonlyArray<readonly [Column, readonly string[]]> = [
  ['date', ['记账日期', '交易日期', '到账日期', '入账日期', '交易时间', '记账时间', '日期']],
  ['valueDate', ['起息日', '起息日期']],
  ['debit', ['借方发生额', '借方金额', '支出金额', '付款金额', '支出', '借方', '借']],
  ['credit', ['贷方发生额', '贷方金额', '收入金额', '收款金额', '收入', '贷方', '贷']],
  ['amount', ['交易金额', '发生额', '金额']],
  ['direction', ['借贷标志', '借贷方向', '收支方向', '借贷', '收支']],
  ['balance', ['联机余额', '账户余额', '期末余额', '余额']],
  [
    'name',
    ['对方户名', '对方单位名称', '对方账户名称', '对方名称', '对手信息', '对方单位', '收/付方名称', '收付方名称'],
  ],
  ['account', ['对方账号', '对方账户', '收/付方账号', '收付方账号', '对方卡号']],
  ['summary', ['摘要', '交易摘要', '交易类型', '用途']],
  ['note', ['附言', '交易附言', '备注', '摘要附言']],
  ['reference', ['交易流水号', '流水号', '业务流水号', '交易序号', '凭证号', '交易参考号']],
  ['currency', ['币种', '货币', '币别']],
];

const norm = (s: string) =>
  s
    .replace(/[\s\u3000:：*]/g, '')
    .replace(/（/g, '(')
    .replace(/）/g, ')')
    .replace(/\(.*\)$/, '');

/** The columns a row names, when it reads as the header row: a date and an amount (one or two columns). */
function headerOf(cells: readonly string[]): Map<Column, number> | null {
  const found = new Map<Column, number>();
  cells.forEach((cell, i) => {
    const c = norm(cell);
    if (c === '') return;
    for (const [col, words] of HEADERS) {
      if (!found.has(col) && words.includes(c)) {
        found.set(col, i);
        return;
      }
    }
  });
  const hasAmount = found.has('amount') || (found.has('debit') && found.has('credit'));
  return found.has('date') && hasAmount ? found : null;
}

const CURRENCY_WORDS = new Map([
  ['人民币', 'CNY'],
  ['RMB', 'CNY'],
  ['CNY', 'CNY'],
  ['美元', 'USD'],
  ['USD', 'USD'],
  ['欧元', 'EUR'],
  ['港币', 'HKD'],
  ['港元', 'HKD'],
  ['日元', 'JPY'],
  ['英镑', 'GBP'],
]);
const currencyOf = (text: string): string | null => {
  const t = text.trim().toUpperCase();
  for (const [word, code] of CURRENCY_WORDS) if (t.startsWith(word.toUpperCase())) return code;
  return /^[A-Z]{3}$/.test(t) ? t : null;
};

/** `账号：6222…`, `户名: 某某公司`, `币种：人民币` in the title block, also several in one cell or row. */
function readTitle(rows: readonly SheetRow[]): {
  account: string | null;
  name: string | null;
  currency: string | null;
  bank: string | null;
} {
  const text = rows.flatMap((r) => r.cells).join('\t');
  const pick = (labels: string, value: string) =>
    new RegExp(`(?:${labels})\\s*[:：]?\\s*[\\t ]*(${value})`).exec(text)?.[1] ?? null;
  return {
    account: pick('账\\s*号|账户号码|帐\\s*号|账户', '[0-9][0-9 \\-]{5,}[0-9]')?.replace(/[\s-]/g, '') ?? null,
    name: cleanText(pick('户\\s*名|账户名称|单位名称', '[^\\t,，]+')),
    currency: currencyOf(pick('币\\s*种|货\\s*币', '[^\\t ,，]+') ?? ''),
    bank: cleanText(pick('开户行|开户银行|开户机构', '[^\\t,，]+')),
  };
}

function amountCell(text: string | undefined, currency: string, where: { line: number; field: string }): number | null {
  const t = (text ?? '').replace(/[,，\s¥￥元]/g, '').replace(/^RMB/i, '');
  if (t === '' || t === '-' || t === '--' || t === '—') return null;
  return bankAmountMinor(t, currency, where);
}

function dateCell(text: string, line: number): string {
  const t = text.trim();
  const m = /^(\d{4})[-/.年]?(\d{1,2})[-/.月]?(\d{1,2})/.exec(t);
  if (!m || (!/[-/.年]/.test(t) && !/^\d{8}/.test(t)))
    throw new BankFileError('BANK_BAD_DATE', { line, field: '日期', value: t });
  return bankDate(Number(m[1]), Number(m[2]), Number(m[3]), { line, field: '日期', value: t });
}

/** True when some row of the first twenty reads as a bank-export header row. */
export function looksLikeCnBank(rows: readonly SheetRow[]): boolean {
  return rows.slice(0, 20).some((r) => headerOf(r.cells) !== null);
}

/**
 * Reads a Chinese online-banking export (CSV or sheet rows): the title block above the header
 * (账号, 户名, 币种, 开户行), the header row found by its words, data rows until a summary row
 * (合计, 总计, 借方发生额合计 …) or the end. Debit and credit columns, or one signed amount with an
 * optional 借/贷 direction column. With a balance column, the opening balance is the first
 * row's balance before its movement and the closing the last row's; rows listed newest first are
 * put in date order.
 *
 * @example
 * parseCnBankRows([{ row: 1, cells: ['账号：6222020200001234567'] }, { row: 2, cells: ['交易日期', '摘要', '借方发生额', '贷方发生额', '余额', '对方户名'] }, …])
 */
export function parseCnBankRows(rows: readonly SheetRow[]): ParsedStatement[] {
  const at = rows.findIndex((r) => headerOf(r.cells) !== null);
  if (at < 0) throw new BankFileError('BANK_UNKNOWN_FORMAT', { field: '表头' });
  const header = headerOf((rows[at] as SheetRow).cells) as Map<Column, number>;
  const title = readTitle(rows.slice(0, at));
  const cell = (r: SheetRow, c: Column) => {
    const i = header.get(c);
    return i === undefined ? '' : (r.cells[i] ?? '').trim();
  };
  const data: SheetRow[] = [];
  for (const r of rows.slice(at + 1)) {
    const joined = r.cells.join('');
    if (/合\s*计|总\s*计|小\s*计|发生额合计|笔数/.test(joined)) break;
    if (r.cells.every((c) => c.trim() === '')) continue;
    if (cell(r, 'date') === '' && joined.trim() !== '') {
      // A row without a date below the data is a note or a signature line: the data has ended.
      if (data.length > 0) break;
      continue;
    }
    data.push(r);
  }
  const currency = title.currency ?? (data[0] ? currencyOf(cell(data[0], 'currency')) : null) ?? 'CNY';
  const lines = data.map((r): StatementLine & { balance: number | null } => {
    const line = r.row;
    let amount: number;
    if (header.has('debit') && header.has('credit')) {
      const out = amountCell(cell(r, 'debit'), currency, { line, field: '借方' }) ?? 0;
      const inn = amountCell(cell(r, 'credit'), currency, { line, field: '贷方' }) ?? 0;
      amount = inn - Math.abs(out);
    } else {
      amount = amountCell(cell(r, 'amount'), currency, { line, field: '金额' }) ?? 0;
      const dir = cell(r, 'direction');
      if (/借|支|出|D/i.test(dir) && amount > 0) amount = -amount;
    }
    const summary = cell(r, 'summary');
    const note = cell(r, 'note');
    const ref = cleanText(cell(r, 'reference'));
    return {
      sourceLine: line,
      bookedOn: dateCell(cell(r, 'date'), line),
      valueOn: cell(r, 'valueDate') ? dateCell(cell(r, 'valueDate'), line) : null,
      amountMinor: amount,
      currency,
      counterpartyName: cleanText(cell(r, 'name')),
      counterpartyAccount: cleanText(cell(r, 'account').replace(/\s/g, '')),
      references: [],
      remittance: [summary, note].filter((t) => t !== '').join(' '),
      bankReference: ref,
      typeCode: cleanText(summary),
      balance: header.has('balance') ? amountCell(cell(r, 'balance'), currency, { line, field: '余额' }) : null,
    };
  });
  const first = lines[0];
  const last = lines.at(-1);
  if (first && last && first.bookedOn !== null && last.bookedOn !== null && first.bookedOn > last.bookedOn)
    lines.reverse();
  const head = lines[0];
  const tail = lines.at(-1);
  const opening =
    head && head.balance !== null
      ? { on: head.bookedOn, amountMinor: head.balance - head.amountMinor, currency }
      : null;
  const closing = tail && tail.balance !== null ? { on: tail.bookedOn, amountMinor: tail.balance, currency } : null;
  const statementLines: StatementLine[] = lines.map(({ balance, ...l }) =>
    balance === null ? l : { ...l, balanceAfterMinor: balance },
  );
  return [
    {
      format: 'cn-bank',
      sourceLine: (rows[at] as SheetRow).row,
      statementId: null,
      account: { number: title.account ?? '', currency, name: title.name, bankName: title.bank },
      currency,
      periodFrom: head?.bookedOn ?? null,
      periodTo: tail?.bookedOn ?? null,
      opening,
      closing,
      lines: statementLines,
    },
  ];
}
