import { userInfo } from 'node:os';
import type { Command } from 'commander';
import { systemClock } from '../../app/clock.js';
import {
  checkOrder,
  formatLimits,
  formatOnboarding,
  formatOrderCheck,
  formatReviews,
  formatRiskStates,
  formatScores,
  getOnboarding,
  listReviews,
  listRiskStates,
  overrideHold,
  recommendLimits,
  scoreCustomers,
} from '../../app/credit/index.js';
import { action, globalOptions, localeOf, orThrow, requireOrganisation, withDb } from '../context.js';
import { amountArgument, asOfArgument, currencyArgument } from './arguments.js';

/** Exit code of `check-order` when the order is held (the lead adds it to the exit-code table). */
export const EXIT_CREDIT_HOLD = 6;

export const print = (json: boolean | undefined, value: unknown, text: () => string) =>
  process.stdout.write(`${json ? JSON.stringify(value, null, 2) : text()}\n`);

export interface Common {
  asOf?: string;
  json?: boolean;
}

/** Who acts from the command line when no name is given: the operating-system user, as 'cli:wang.li'. */
export function cliActor(): string {
  try {
    return `cli:${userInfo().username}`;
  } catch {
    // No user entry (some containers): fall back to what the environment says.
    return `cli:${process.env.USER ?? process.env.USERNAME ?? 'unknown'}`;
  }
}

type Ctx<O> = {
  orgId: string;
  /** The organisation's base currency (credit limits are kept in it). */
  baseCurrency: string;
  asOf: string;
  json: boolean;
  locale: ReturnType<typeof localeOf>;
  options: O;
};
type AppDb = Parameters<Parameters<typeof withDb>[1]>[0];

/** A command action with the organisation opened, --as-of checked and the command's options at hand. */
export function withOrg<A extends unknown[], O extends Common = Common>(
  run: (ctx: Ctx<O>, db: AppDb, ...args: A) => Promise<void>,
) {
  return action(async (...all: [...A, Common, Command]) => {
    const cmd = all[all.length - 1] as Command;
    const o = all[all.length - 2] as O;
    const args = all.slice(0, -2) as unknown as A;
    const opts = globalOptions(cmd);
    const locale = localeOf(opts);
    const asOf = asOfArgument(o.asOf, () => systemClock.today(), locale);
    await withDb(opts, async (db) => {
      const org = await requireOrganisation(db, opts);
      const ctx = { orgId: org.id, baseCurrency: org.baseCurrency, asOf, json: o.json === true, locale };
      await run({ ...ctx, options: o }, db, ...args);
    });
  });
}

function addScore(score: Command): void {
  // commander 14: a parent `score [customer]` action would swallow `score financials --json`'s
  // options (global options are not positional), so customers is the default subcommand instead.
  score
    .command('customers', { isDefault: true })
    .description('grade, PD, score and reasons for every customer (or one) / 客户信用评分')
    .argument('[customer]', 'customer id or code')
    .option('--as-of <date>', 'as of this date (default today)')
    .option('--save', 'store the scores (one row per customer per date)')
    .option('--json', 'print JSON')
    .action(
      withOrg<[string | undefined], Common & { save?: boolean }>(async (ctx, db, customer) => {
        const save = ctx.options.save === true;
        const r = orThrow(
          await scoreCustomers(db, {
            orgId: ctx.orgId,
            asOf: ctx.asOf,
            ...(customer ? { customerId: customer } : {}),
            save,
          }),
        );
        print(ctx.json, r, () => formatScores(r, ctx.locale));
      }),
    );
}

interface OrderOptions extends Common {
  currency: string;
  orderRef?: string;
  override?: boolean;
  actor?: string;
  role?: string;
  reason?: string;
}

function addCheckOrder(program: Command): void {
  program
    .command('check-order <customer> <amount>')
    .description('credit hold check for a proposed order; exit 0 allow, 6 hold / 订单信用检查')
    .option('--currency <code>', 'currency of the amount', 'CNY')
    .option('--order-ref <ref>', 'the order reference (an override then applies to this order only)')
    .option('--as-of <date>', 'as of this date (default today)')
    .option('--override', 'override a hold for this order today (needs --role owner|credit_controller, --reason)')
    .option('--actor <name>', 'who overrides (default: cli:<your user name>)')
    .option('--role <role>', 'the role of who overrides')
    .option('--reason <text>', 'why')
    .option('--json', 'print JSON')
    .action(
      withOrg<[string, string], OrderOptions>(async (ctx, db, customer, amount) => {
        const o = ctx.options;
        const currency = currencyArgument('--currency', o.currency, ctx.locale);
        const params = {
          orgId: ctx.orgId,
          customerId: customer,
          amountMinor: amountArgument('<amount>', amount, currency, 'positive', ctx.locale),
          currency,
          asOf: ctx.asOf,
          orderRef: o.orderRef,
        };
        if (o.override) {
          const r = orThrow(
            await overrideHold(db, {
              ...params,
              actor: o.actor ?? cliActor(),
              role: o.role ?? '',
              reason: o.reason ?? '',
            }),
          );
          print(ctx.json, r, () => formatOrderCheck(r.check, ctx.locale));
          return;
        }
        const r = orThrow(await checkOrder(db, params));
        print(ctx.json, r, () => formatOrderCheck(r, ctx.locale));
        if (r.decision === 'hold') process.exitCode = EXIT_CREDIT_HOLD;
      }),
    );
}

/**
 * `cashguard score [customer]` (default subcommand `score customers`), `limits`, `reviews`,
 * `onboarding <customer>` and `check-order <customer> <amount>`. `score` is the lead's parent
 * command (it also holds `score financials`).
 */
export function addCreditCommands(program: Command, score: Command): void {
  addScore(score);
  const common = (c: Command) =>
    c.option('--as-of <date>', 'as of this date (default today)').option('--json', 'print JSON');
  common(
    program
      .command('limits')
      .description('recommended vs current credit limits, binding constraint, exposure / 信用额度'),
  ).action(
    withOrg<[]>(async (ctx, db) => {
      const r = orThrow(await recommendLimits(db, { orgId: ctx.orgId, asOf: ctx.asOf }));
      print(ctx.json, r, () => formatLimits(r, ctx.locale));
    }),
  );
  common(program.command('reviews').description('who is due for a credit review and why / 信用复审')).action(
    withOrg<[]>(async (ctx, db) => {
      const r = orThrow(await listReviews(db, { orgId: ctx.orgId, asOf: ctx.asOf }));
      print(ctx.json, r, () => formatReviews(r, ctx.locale));
    }),
  );
  common(program.command('onboarding <customer>').description('onboarding checklist and safe limit / 客户准入')).action(
    withOrg<[string]>(async (ctx, db, customer) => {
      const r = orThrow(await getOnboarding(db, { orgId: ctx.orgId, customerId: customer, asOf: ctx.asOf }));
      print(ctx.json, r, () => formatOnboarding(r, ctx.locale));
    }),
  );
  common(
    program
      .command('risk')
      .description("every customer's risk state, most serious first: insolvent, on hold, to watch / 客户风险状态")
      .option('--all', 'also list customers in good standing'),
  ).action(
    withOrg<[], Common & { all?: boolean }>(async (ctx, db) => {
      const r = orThrow(await listRiskStates(db, { orgId: ctx.orgId, asOf: ctx.asOf }));
      print(ctx.json, r, () => formatRiskStates(r, ctx.locale, ctx.options.all === true));
    }),
  );
  addCheckOrder(program);
}
