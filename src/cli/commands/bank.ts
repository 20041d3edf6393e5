import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { importBankStatement, type StatementImportReport } from '../../app/bank/index.js';
import { importEInvoices } from '../../app/einvoice/import-einvoice.js';
import { formatMinor } from '../../core/money/index.js';
import { DomainFailure } from '../../core/shared/index.js';
import { type Locale, translate } from '../../i18n/index.js';
import { type GlobalOptions, localeOf, requireOrganisation, withDb } from '../context.js';

/** The report in words: one line per statement, then the balance findings, then the count. */
export function formatStatementReport(r: StatementImportReport, locale: Locale): string {
  const lines = r.statements.map((s) =>
    translate(
      'BANK_CLI_STATEMENT',
      {
        account: s.account,
        currency: s.currency,
        period: [s.periodFrom, s.periodTo].filter((d) => d).join('…'),
        lines: s.lines,
        newLines: s.newLines,
        opening: s.opening ?? '—',
        closing: s.closing ?? '—',
        again: s.isNew ? '' : translate('BANK_CLI_AGAIN', {}, locale),
      },
      locale,
    ),
  );
  for (const w of r.warnings) lines.push(translate(w.code, { ...w }, locale));
  lines.push(
    translate(r.dryRun ? 'BANK_CLI_DRY_RUN' : 'BANK_CLI_DONE', { file: r.file, count: r.statements.length }, locale),
  );
  return lines.join('\n');
}

/** `cashguard import bank-statement FILE [--account ID] [--dry-run] [--json]`. */
export async function runBankStatementImport(
  file: string,
  o: { account?: string; dryRun?: boolean; json?: boolean },
  opts: GlobalOptions,
): Promise<void> {
  let data: Buffer;
  try {
    data = await readFile(file);
  } catch {
    throw new DomainFailure({ code: 'FILE_NOT_FOUND', details: { file } });
  }
  await withDb(opts, async (db) => {
    const org = await requireOrganisation(db, opts);
    const report = await importBankStatement(db, {
      orgId: org.id,
      data,
      fileName: basename(file),
      dryRun: o.dryRun === true,
      ...(o.account !== undefined ? { account: o.account } : {}),
    });
    process.stdout.write(
      `${o.json ? JSON.stringify(report, null, 2) : formatStatementReport(report, localeOf(opts))}\n`,
    );
  });
}

/** `cashguard import einvoice FILE|DIR [--dry-run] [--json]`: 数电票 XML as invoices, bills or credit notes. */
export async function runEInvoiceImport(
  path: string,
  o: { dryRun?: boolean; json?: boolean },
  opts: GlobalOptions,
): Promise<void> {
  await withDb(opts, async (db) => {
    const org = await requireOrganisation(db, opts);
    const outcomes = await importEInvoices(db, { orgId: org.id, path, dryRun: o.dryRun === true });
    const locale = localeOf(opts);
    const lines = outcomes.map((x) =>
      translate(
        'EINVOICE_CLI_LINE',
        {
          ...x,
          kind: translate(`EINVOICE_KIND_${x.kind.replace('-', '_').toUpperCase()}`, {}, locale),
          total: formatMinor(x.totalMinor, 'CNY'),
          again: x.isNew ? '' : translate('BANK_CLI_AGAIN', {}, locale),
        },
        locale,
      ),
    );
    lines.push(
      translate('EINVOICE_CLI_DONE', { count: outcomes.length, added: outcomes.filter((x) => x.isNew).length }, locale),
    );
    process.stdout.write(`${o.json ? JSON.stringify(outcomes, null, 2) : lines.join('\n')}\n`);
  });
}
