import { existsSync, readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { systemClock } from '../../app/clock.js';
import { type ExternalImportReport, importBureauFile, importCreditReport } from '../../app/external-data/import.js';
import { DomainFailure } from '../../core/shared/index.js';
import { type Locale, translate } from '../../i18n/index.js';
import { type GlobalOptions, localeOf, requireOrganisation, withDb } from '../context.js';
import { exitCodeFor } from '../exit-codes.js';

/** The report of an external-data import: one line per problem, then the counts. */
export function formatExternalReport(r: ExternalImportReport, locale: Locale, dryRun: boolean): string {
  const lines = r.problems.map((p) => p.message);
  const data = {
    file: basename(r.file),
    source: r.source ?? '—',
    customer: r.customer ? `${r.customer.code} ${r.customer.name}` : '—',
    rows: r.rowsRead,
    inserted: r.inserted,
    updated: r.updated,
    unchanged: r.unchanged,
    problems: r.problems.length,
  };
  const code =
    r.problems.length > 0
      ? 'EXT_IMPORT_REJECTED'
      : dryRun
        ? 'EXT_IMPORT_DRY_RUN'
        : r.kind === 'bureau'
          ? 'EXT_BUREAU_DONE'
          : 'EXT_IMPORT_DONE';
  lines.push(translate(code, data, locale));
  return lines.join('\n');
}

/** `cashguard import credit-report FILE` and `cashguard import bureau FILE`. */
export async function runExternalImport(
  kind: 'credit-report' | 'bureau',
  file: string,
  o: { dryRun?: boolean; json?: boolean; source?: string },
  opts: GlobalOptions,
): Promise<void> {
  if (!existsSync(file)) throw new DomainFailure({ code: 'FILE_NOT_FOUND', details: { file } });
  const locale = localeOf(opts);
  await withDb(opts, async (db) => {
    const org = await requireOrganisation(db, opts);
    const params = {
      orgId: org.id,
      fileName: basename(file),
      data: readFileSync(file),
      today: systemClock.today(),
      dryRun: o.dryRun === true,
      locale,
      ...(o.source ? { source: o.source } : {}),
    };
    const report = kind === 'bureau' ? await importBureauFile(db, params) : await importCreditReport(db, params);
    process.stdout.write(
      `${o.json ? JSON.stringify(report, null, 2) : formatExternalReport(report, locale, o.dryRun === true)}\n`,
    );
    if (report.problems.length > 0) process.exitCode = exitCodeFor('IMPORT_REJECTED');
  });
}
