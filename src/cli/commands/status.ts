import type { Command } from 'commander';
import { systemClock } from '../../app/clock.js';
import { getSummary } from '../../app/summary.js';
import type { CashPosition } from '../../core/position/index.js';
import { formatAmount, formatPercent, renderTable } from '../../i18n/format.js';
import { type Locale, translate } from '../../i18n/index.js';
import { action, globalOptions, localeOf, requireOrganisation, withDb } from '../context.js';
import { asOfArgument } from './arguments.js';

export function addStatusCommand(program: Command): void {
  program
    .command('status')
    .description('one screen: cash, AR, AP, overdue, largest exposures / 现金、应收、应付、逾期与最大敞口一览')
    .option('--as-of <date>', 'as of this date (YYYY-MM-DD); default today')
    .option('--json', 'print JSON')
    .action(
      action(async (options: { asOf?: string; json?: boolean }, cmd: Command) => {
        const opts = globalOptions(cmd);
        const asOf = asOfArgument(options.asOf, () => systemClock.today(), localeOf(opts));
        await withDb(opts, async (db) => {
          const organisation = await requireOrganisation(db, opts);
          const summary = await getSummary(db, { organisation, asOf });
          const text = options.json
            ? JSON.stringify(summary, null, 2)
            : formatStatus(organisation.name, summary, localeOf(opts));
          process.stdout.write(`${text}\n`);
        });
      }),
    );
}

/** The status screen as text, in the user's language. */
export function formatStatus(name: string, p: CashPosition, locale: Locale): string {
  const t = (code: string, details: Record<string, unknown> = {}) => translate(code, details, locale);
  const amt = (minor: number) => formatAmount(minor, p.currency);
  const lines: string[] = [t('STATUS_TITLE', { name, asOf: p.asOf, currency: p.currency }), ''];
  lines.push(
    renderTable(
      [
        [t('STATUS_COL_ITEM'), t('STATUS_COL_AMOUNT', { currency: p.currency })],
        [t('STATUS_CASH'), amt(p.cash.totalMinor)],
        [
          t('STATUS_BILLS_HELD', { count: p.acceptanceBills.count, on: p.acceptanceBills.nextMaturityOn ?? '—' }),
          amt(p.acceptanceBills.heldMinor),
        ],
        [t('STATUS_AR_OPEN', { count: p.receivables.openCount }), amt(p.receivables.openMinor)],
        [t('STATUS_AR_OVERDUE', { count: p.receivables.overdueCount }), amt(p.receivables.overdueMinor)],
        [t('STATUS_AR_OVER90'), amt(p.receivables.over90Minor)],
        [t('STATUS_AR_UNAPPLIED'), amt(-p.receivables.unappliedMinor)],
        [t('STATUS_AR_NET'), amt(p.receivables.netMinor)],
        ...(p.receivables.unidentifiedMinor > 0
          ? [[t('STATUS_AR_UNIDENTIFIED'), amt(p.receivables.unidentifiedMinor)]]
          : []),
        [t('STATUS_AP_OPEN', { count: p.payables.openCount }), amt(p.payables.openMinor)],
        [t('STATUS_AP_OVERDUE'), amt(p.payables.overdueMinor)],
        [t('STATUS_AP_NEXT30'), amt(p.payables.dueNext30Minor)],
        [t('STATUS_LINE_HEADROOM'), amt(p.creditLines.headroomMinor)],
      ],
      [1],
    ),
  );
  if (p.cash.accounts.length > 0) {
    lines.push('', t('STATUS_ACCOUNTS'));
    lines.push(
      renderTable(
        p.cash.accounts.map((a) => [`  ${a.name}`, a.on, `${formatAmount(a.amountMinor, a.currency)} ${a.currency}`]),
        [2],
      ),
    );
  }
  if (p.largestExposures.length > 0) {
    lines.push('', t('STATUS_EXPOSURES'));
    const header = [
      t('STATUS_COL_CUSTOMER'),
      t('STATUS_COL_OPEN'),
      t('STATUS_COL_OVERDUE'),
      t('STATUS_COL_SHARE'),
      t('STATUS_COL_OTHER'),
      t('STATUS_COL_EXPOSURE'),
      t('STATUS_COL_LIMIT'),
    ];
    const rows = p.largestExposures.map((e) => [
      e.name,
      amt(e.openMinor),
      amt(e.overdueMinor),
      formatPercent(e.share),
      amt(e.exposureMinor - e.openMinor),
      amt(e.exposureMinor),
      `${e.limitMinor === null ? '—' : amt(e.limitMinor)}${e.isOverLimit ? ` ${t('STATUS_OVER_LIMIT')}` : ''}`,
    ]);
    lines.push(renderTable([header, ...rows], [1, 2, 3, 4, 5, 6]), t('STATUS_EXPOSURE_NOTE'));
  }
  if (p.missingRates.length > 0) lines.push('', t('STATUS_MISSING_RATES', { currencies: p.missingRates.join(', ') }));
  for (const row of p.unreadableRows)
    lines.push(t('UNREADABLE_ROW', { kind: t(`RECORD_KIND_${row.table}`), id: row.id, reason: row.reason }));
  return lines.join('\n');
}
