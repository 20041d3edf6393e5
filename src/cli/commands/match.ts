import type { Command } from 'commander';
import { decideProposal, type MatchedPayment, type MatchRunReport, runCashApplication } from '../../app/bank/index.js';
import { systemClock } from '../../app/clock.js';
import { parseAmount } from '../../app/import/index.js';
import { isCurrencyCode, minorUnits } from '../../core/money/index.js';
import { DomainFailure } from '../../core/shared/index.js';
import { type Locale, translate } from '../../i18n/index.js';
import { action, globalOptions, localeOf, requireOrganisation, withDb } from '../context.js';
import { asOfArgument } from './arguments.js';

function paymentLine(base: string, p: MatchedPayment, locale: Locale): string {
  // Outgoing lines settle bills: their own texts say "paid to … → bills".
  const code = p.side === 'payable' ? base.replace('MATCH_CLI_', 'MATCH_CLI_BILL_') : base;
  const head = translate(
    code,
    {
      payment: p.payment,
      amount: p.amount,
      currency: p.currency,
      payer: p.payer ?? '—',
      invoices: [...p.invoices, ...p.bills].map((i) => `${i.number} ${i.amount}`).join(', ') || '—',
      confidence: Math.round(p.confidence * 100),
    },
    locale,
  );
  const why = p.reasons.map((r) => `    · ${translate(r.code, { ...r }, locale)}`);
  return [head, ...(p.proposalId && base === 'MATCH_CLI_REVIEW' ? [`    # ${p.proposalId}`] : []), ...why].join('\n');
}

/** What was applied, what waits for review (with the proposal to accept, split or reject), what found nothing. */
export function formatMatchReport(r: MatchRunReport, locale: Locale): string {
  return [
    ...r.applied.map((p) => paymentLine('MATCH_CLI_APPLIED', p, locale)),
    ...r.review.map((p) => paymentLine('MATCH_CLI_REVIEW', p, locale)),
    ...r.unmatched.map((p) => paymentLine('MATCH_CLI_UNMATCHED', p, locale)),
    translate(
      'MATCH_CLI_DONE',
      {
        lines: r.lines,
        applied: r.applied.filter((p) => p.side === 'receivable').length,
        review: r.review.filter((p) => p.side === 'receivable').length,
        unmatched: r.unmatched.filter((p) => p.side === 'receivable').length,
      },
      locale,
    ),
    ...(r.outgoingLines > 0
      ? [
          translate(
            'MATCH_CLI_BILL_DONE',
            {
              lines: r.outgoingLines,
              applied: r.applied.filter((p) => p.side === 'payable').length,
              review: r.review.filter((p) => p.side === 'payable').length,
              unmatched: r.unmatched.filter((p) => p.side === 'payable').length,
            },
            locale,
          ),
        ]
      : []),
  ].join('\n');
}

/** `INV-1=100.00` → the invoice number and the amount in minor units of `currency`. */
function splitArgument(text: string, currency: string): { number: string; amountMinor: number } {
  const at = text.lastIndexOf('=');
  const number = text.slice(0, at).trim();
  const amount =
    at > 0 && isCurrencyCode(currency) ? parseAmount(text.slice(at + 1), minorUnits(currency), '.', currency) : null;
  if (!number || !amount?.ok) throw new DomainFailure({ code: 'MATCH_SPLIT_INVALID', details: { value: text } });
  return { number, amountMinor: amount.minor };
}

export function addMatchCommand(program: Command): void {
  program
    .command('match [decision] [proposal]')
    .description(
      'match bank lines: money in to open invoices, money out to open bills; or accept | reject | split a proposal / 收付款核销；复核建议',
    )
    .option('--as-of <date>', 'match lines booked by this date (default today)')
    .option('--dry-run', 'show the matches, write nothing / 只显示不写入')
    .option('--allocate <number=amount...>', 'split: the invoices and amounts to apply')
    .option('--json', 'print the result as JSON')
    .action(
      action(
        async (
          decision: string | undefined,
          proposal: string | undefined,
          o: { asOf?: string; dryRun?: boolean; allocate?: string[]; json?: boolean },
          cmd: Command,
        ) => {
          const opts = globalOptions(cmd);
          const locale = localeOf(opts);
          await withDb(opts, async (db) => {
            const org = await requireOrganisation(db, opts);
            if (decision === undefined) {
              const asOf = asOfArgument(o.asOf, () => systemClock.today(), locale);
              const report = await runCashApplication(db, { orgId: org.id, asOf, dryRun: o.dryRun === true });
              process.stdout.write(`${o.json ? JSON.stringify(report, null, 2) : formatMatchReport(report, locale)}\n`);
              return;
            }
            if (!['accept', 'reject', 'split'].includes(decision) || proposal === undefined) {
              throw new DomainFailure({
                code: 'INVALID_ARGUMENT',
                details: { field: 'decision', value: decision, expected: 'accept | reject | split <proposal>' },
              });
            }
            const queue = await db.kysely
              .selectFrom('bank_match_proposals as p')
              .innerJoin('bank_statement_lines as l', 'l.id', 'p.line_id')
              .select('l.currency')
              .where('p.id', '=', proposal)
              .executeTakeFirst();
            const split =
              decision === 'split'
                ? (o.allocate ?? []).map((a) => splitArgument(a, queue?.currency ?? org.baseCurrency))
                : undefined;
            const done = await decideProposal(db, {
              orgId: org.id,
              proposalId: proposal,
              decision: decision as 'accept' | 'reject' | 'split',
              by: 'cli',
              ...(split ? { split } : {}),
            });
            process.stdout.write(
              `${o.json ? JSON.stringify(done, null, 2) : paymentLine(decision === 'reject' ? 'MATCH_CLI_UNMATCHED' : 'MATCH_CLI_APPLIED', done, locale)}\n`,
            );
          });
        },
      ),
    );
}
