import { existsSync } from 'node:fs';
import type { Command } from 'commander';
import { alertsAfterImport } from '../../app/alerts/index.js';
import { systemClock } from '../../app/clock.js';
import {
  exportRows,
  IMPORT_KIND_NAMES,
  type ImportReport,
  importFile,
  isImportKind,
  readLimitsFrom,
} from '../../app/import/index.js';
import { DomainFailure } from '../../core/shared/index.js';
import { type Locale, translate } from '../../i18n/index.js';
import { action, globalOptions, localeOf, orThrow, requireOrganisation, withDb } from '../context.js';
import { exitCodeFor } from '../exit-codes.js';
import { createProgress } from '../progress.js';
import { runBankStatementImport, runEInvoiceImport } from './bank.js';
import { runExternalImport } from './external-data.js';

function requireKind(kind: string) {
  if (!isImportKind(kind)) {
    throw new DomainFailure({
      code: 'INVALID_ARGUMENT',
      details: { field: 'kind', value: kind, expected: IMPORT_KIND_NAMES.join(' | ') },
    });
  }
  return kind;
}

/** The import report: one line per problem, then the counts. */
export function formatImportReport(r: ImportReport, locale: Locale, dryRun: boolean): string {
  const lines = r.problems.map((p) => p.message);
  const counts = {
    file: r.file,
    rows: r.rowsRead,
    inserted: r.inserted,
    updated: r.updated,
    unchanged: r.unchanged,
    problems: r.problems.length,
  };
  const code = r.problems.length > 0 ? 'IMPORT_CLI_REJECTED' : dryRun ? 'IMPORT_CLI_DRY_RUN_OK' : 'IMPORT_CLI_DONE';
  lines.push(translate(code, counts, locale));
  return lines.join('\n');
}

export function addImportExportCommands(program: Command): void {
  program
    .command('import <kind> <file>')
    .description(
      `load CSV or Excel (.xlsx) data / 导入数据 — kinds: ${IMPORT_KIND_NAMES.join(', ')}, bank-statement (camt, MT940, OFX, bank CSV/Excel), einvoice (数电票 XML file or folder), credit-report (企查查/天眼查/启信宝 Excel export), bureau (Creditsafe or D&B CSV/Excel)`,
    )
    .option('--dry-run', 'check every row, write nothing / 只检查不写入')
    .option('--account <id>', 'bank-statement: the bank account (id or name) the statements belong to / 指定银行账户')
    .option('--encoding <name>', 'CSV encoding: utf-8, gbk, gb18030 (default: detected)')
    .option('--mapping <name-or-file>', 'a saved column mapping, or a JSON mapping file')
    .option('--sheet <name>', 'Excel sheet (default: the first)')
    .option('--json', 'print the report as JSON')
    .option(
      '--source <name>',
      'credit-report: the service when the file does not say (企查查, 天眼查, 启信宝) / 数据来源',
    )
    .action(
      action(
        async (
          kindText: string,
          file: string,
          o: {
            dryRun?: boolean;
            encoding?: string;
            mapping?: string;
            sheet?: string;
            json?: boolean;
            account?: string;
            source?: string;
          },
          cmd: Command,
        ) => {
          const opts = globalOptions(cmd);
          if (kindText === 'bank-statement') return runBankStatementImport(file, o, opts);
          if (kindText === 'einvoice') return runEInvoiceImport(file, o, opts);
          if (kindText === 'credit-report' || kindText === 'bureau') return runExternalImport(kindText, file, o, opts);
          const kind = requireKind(kindText);
          if (!existsSync(file)) throw new DomainFailure({ code: 'FILE_NOT_FOUND', details: { file } });
          const locale = localeOf(opts);
          await withDb(opts, async (db) => {
            const org = await requireOrganisation(db, opts);
            const progress = createProgress();
            const report = await importFile(db, {
              orgId: org.id,
              kind,
              path: file,
              locale,
              dryRun: o.dryRun === true,
              limits: readLimitsFrom(process.env),
              onProgress: (done, total) => progress.update(kind, done, total),
              ...(o.encoding ? { encoding: o.encoding } : {}),
              ...(o.mapping ? { mapping: o.mapping } : {}),
              ...(o.sheet ? { sheet: o.sheet } : {}),
            });
            progress.stop();
            process.stdout.write(
              `${o.json ? JSON.stringify(report, null, 2) : formatImportReport(report, locale, o.dryRun === true)}\n`,
            );
            if (report.problems.length > 0) process.exitCode = exitCodeFor('IMPORT_REJECTED');
            const alerts = await alertsAfterImport(db, report, { orgId: org.id, clock: systemClock });
            if (alerts && !o.json)
              process.stdout.write(
                `${alerts.ok ? translate('ALERT_CLI_RUN', { ...alerts.value }, locale) : translate(alerts.error.code, alerts.error.details, locale)}\n`,
              );
          });
        },
      ),
    );

  program
    .command('export <kind> <file>')
    .description('write data as .csv or .xlsx in the import layout / 导出数据（与导入格式相同）')
    .option('--headers <lang>', 'en (default) or zh column headers')
    .action(
      action(async (kindText: string, file: string, o: { headers?: string }, cmd: Command) => {
        const opts = globalOptions(cmd);
        const kind = requireKind(kindText);
        await withDb(opts, async (db) => {
          const org = await requireOrganisation(db, opts);
          const result = orThrow(
            await exportRows(db, {
              orgId: org.id,
              kind,
              path: file,
              ...(o.headers === 'zh' ? { headers: 'zh' as const } : {}),
            }),
          );
          process.stdout.write(`${translate('EXPORT_CLI_DONE', { rows: result.rows, file }, localeOf(opts))}\n`);
        });
      }),
    );
}
