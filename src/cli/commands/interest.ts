import type { Command } from 'commander';
import { computeLateInterest, formatLateInterest } from '../../app/collections/interest.js';
import { CN_DEBTOR_KINDS, DEFAULT_LATE_INTEREST_SETTINGS, INTEREST_LAWS } from '../../core/collections/index.js';
import type { CurrencyCode } from '../../core/money/index.js';
import { action, globalOptions, localeOf, orThrow } from '../context.js';
import {
  amountArgument,
  choiceArgument,
  countryArgument,
  currencyArgument,
  dateArgument,
  percentArgument,
  rateArgument,
  rateListArgument,
} from './arguments.js';

interface InterestOptions {
  law: string;
  amount: string;
  currency: string;
  due: string;
  paid: string;
  rate?: string;
  referenceRate?: string;
  country?: string;
  margin?: string;
  debtor?: string;
  signed?: string;
  delivered?: string;
  sme?: boolean;
  json?: boolean;
}

/**
 * `cashguard interest`: the late interest of one claim under the Chinese 条例, the EU directive or
 * the contract, printing the days, the rate used and the interest (EU: and the fixed
 * compensation), so a worked example can be checked from outside. Needs no database.
 */
export function addInterestCommand(program: Command): void {
  program
    .command('interest')
    .description('late-payment interest of one claim / 计算逾期利息')
    .requiredOption('--law <law>', 'cn | eu | contract')
    .requiredOption('--amount <amount>', 'the late amount')
    .option('--currency <code>', 'currency of the amount', 'CNY')
    .requiredOption('--due <date>', 'the due date')
    .requiredOption('--paid <date>', 'the payment date (or the date to compute to)')
    .option('--rate <percent>', 'the contract rate, per cent a year')
    .option(
      '--reference-rate <percent>',
      'EU: reference rate, or 2024-01-01=4.5,2024-07-01=4.25; cn: 1-year LPR at signing',
    )
    .option('--country <code>', 'EU: the creditor country, for its margin (DE 9, FR 10 points)')
    .option('--margin <points>', 'EU: points over the reference rate (default 8)')
    .option('--debtor <kind>', 'cn: large | government | public_institution | sme')
    .option('--signed <date>', 'cn: the contract date')
    .option('--delivered <date>', 'cn: the delivery date (for the statutory deadline)')
    .option('--sme', 'cn: the creditor declared itself an SME at signing')
    .option('--no-sme', 'cn: the creditor did not declare itself an SME')
    .option('--json', 'print JSON')
    .action(
      action(async (o: InterestOptions, cmd: Command) => {
        const locale = localeOf(globalOptions(cmd));
        const currency = currencyArgument('--currency', o.currency, locale) as CurrencyCode;
        const law = choiceArgument('--law', o.law, INTEREST_LAWS, 'CLI_EXPECT_LAW', locale);
        const opt = <T>(text: string | undefined, read: (t: string) => T): T | null =>
          text === undefined ? null : read(text);
        const r = orThrow(
          computeLateInterest(
            {
              law,
              amountMinor: amountArgument('--amount', o.amount, currency, 'positive', locale),
              currency,
              dueOn: dateArgument('--due', o.due, locale),
              paidOn: dateArgument('--paid', o.paid, locale),
              rate: opt(o.rate, (t) => rateArgument('--rate', t, locale)),
              referenceRate: opt(o.referenceRate, (t) => rateListArgument('--reference-rate', t, locale)),
              country: opt(o.country, (t) => countryArgument('--country', t, locale)),
              marginPoints: opt(o.margin, (t) => percentArgument('--margin', t, locale, 50)),
              creditorIsSme: o.sme ?? null,
              debtorKind: opt(o.debtor, (t) =>
                choiceArgument('--debtor', t, CN_DEBTOR_KINDS, 'CLI_EXPECT_DEBTOR', locale),
              ),
              signedOn: opt(o.signed, (t) => dateArgument('--signed', t, locale)),
              deliveredOn: opt(o.delivered, (t) => dateArgument('--delivered', t, locale)),
            },
            DEFAULT_LATE_INTEREST_SETTINGS,
          ),
        );
        process.stdout.write(`${o.json ? JSON.stringify(r, null, 2) : formatLateInterest(r, locale)}\n`);
      }),
    );
}
