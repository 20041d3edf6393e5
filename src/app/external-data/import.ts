import { basename, extname } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { coreName } from '../../core/cash-application/names.js';
import type { Db } from '../../db/connection.js';
import {
  type CustomerKey,
  insertLegalEvent,
  listCustomerKeys,
  listLegalEvents,
  listRatings,
  listRegistrations,
  type StoredLegalEvent,
  type StoredRating,
  type StoredRegistration,
  saveRating,
  saveRegistration,
  updateLegalEvent,
} from '../../db/stores/external-data.js';
import { withTransaction } from '../../db/transaction.js';
import { type Locale, translate } from '../../i18n/index.js';
import { readBureauFile } from '../../import/external/bureau.js';
import { type ReportProblem, readCreditReport } from '../../import/external/credit-report.js';
import type { CellValue, SheetRows } from '../../import/external/values.js';
import { newId } from '../../import/ids.js';

/** One thing wrong with an external-data file, located by file, sheet, row and field, in words. */
export interface ExternalProblem extends ReportProblem {
  readonly file: string;
  readonly message: string;
}

export interface ExternalImportReport {
  readonly kind: 'credit-report' | 'bureau';
  readonly file: string;
  /** 企查查 / 天眼查 / 启信宝, or creditsafe / dnb. */
  readonly source: string | null;
  /** The customer of a credit report (code and name); null for bureau files (many customers). */
  readonly customer: { readonly id: string; readonly code: string; readonly name: string } | null;
  readonly rowsRead: number;
  readonly inserted: number;
  readonly updated: number;
  readonly unchanged: number;
  readonly problems: readonly ExternalProblem[];
  readonly committed: boolean;
}

export interface ExternalImportParams {
  readonly orgId: string;
  readonly fileName: string;
  readonly data: Buffer;
  /** The day of the import: the report date of registration facts when the export gives none. */
  readonly today: string;
  readonly dryRun?: boolean;
  /** The credit-data service when the file does not say (企查查, 天眼查, 启信宝). */
  readonly source?: string;
  readonly locale: Locale;
}

/** Reads every sheet of an XLSX workbook, or a CSV file as one sheet, into rows of cells. */
export async function readSheets(fileName: string, data: Buffer): Promise<SheetRows[]> {
  if (extname(fileName).toLowerCase() === '.csv') {
    const text = data.toString('utf8').replace(/^\uFEFF/, '');
    const rows = parseCsv(text, { relax_column_count: true, skip_empty_lines: false }) as string[][];
    return [{ name: basename(fileName), rows }];
  }
  const { Workbook } = (await import('exceljs')).default;
  const wb = new Workbook();
  await wb.xlsx.load(data as unknown as ArrayBuffer);
  const sheets: SheetRows[] = [];
  wb.eachSheet((ws) => {
    const rows: CellValue[][] = [];
    for (let r = 1; r <= ws.rowCount; r++) {
      const row = ws.getRow(r);
      const cells: CellValue[] = [];
      for (let c = 1; c <= Math.max(row.cellCount, ws.columnCount); c++) cells.push(cellValue(row.getCell(c).value));
      rows.push(cells);
    }
    sheets.push({ name: ws.name, rows });
  });
  return sheets;
}

function cellValue(v: unknown): CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' || v instanceof Date) return v;
  if (typeof v === 'object') {
    const o = v as { richText?: { text: string }[]; result?: unknown; text?: unknown };
    if (Array.isArray(o.richText)) return o.richText.map((t) => t.text).join('');
    if ('result' in o) return cellValue(o.result);
    if (typeof o.text === 'string') return o.text;
  }
  return String(v);
}

function located(file: string, p: ReportProblem, locale: Locale): ExternalProblem {
  const where =
    p.row !== null
      ? translate('EXT_WHERE', { file, sheet: p.sheet ?? '—', row: p.row, field: p.field ?? '—' }, locale)
      : p.sheet !== null
        ? translate('EXT_WHERE_SHEET', { file, sheet: p.sheet }, locale)
        : file;
  const text = translate(p.code, { value: p.value ?? '', field: p.field ?? '' }, locale);
  return { ...p, file, message: `${where}${locale === 'zh-CN' ? '：' : ': '}${text}` };
}

/** The customer with this credit code, else the one whose name reads the same (coreName). */
export function matchCustomer(
  customers: readonly CustomerKey[],
  creditCode: string | null,
  name: string | null,
): { customer: CustomerKey } | { problem: 'EXT_CUSTOMER_NOT_FOUND' | 'EXT_CUSTOMER_AMBIGUOUS' } {
  const code = creditCode?.trim().toUpperCase().replace(/[\s-]/g, '') ?? '';
  if (code !== '') {
    const byCode = customers.find((c) => (c.registrationNo ?? '').trim().toUpperCase().replace(/[\s-]/g, '') === code);
    if (byCode) return { customer: byCode };
  }
  if (name !== null && name.trim() !== '') {
    const core = coreName(name);
    const byName = customers.filter((c) => coreName(c.name) === core);
    if (byName.length === 1 && byName[0]) return { customer: byName[0] };
    if (byName.length > 1) return { problem: 'EXT_CUSTOMER_AMBIGUOUS' };
  }
  return { problem: 'EXT_CUSTOMER_NOT_FOUND' };
}

const eventKey = (e: { type: string; occurredOn: string; reference: string }) =>
  `${e.type}\u0001${e.occurredOn}\u0001${e.reference}`;

/**
 * `cashguard import credit-report`: a 企查查 / 天眼查 / 启信宝 export for one customer. Events land in
 * legal_events (keyed on customer, type, date and case number, so a re-import changes nothing),
 * registration facts in external_registrations. Any problem: nothing is written. One transaction.
 */
export async function importCreditReport(db: Db, params: ExternalImportParams): Promise<ExternalImportReport> {
  const file = params.fileName;
  const sheets = await readSheets(file, params.data);
  const report = readCreditReport(sheets, basename(file));
  const problems: ReportProblem[] = [...report.problems];
  const source = report.source ?? params.source ?? null;
  if (source === null) problems.push({ sheet: null, row: null, field: null, value: null, code: 'EXT_NO_SOURCE' });
  const customers = await listCustomerKeys(db, params.orgId);
  const reg = report.registration;
  const match = matchCustomer(customers, reg.creditCode, reg.name);
  if ('problem' in match)
    problems.push({
      sheet: null,
      row: null,
      field: '统一社会信用代码',
      value: reg.creditCode ?? reg.name ?? '',
      code: match.problem,
    });
  const base = { kind: 'credit-report' as const, file, source, rowsRead: report.rowsRead };
  if (problems.length > 0 || 'problem' in match || source === null)
    return {
      ...base,
      customer: null,
      inserted: 0,
      updated: 0,
      unchanged: 0,
      problems: problems.map((p) => located(file, p, params.locale)),
      committed: false,
    };
  const customer = match.customer;
  const run = async (tx: Db) => {
    let inserted = 0;
    let updated = 0;
    let unchanged = 0;
    const known = new Map((await listLegalEvents(tx, params.orgId, customer.id)).map((e) => [eventKey(e), e]));
    const seen = new Set<string>();
    for (const e of report.events) {
      const key = eventKey(e);
      // The same case in two sheets (裁判文书 and 开庭公告) is one event.
      if (seen.has(key)) continue;
      seen.add(key);
      const stored = known.get(key);
      const next: StoredLegalEvent = {
        id: stored?.id ?? newId(),
        customerId: customer.id,
        type: e.type,
        occurredOn: e.occurredOn,
        reference: e.reference,
        amountMinor: e.amountMinor,
        currency: e.currency,
        source,
        description: e.description,
        resolvedOn: e.resolvedOn,
      };
      if (!stored) {
        inserted++;
        if (!params.dryRun) await insertLegalEvent(tx, params.orgId, next);
      } else if (
        stored.amountMinor !== next.amountMinor ||
        stored.currency !== next.currency ||
        stored.source !== next.source ||
        stored.description !== next.description ||
        stored.resolvedOn !== next.resolvedOn
      ) {
        updated++;
        if (!params.dryRun) await updateLegalEvent(tx, params.orgId, next);
      } else unchanged++;
    }
    const facts = {
      customer_id: customer.id,
      source,
      reported_on: report.reportedOn ?? params.today,
      credit_code: reg.creditCode,
      name: reg.name,
      legal_representative: reg.legalRepresentative,
      founded_on: reg.foundedOn,
      capital_minor: reg.capitalMinor,
      capital_currency: reg.capitalCurrency,
      status: reg.status,
      status_text: reg.statusText,
      shareholders: report.shareholders,
    };
    const hasFacts = reg.creditCode !== null || reg.name !== null || reg.status !== null;
    if (hasFacts) {
      const before = (await listRegistrations(tx, params.orgId, customer.id)).find(
        (r) => r.source === facts.source && r.reported_on === facts.reported_on,
      );
      if (!before) inserted++;
      else if (JSON.stringify(before) !== JSON.stringify(facts)) updated++;
      else unchanged++;
      if (!params.dryRun && JSON.stringify(before) !== JSON.stringify(facts))
        await saveRegistration(tx, params.orgId, facts);
    }
    return { inserted, updated, unchanged };
  };
  const counts = params.dryRun ? await run(db) : await withTransaction(db, run);
  return {
    ...base,
    customer: { id: customer.id, code: customer.code, name: customer.name },
    ...counts,
    problems: [],
    committed: !params.dryRun,
  };
}

/**
 * `cashguard import bureau`: a Creditsafe or D&B file (CSV or XLSX), one company a row, matched to
 * customers by company number / DUNS (the customer's registration number) and then by name.
 * Ratings land in external_ratings (keyed on customer, agency and date). Any problem: nothing is
 * written. One transaction.
 */
export async function importBureauFile(db: Db, params: ExternalImportParams): Promise<ExternalImportReport> {
  const file = params.fileName;
  const sheets = await readSheets(file, params.data);
  const read = readBureauFile(sheets);
  const problems: ReportProblem[] = [...read.problems];
  const customers = await listCustomerKeys(db, params.orgId);
  const planned: { customerId: string; agency: string; ratedOn: string; value: string }[] = [];
  for (const row of read.rows) {
    const match = matchCustomer(customers, row.companyId, row.name);
    if ('problem' in match) {
      problems.push({
        sheet: sheets[0]?.name ?? null,
        row: row.row,
        field: read.bureau === 'dnb' ? 'DUNS' : 'Company Number',
        value: row.companyId ?? row.name ?? '',
        code: match.problem,
      });
      continue;
    }
    for (const r of row.ratings)
      planned.push({ customerId: match.customer.id, agency: r.agency, ratedOn: row.ratedOn, value: r.value });
  }
  const base = { kind: 'bureau' as const, file, source: read.bureau, customer: null, rowsRead: read.rows.length };
  if (problems.length > 0)
    return {
      ...base,
      inserted: 0,
      updated: 0,
      unchanged: 0,
      problems: problems.map((p) => located(file, p, params.locale)),
      committed: false,
    };
  const run = async (tx: Db) => {
    const known = new Map(
      (await listRatings(tx, params.orgId)).map((r) => [`${r.customerId}\u0001${r.agency}\u0001${r.ratedOn}`, r.value]),
    );
    let inserted = 0;
    let updated = 0;
    let unchanged = 0;
    for (const p of planned) {
      const key = `${p.customerId}\u0001${p.agency}\u0001${p.ratedOn}`;
      const before = known.get(key);
      known.set(key, p.value);
      if (before === p.value) {
        unchanged++;
        continue;
      }
      if (before === undefined) inserted++;
      else updated++;
      if (!params.dryRun) await saveRating(tx, params.orgId, p);
    }
    return { inserted, updated, unchanged };
  };
  const counts = params.dryRun ? await run(db) : await withTransaction(db, run);
  return { ...base, ...counts, problems: [], committed: !params.dryRun };
}

export interface CustomerExternalData {
  readonly customer: { readonly id: string; readonly code: string; readonly name: string };
  /** Registration facts per source and report date, newest first. */
  readonly registrations: readonly StoredRegistration[];
  /** Legal events, newest first, each with its date and source. */
  readonly events: readonly StoredLegalEvent[];
  /** Ratings history, newest first. */
  readonly ratings: readonly StoredRating[];
}

/** A customer's external data (by id or code): registration, legal events and ratings history. */
export async function customerExternalData(
  db: Db,
  params: { orgId: string; customer: string },
): Promise<CustomerExternalData | null> {
  const customers = await listCustomerKeys(db, params.orgId);
  const c = customers.find((x) => x.id === params.customer) ?? customers.find((x) => x.code === params.customer);
  if (!c) return null;
  const [registrations, events, ratings] = await Promise.all([
    listRegistrations(db, params.orgId, c.id),
    listLegalEvents(db, params.orgId, c.id),
    listRatings(db, params.orgId, c.id),
  ]);
  return { customer: { id: c.id, code: c.code, name: c.name }, registrations, events, ratings };
}
