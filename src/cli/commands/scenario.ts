import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { systemClock } from '../../app/clock.js';
import {
  assumptionTexts,
  createScenario,
  deleteScenario,
  getSavedScenario,
  listSavedScenarios,
  type SavedScenario,
  updateScenario,
} from '../../app/scenarios/index.js';
import { describeScenario } from '../../core/scenarios/index.js';
import { DomainFailure } from '../../core/shared/index.js';
import type { Db } from '../../db/connection.js';
import { listCustomerNames } from '../../db/stores/credit.js';
import { renderTable } from '../../i18n/format.js';
import { type Locale, translate } from '../../i18n/index.js';
import {
  action,
  type GlobalOptions,
  globalOptions,
  localeOf,
  orThrow,
  requireOrganisation,
  withDb,
} from '../context.js';
import { cliActor } from './credit.js';

const HELP = `
A scenario file is JSON: { "name": "...", "description": "...", "elements": [ ... ] }, each element one of
  { "kind": "customer_default", "customerId": "C001", "on": "2027-01-15" }
  { "kind": "payment_delay", "days": 30 }                      (every customer)
  { "kind": "payment_delay", "days": 15, "customerIds": ["C001", "C002"] }
  { "kind": "sales_drop", "percent": 20, "fromMonth": "2027-02" }
  { "kind": "credit_line_not_renewed" }
  { "kind": "new_loan", "amountMinor": 50000000, "on": "2027-01-10",
    "repayments": [{ "on": "2027-04-10", "amountMinor": 25000000 }] }
  { "kind": "large_purchase", "amountMinor": 12000000, "on": "2027-02-01", "label": "New press" }
  { "kind": "fx_shift", "currency": "USD", "percent": -10 }
Amounts are in fen (minor units of the base currency); customers by id or code.
Compare with: cashguard forecast --scenario NAME (or --compare NAME,NAME)`;

async function readScenarioFile(file: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new DomainFailure(
      { code: 'SCENARIO_FILE_UNREADABLE', details: { file, reason: (error as Error).message } },
      { cause: error },
    );
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new DomainFailure(
      { code: 'SCENARIO_FILE_UNREADABLE', details: { file, reason: (error as Error).message } },
      { cause: error },
    );
  }
}

async function customerNames(db: Db, orgId: string): Promise<Map<string, string>> {
  return new Map((await listCustomerNames(db, { orgId })).map((c) => [c.id, c.name]));
}

function scenarioJson(s: SavedScenario, names: ReadonlyMap<string, string>, currency: string, locale: Locale) {
  const words = assumptionTexts(
    describeScenario(s.definition, (id) => names.get(id) ?? id),
    currency,
    locale,
  );
  const { name: _title, ...definition } = s.definition;
  return { id: s.id, name: s.name, version: s.version, updatedAt: s.updatedAt, ...definition, assumptions: words };
}

async function withOrg(
  cmd: Command,
  work: (ctx: { db: Db; orgId: string; currency: string; locale: Locale; opts: GlobalOptions }) => Promise<void>,
) {
  const opts = globalOptions(cmd);
  const locale = localeOf(opts);
  await withDb(opts, async (db) => {
    const org = await requireOrganisation(db, opts);
    await work({ db, orgId: org.id, currency: org.baseCurrency, locale, opts });
  });
}

const actor = (orgId: string) => ({ orgId, actor: cliActor(), now: systemClock.now().toISOString() });

export function addScenarioCommand(program: Command): void {
  const group = program
    .command('scenario')
    .description('saved what-if scenarios / 自定义情景（保存、查看、删除）')
    .addHelpText('after', HELP);
  group
    .command('list')
    .description('saved scenarios with their assumptions / 已保存的情景')
    .option('--json', 'print JSON')
    .action(
      action(async (options: { json?: boolean }, cmd: Command) =>
        withOrg(cmd, async ({ db, orgId, currency, locale }) => {
          const names = await customerNames(db, orgId);
          const all = (await listSavedScenarios(db, { orgId })).map((s) => scenarioJson(s, names, currency, locale));
          if (options.json) return void process.stdout.write(`${JSON.stringify(all, null, 2)}\n`);
          const t = (code: string, d: Record<string, unknown> = {}) => translate(code, d, locale);
          if (all.length === 0) return void process.stdout.write(`${t('SCENARIO_LIST_EMPTY')}\n`);
          const rows = all.map((s) => [s.name, s.assumptions.join(' ')]);
          process.stdout.write(
            `${t('SCENARIO_LIST_TITLE')}\n${renderTable([[t('SCENARIO_COL_NAME'), t('SCENARIO_COL_ASSUMPTIONS')], ...rows])}\n`,
          );
        }),
      ),
    );
  group
    .command('show <name>')
    .description('one saved scenario, its elements and its assumptions in words / 查看情景')
    .option('--json', 'print JSON')
    .action(
      action(async (name: string, options: { json?: boolean }, cmd: Command) =>
        withOrg(cmd, async ({ db, orgId, currency, locale }) => {
          const s = orThrow(await getSavedScenario(db, { orgId, idOrName: name }));
          const shown = scenarioJson(s, await customerNames(db, orgId), currency, locale);
          if (options.json) return void process.stdout.write(`${JSON.stringify(shown, null, 2)}\n`);
          const lines = [shown.name, ...(shown.description ? [shown.description] : [])];
          process.stdout.write(`${[...lines, ...shown.assumptions.map((a) => `- ${a}`)].join('\n')}\n`);
        }),
      ),
    );
  group
    .command('add')
    .description('save a scenario from a JSON file; --replace changes the one of that name / 保存情景')
    .requiredOption('--file <file>', 'scenario JSON file')
    .option('--replace', 'replace the saved scenario of the same name')
    .option('--json', 'print JSON')
    .action(
      action(async (options: { file: string; replace?: boolean; json?: boolean }, cmd: Command) =>
        withOrg(cmd, async ({ db, orgId, currency, locale }) => {
          const raw = await readScenarioFile(options.file);
          const name = typeof raw === 'object' && raw !== null ? (raw as { name?: unknown }).name : undefined;
          const existing =
            options.replace && typeof name === 'string'
              ? await getSavedScenario(db, { orgId, idOrName: name.trim() })
              : null;
          const r =
            existing?.ok === true
              ? await updateScenario(db, actor(orgId), {
                  idOrName: existing.value.id,
                  version: existing.value.version,
                  definition: raw,
                })
              : await createScenario(db, actor(orgId), raw);
          const s = orThrow(r);
          if (options.json)
            return void process.stdout.write(
              `${JSON.stringify(scenarioJson(s, await customerNames(db, orgId), currency, locale), null, 2)}\n`,
            );
          process.stdout.write(`${translate('SCENARIO_SAVED', { name: s.name }, locale)}\n`);
        }),
      ),
    );
  group
    .command('delete <name>')
    .description('delete a saved scenario / 删除情景')
    .option('--json', 'print JSON')
    .action(
      action(async (name: string, options: { json?: boolean }, cmd: Command) =>
        withOrg(cmd, async ({ db, orgId, locale }) => {
          const s = orThrow(await deleteScenario(db, actor(orgId), { idOrName: name }));
          process.stdout.write(
            options.json
              ? `${JSON.stringify({ id: s.id, name: s.name, deleted: true })}\n`
              : `${translate('SCENARIO_DELETED', { name: s.name }, locale)}\n`,
          );
        }),
      ),
    );
}
