import { writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { systemClock } from '../../app/clock.js';
import { openDispute } from '../../app/collections/disputes.js';
import { formatSendReport } from '../../app/collections/format-send.js';
import { formatWorklist } from '../../app/collections/format-worklist.js';
import {
  CONTACT_KINDS,
  logContact,
  recordPromise,
  resolveInvoice,
  resolvePromiseTarget,
} from '../../app/collections/record.js';
import { sendDunningMessages } from '../../app/collections/send.js';
import { getStatementOfAccount, statementWorkbook } from '../../app/collections/statement.js';
import { getWorklist } from '../../app/collections/worklist.js';
import { DISPUTE_REASONS, type DisputeReason } from '../../core/collections/index.js';
import { formatMoney } from '../../i18n/format.js';
import { translate } from '../../i18n/index.js';
import { orThrow } from '../context.js';
import { amountArgument, choiceArgument, dateArgument, wholeNumberArgument } from './arguments.js';
import { type Common, cliActor, print, withOrg } from './credit.js';

/** `cashguard collections …`: the dunning worklist of the day. */
export function addCollectionsCommands(program: Command): void {
  const collections = program.command('collections').description('dunning and collections / 阶梯式催收');
  collections
    .command('worklist')
    .description("today's collection actions, most urgent expected loss first / 今日催收工作清单")
    .option('--as-of <date>', 'as of this date (default today)')
    .option('--top <n>', 'show the first n actions (default all)')
    .option('--json', 'print JSON')
    .action(
      withOrg<[], Common & { top?: string }>(async (ctx, db) => {
        const top =
          ctx.options.top === undefined ? undefined : wholeNumberArgument('--top', ctx.options.top, ctx.locale, 1);
        const r = orThrow(await getWorklist(db, { orgId: ctx.orgId, asOf: ctx.asOf }));
        const shown = top === undefined ? r : { ...r, items: r.items.slice(0, top) };
        print(ctx.json, shown, () => formatWorklist(shown, ctx.locale));
      }),
    );
  collections
    .command('send')
    .description("e-mail today's due dunning messages, each stage once per customer / 发送今日催收邮件")
    .option('--as-of <date>', 'as of this date (default today)')
    .option('--dry-run', 'show what would be sent; send and record nothing')
    .option('--json', 'print JSON')
    .action(
      withOrg<[], Common & { dryRun?: boolean }>(async (ctx, db) => {
        const r = orThrow(
          await sendDunningMessages(db, {
            orgId: ctx.orgId,
            asOf: ctx.asOf,
            now: () => systemClock.now().toISOString(),
            isDryRun: ctx.options.dryRun === true,
          }),
        );
        print(ctx.json, r, () => formatSendReport(r, ctx.locale));
      }),
    );
  addRecordCommands(collections);
  collections
    .command('statement')
    .description("a customer's statement of account as an Excel workbook / 客户对账单")
    .argument('<customer>', 'customer id or code')
    .requiredOption('--xlsx <file>', 'the workbook to write')
    .option('--from <date>', 'first day (default a year before --as-of)')
    .option('--as-of <date>', 'as of this date (default today)')
    .option('--json', 'print the statement as JSON too')
    .action(
      withOrg<[string], Common & { xlsx: string; from?: string }>(async (ctx, db, customer) => {
        const from = ctx.options.from === undefined ? undefined : dateArgument('--from', ctx.options.from, ctx.locale);
        const s = orThrow(
          await getStatementOfAccount(db, {
            orgId: ctx.orgId,
            customer,
            asOf: ctx.asOf,
            ...(from === undefined ? {} : { from }),
          }),
        );
        await writeFile(ctx.options.xlsx, await statementWorkbook(s, ctx.locale));
        const t = (code: string, p: Record<string, unknown>) => translate(code, p, ctx.locale);
        print(ctx.json, s, () =>
          t('COL_STMT_WRITTEN', {
            customer: `${s.customer.code} ${s.customer.name}`,
            file: ctx.options.xlsx,
            accounts: s.statement.accounts
              .map((a) =>
                t('COL_STMT_ACCOUNT', {
                  currency: a.currency,
                  closing: formatMoney(a.closingMinor, a.currency),
                  overdue: formatMoney(a.overdueMinor, a.currency),
                  interest: formatMoney(a.interestMinor, a.currency),
                }),
              )
              .join('; '),
          }),
        );
      }),
    );
}

const actorOf = (orgId: string) => ({ orgId, actor: cliActor(), now: systemClock.now().toISOString() });

/** `collections promise | dispute | log`: the credit controller's records, through the API's write rules. */
function addRecordCommands(collections: Command): void {
  collections
    .command('promise')
    .description('record a promise to pay / 记录付款承诺')
    .argument('<customer>', 'customer id or code')
    .option('--invoice <numbers...>', 'the invoice number(s) promised for (default: the account)')
    .requiredOption('--date <date>', 'the promised payment date')
    .requiredOption('--amount <amount>', 'the promised amount')
    .option('--currency <code>', 'currency of a promise on the account (default the base currency)')
    .option('--note <text>', 'a note')
    .option('--as-of <date>', 'the day it was made (default today)')
    .option('--json', 'print JSON')
    .action(
      withOrg<
        [string],
        Common & { invoice?: string[]; date: string; amount: string; currency?: string; note?: string }
      >(async (ctx, db, customer) => {
        const o = ctx.options;
        const promisedOn = dateArgument('--date', o.date, ctx.locale);
        const target = orThrow(
          await resolvePromiseTarget(db, { orgId: ctx.orgId, customer, invoices: o.invoice ?? [] }),
        );
        const currency = target.currency ?? o.currency?.toUpperCase() ?? ctx.baseCurrency;
        const amountMinor = amountArgument('--amount', o.amount, currency, 'positive', ctx.locale);
        const made = orThrow(
          await recordPromise(db, actorOf(ctx.orgId), {
            customerId: target.customerId,
            invoiceIds: target.invoices.map((i) => i.id),
            invoiceAmounts: target.invoices.map((i) => i.amountMinor),
            currency,
            amountMinor,
            madeOn: ctx.asOf,
            promisedOn,
            note: o.note ?? null,
          }),
        );
        const numberOf = new Map(target.invoices.map((i) => [i.id, i.number]));
        print(ctx.json, made, () =>
          made
            .map((r) =>
              translate(
                'COL_PROMISE_RECORDED',
                {
                  customer,
                  amount: formatMoney(Number(r.amountMinor), currency),
                  date: promisedOn,
                  id: r.id,
                  invoice:
                    typeof r.invoiceId === 'string'
                      ? translate(
                          'COL_PROMISE_FOR_INVOICE',
                          { number: numberOf.get(r.invoiceId) ?? r.invoiceId },
                          ctx.locale,
                        )
                      : '',
                },
                ctx.locale,
              ),
            )
            .join('\n'),
        );
      }),
    );
  collections
    .command('dispute')
    .description('open a dispute on an invoice: its dunning pauses / 登记发票争议')
    .argument('<invoice>', 'invoice number or id')
    .requiredOption('--reason <reason>', DISPUTE_REASONS.join(', '))
    .requiredOption('--amount <amount>', 'the contested amount')
    .option('--owner <name>', 'who resolves it (default you)')
    .option('--note <text>', 'a note')
    .option('--as-of <date>', 'the day it was opened (default today)')
    .option('--json', 'print JSON')
    .action(
      withOrg<[string], Common & { reason: string; amount: string; owner?: string; note?: string }>(
        async (ctx, db, invoice) => {
          const o = ctx.options;
          const reason = choiceArgument<DisputeReason>(
            '--reason',
            o.reason,
            DISPUTE_REASONS,
            DISPUTE_REASONS.join(', '),
            ctx.locale,
          );
          const inv = orThrow(await resolveInvoice(db, { orgId: ctx.orgId, invoice }));
          const amountMinor = amountArgument('--amount', o.amount, inv.currency, 'positive', ctx.locale);
          const actor = actorOf(ctx.orgId);
          const d = orThrow(
            await openDispute(db, actor, {
              invoiceId: inv.id,
              reason,
              amountMinor,
              owner: o.owner ?? actor.actor,
              openedOn: ctx.asOf,
              note: o.note ?? null,
            }),
          );
          print(ctx.json, d, () =>
            translate(
              'COL_DISPUTE_RECORDED',
              {
                number: inv.number,
                reason: translate(`COL_DISPUTE_REASON_${reason}`, {}, ctx.locale),
                amount: formatMoney(d.amountMinor, d.currency),
                owner: d.owner,
                id: d.id,
              },
              ctx.locale,
            ),
          );
        },
      ),
    );
  collections
    .command('log')
    .description('log a call, letter or visit in the customer timeline / 记录催收联系')
    .argument('<customer>', 'customer id or code')
    .requiredOption('--kind <kind>', CONTACT_KINDS.join('|'))
    .requiredOption('--note <text>', 'what was said or agreed')
    .option('--stage <n>', 'the ladder stage it does (default the stage due today)')
    .option('--as-of <date>', 'the day (default today)')
    .option('--json', 'print JSON')
    .action(
      withOrg<[string], Common & { kind: string; note: string; stage?: string }>(async (ctx, db, customer) => {
        const o = ctx.options;
        const kind = choiceArgument('--kind', o.kind, CONTACT_KINDS, CONTACT_KINDS.join('|'), ctx.locale);
        const stage = o.stage === undefined ? null : wholeNumberArgument('--stage', o.stage, ctx.locale, 0, 20);
        const r = orThrow(
          await logContact(db, actorOf(ctx.orgId), { customer, kind, note: o.note, asOf: ctx.asOf, stage }),
        );
        print(ctx.json, r, () =>
          translate(
            'COL_CONTACT_LOGGED',
            {
              kind: translate(`COL_CONTACT_${kind}`, {}, ctx.locale),
              customer,
              stage: r[0]?.stage,
              count: r.filter((x) => x.invoiceId !== null).length,
            },
            ctx.locale,
          ),
        );
      }),
    );
}
