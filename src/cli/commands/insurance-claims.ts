import type { Command } from 'commander';
import { systemClock } from '../../app/clock.js';
import {
  fileClaim,
  formatClaim,
  formatClaimList,
  listClaimViews,
  showClaim,
  updateClaim,
} from '../../app/insurance/index.js';
import { orThrow } from '../context.js';
import { amountArgument } from './arguments.js';
import { type Common, cliActor, print, withOrg } from './credit.js';

interface FileOptions extends Common {
  invoice?: string;
  on?: string;
  currency?: string;
  recovered?: string;
  expectedPayment?: string;
  note?: string;
  actor?: string;
}

interface UpdateOptions extends Common {
  status?: string;
  on?: string;
  received?: string;
  missing?: string;
  approved?: string;
  paid?: string;
  recovery?: string;
  expectedPayment?: string;
  note?: string;
  actor?: string;
}

const list = (text: string | undefined) =>
  text === undefined
    ? undefined
    : text
        .split(',')
        .map((s) => s.trim())
        .filter((s) => s !== '');

/**
 * `cashguard insurance claim file | list | show | update`: claims under the trade credit insurance
 * policy (src/app/insurance/claims.ts; one validator with the API, src/core/insurance/claims.ts).
 */
export function addInsuranceClaimCommands(insurance: Command): void {
  const claim = insurance.command('claim').description('insurance claims: file, track, indemnity / 索赔');
  claim
    .command('file <customer> <amount>')
    .description('file a claim (draft) for a buyer, the insured debt claimed / 登记索赔')
    .option('--invoice <number>', 'the invoice claimed for')
    .option('--on <date>', 'claim date (default: --as-of, else today)')
    .option('--currency <code>', 'currency of the amounts (default: the policy currency)')
    .option('--recovered <amount>', 'recoveries received before the claim')
    .option('--expected-payment <date>', 'when the insurer is expected to pay')
    .option('--note <text>', 'a note')
    .option('--actor <name>', 'who acts (default: cli:<your user name>)')
    .option('--as-of <date>', 'as of this date (default today)')
    .option('--json', 'print JSON')
    .action(
      withOrg<[string, string], FileOptions>(async (ctx, db, customer, amount) => {
        const o = ctx.options;
        const currency = o.currency ?? ctx.baseCurrency;
        const r = orThrow(
          await fileClaim(
            db,
            { orgId: ctx.orgId, actor: o.actor ?? cliActor(), now: systemClock.now().toISOString() },
            {
              customer,
              invoice: o.invoice,
              currency: o.currency,
              claimOn: o.on ?? ctx.asOf,
              amountClaimedMinor: amountArgument('amount', amount, currency, 'positive', ctx.locale),
              recoveriesBeforeMinor:
                o.recovered === undefined
                  ? undefined
                  : amountArgument('--recovered', o.recovered, currency, 'zero', ctx.locale),
              expectedPaymentOn: o.expectedPayment,
              note: o.note,
            },
          ),
        );
        print(ctx.json, r, () => formatClaim(r, ctx.locale));
      }),
    );
  claim
    .command('list')
    .description('every claim: status, claimed, indemnity, documents / 索赔列表')
    .option('--as-of <date>', 'as of this date (default today)')
    .option('--json', 'print JSON')
    .action(
      withOrg(async (ctx, db) => {
        const r = orThrow(await listClaimViews(db, { orgId: ctx.orgId, asOf: ctx.asOf }));
        print(ctx.json, r, () => formatClaimList(r, ctx.locale));
      }),
    );
  claim
    .command('show <claim>')
    .description('one claim (reference or id): indemnity, dates, documents, history / 索赔详情')
    .option('--as-of <date>', 'as of this date (default today)')
    .option('--json', 'print JSON')
    .action(
      withOrg<[string]>(async (ctx, db, id) => {
        const r = orThrow(await showClaim(db, { orgId: ctx.orgId, asOf: ctx.asOf, claim: id }));
        print(ctx.json, r, () => formatClaim(r, ctx.locale));
      }),
    );
  claim
    .command('update <claim>')
    .description('move a claim on (status), tick documents, record amounts and recoveries / 更新索赔')
    .option(
      '--status <status>',
      'filed, documents_complete, approved, partially_approved, rejected or paid (the workflow decides which)',
    )
    .option('--on <date>', 'date of the status change or of documents received (default: --as-of, else today)')
    .option('--received <documents>', 'documents received, comma separated (claim_form, overdue_notice, …)')
    .option('--missing <documents>', 'documents to mark missing again, comma separated')
    .option('--approved <amount>', 'the amount the insurer approved')
    .option('--paid <amount>', 'the amount the insurer paid')
    .option('--recovery <amount>', 'a recovery received after the claim was paid')
    .option('--expected-payment <date>', 'when the insurer is expected to pay')
    .option('--note <text>', 'a note')
    .option('--actor <name>', 'who acts (default: cli:<your user name>)')
    .option('--as-of <date>', 'as of this date (default today)')
    .option('--json', 'print JSON')
    .action(
      withOrg<[string], UpdateOptions>(async (ctx, db, id) => {
        const o = ctx.options;
        const currency = ctx.baseCurrency;
        const amount = (flag: string, text: string | undefined, min: 'zero' | 'positive') =>
          text === undefined ? undefined : amountArgument(flag, text, currency, min, ctx.locale);
        const r = orThrow(
          await updateClaim(
            db,
            { orgId: ctx.orgId, actor: o.actor ?? cliActor(), now: systemClock.now().toISOString() },
            {
              claim: id,
              today: ctx.asOf,
              change: {
                status: o.status,
                on: o.on,
                received: list(o.received),
                missing: list(o.missing),
                approvedMinor: amount('--approved', o.approved, 'zero'),
                paidMinor: amount('--paid', o.paid, 'zero'),
                recoveryAfterMinor: amount('--recovery', o.recovery, 'positive'),
                expectedPaymentOn: o.expectedPayment,
                note: o.note,
              },
            },
          ),
        );
        print(ctx.json, r, () => formatClaim(r, ctx.locale));
      }),
    );
}
