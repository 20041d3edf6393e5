import type { RatingAgency } from '../../core/model/index.js';
import { clip } from '../text.js';
import type { ReportProblem } from './credit-report.js';
import { type CellValue, cellDate, cellText, findHeader, type SheetRows } from './values.js';

/**
 * Reads a bureau file (Creditsafe or D&B, CSV or XLSX, English headers) into ratings per company:
 * Creditsafe's 0–100 score; D&B PAYDEX and failure score (UK/EU 1–100, or the US 1,001–1,875 raw
 * score with its class). Pure (docs/adr/0029).
 */

export type Bureau = 'creditsafe' | 'dnb';

export interface BureauRating {
  readonly agency: RatingAgency;
  readonly value: string;
}

export interface BureauRow {
  readonly row: number;
  /** Company number (Creditsafe) or DUNS (D&B), as written. */
  readonly companyId: string | null;
  readonly name: string | null;
  readonly ratedOn: string;
  readonly ratings: readonly BureauRating[];
  /** Creditsafe international score A–E and credit limit, kept for the record. */
  readonly international: string | null;
  readonly limit: string | null;
}

export interface BureauFile {
  readonly bureau: Bureau | null;
  readonly rows: readonly BureauRow[];
  readonly problems: readonly ReportProblem[];
}

const COLUMNS = {
  duns: ['DUNS', 'DUNS Number', 'D-U-N-S', 'D-U-N-S Number'],
  companyNumber: ['Company Number', 'Registration Number', 'Company Registration Number', 'Safe Number', 'Connect Id'],
  name: ['Company Name', 'Business Name', 'Name'],
  score: ['Credit Score', 'Creditsafe Score', 'Score'],
  international: ['International Score', 'International Rating'],
  limit: ['Credit Limit', 'Recommended Limit'],
  currency: ['Currency'],
  paydex: ['PAYDEX', 'Paydex Score'],
  failure: ['Failure Score', 'Financial Stress Score', 'Failure Score Percentile'],
  failureClass: ['Failure Class', 'Financial Stress Class', 'Failure Score Class'],
  delinquency: ['Delinquency Score', 'Delinquency Predictor Score'],
  date: ['Date', 'Rating Date', 'Score Date', 'Report Date', 'As Of'],
} as const;

const whole = (t: string, lo: number, hi: number) => {
  const n = Number(t.replace(/,/g, ''));
  return t !== '' && Number.isInteger(n) && n >= lo && n <= hi ? n : null;
};

export function readBureauFile(sheets: readonly SheetRows[]): BureauFile {
  const problems: ReportProblem[] = [];
  const sheet = sheets[0];
  const header = sheet ? findHeader(sheet.rows, COLUMNS, 2) : null;
  if (!sheet || !header) {
    problems.push({ sheet: sheet?.name ?? null, row: null, field: null, value: null, code: 'EXT_NO_HEADER' });
    return { bureau: null, rows: [], problems };
  }
  const has = (k: keyof typeof COLUMNS) => header.columns.has(k);
  const bureau: Bureau | null =
    has('duns') || has('paydex') || has('failure') ? 'dnb' : has('score') ? 'creditsafe' : null;
  if (bureau === null) {
    problems.push({
      sheet: sheet.name,
      row: header.index + 1,
      field: 'Credit Score / PAYDEX',
      value: null,
      code: 'EXT_NO_BUREAU',
    });
    return { bureau, rows: [], problems };
  }
  if (!has('date')) {
    problems.push({ sheet: sheet.name, row: header.index + 1, field: 'Date', value: null, code: 'EXT_NO_HEADER' });
    return { bureau, rows: [], problems };
  }
  const heads = (sheet.rows[header.index] ?? []).map((c) => cellText(c));
  const rows: BureauRow[] = [];
  for (let r = header.index + 1; r < sheet.rows.length; r++) {
    const row = sheet.rows[r] ?? [];
    if (row.every((c) => cellText(c) === '')) continue;
    const n = r + 1;
    const get = (k: keyof typeof COLUMNS): CellValue => {
      const c = header.columns.get(k);
      return c === undefined ? null : (row[c] ?? null);
    };
    const problem = (k: keyof typeof COLUMNS, code: string) => {
      const c = header.columns.get(k);
      problems.push({
        sheet: sheet.name,
        row: n,
        field: c === undefined ? (COLUMNS[k][0] ?? k) : (heads[c] ?? k),
        value: clip(cellText(get(k))),
        code,
      });
    };
    const ratedOn = cellDate(get('date'));
    if (!ratedOn) {
      problem('date', ratedOn === null ? 'EXT_MISSING_DATE' : 'EXT_BAD_DATE');
      continue;
    }
    const ratings: BureauRating[] = [];
    let ok = true;
    if (bureau === 'creditsafe') {
      const s = whole(cellText(get('score')), 0, 100);
      if (s === null) {
        problem('score', 'EXT_BAD_SCORE');
        ok = false;
      } else ratings.push({ agency: 'creditsafe', value: String(s) });
    } else {
      const paydexText = cellText(get('paydex'));
      if (paydexText !== '') {
        const p = whole(paydexText, 0, 100);
        if (p === null) {
          problem('paydex', 'EXT_BAD_SCORE');
          ok = false;
        } else ratings.push({ agency: 'dnb_paydex', value: String(p) });
      }
      const failureText = cellText(get('failure'));
      const classText = cellText(get('failureClass'));
      if (failureText !== '') {
        const pct = whole(failureText, 1, 100);
        const raw = whole(failureText, 1001, 1875);
        const cls = whole(classText, 1, 5);
        if (pct !== null) ratings.push({ agency: 'dnb_failure', value: String(pct) });
        else if (raw !== null && cls !== null) ratings.push({ agency: 'dnb_failure', value: `class:${cls}` });
        else {
          problem(
            raw !== null ? 'failureClass' : 'failure',
            raw !== null ? 'EXT_NEEDS_FAILURE_CLASS' : 'EXT_BAD_SCORE',
          );
          ok = false;
        }
      } else if (classText !== '') {
        const cls = whole(classText, 1, 5);
        if (cls === null) {
          problem('failureClass', 'EXT_BAD_SCORE');
          ok = false;
        } else ratings.push({ agency: 'dnb_failure', value: `class:${cls}` });
      }
      if (ok && ratings.length === 0) {
        problem('paydex', 'EXT_NO_RATING');
        ok = false;
      }
    }
    if (!ok) continue;
    const companyId = cellText(get(bureau === 'dnb' ? 'duns' : 'companyNumber')).replace(/-/g, '') || null;
    const limit = cellText(get('limit'));
    const currency = cellText(get('currency'));
    rows.push({
      row: n,
      companyId,
      name: cellText(get('name')) || null,
      ratedOn,
      ratings,
      international: cellText(get('international')).toUpperCase() || null,
      limit: limit === '' ? null : `${limit}${currency === '' ? '' : ` ${currency.toUpperCase()}`}`,
    });
  }
  return { bureau, rows, problems };
}
