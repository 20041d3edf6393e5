import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import type { Command } from 'commander';
import {
  createOrganisationWithOwner,
  deleteOrganisation,
  exportOrganisation,
} from '../../app/accounts/organisations-admin.js';
import { systemClock } from '../../app/clock.js';
import { resolveDatabaseUrl } from '../../app/database.js';
import { DomainFailure } from '../../core/shared/index.js';
import { BackupError, backupDatabase, restoreDatabase } from '../../db/backup.js';
import { listOrganisations } from '../../db/stores/organisations.js';
import { renderTable } from '../../i18n/format.js';
import { type Locale, translate } from '../../i18n/index.js';
import { action, globalOptions, localeOf, orThrow, withDb } from '../context.js';
import { currencyArgument, wholeNumberArgument } from './arguments.js';

const say = (code: string, data: Record<string, unknown>, locale: Locale) =>
  process.stdout.write(`${translate(code, data, locale)}\n`);

/** The password from a file (its first line), or typed at a terminal without echo, or the first line piped in. */
async function readPassword(file: string | undefined, locale: Locale): Promise<string> {
  if (file !== undefined) {
    if (!existsSync(file)) throw new DomainFailure({ code: 'FILE_NOT_FOUND', details: { file } });
    return (readFileSync(file, 'utf8').split(/\r?\n/)[0] ?? '').replace(/^\uFEFF/, '');
  }
  const tty = process.stdin.isTTY === true;
  const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: tty });
  if (tty) {
    process.stdout.write(locale === 'zh-CN' ? '所有者密码：' : 'Owner password: ');
    // Nothing typed is echoed.
    (rl as unknown as { _writeToOutput: (s: string) => void })._writeToOutput = () => {};
  }
  const line = await new Promise<string | undefined>((resolve) => {
    rl.once('line', resolve);
    rl.once('close', () => resolve(undefined));
  });
  rl.close();
  if (tty) process.stdout.write('\n');
  if (line === undefined || line.length === 0) throw new DomainFailure({ code: 'PASSWORD_MISSING', details: {} });
  return line;
}

/** `cashguard org create|list|export|delete`, `cashguard backup`, `cashguard restore`. */
export function addOrganisationCommands(program: Command): void {
  const org = program
    .command('org')
    .description('organisations: create with an owner, list, export, delete / 企业管理');

  org
    .command('create')
    .description('create an organisation with its first owner, who can log in at once / 创建企业及其所有者账户')
    .requiredOption('--name <name>', 'company name')
    .requiredOption('--owner-email <email>', "the owner's e-mail (an existing account is added as owner)")
    .option('--owner-name <name>', "the owner's name")
    .option('--password-file <file>', "a file whose first line is the owner's password (else asked for)")
    .option('--currency <code>', 'base currency', 'CNY')
    .option('--week-start <day>', 'ISO day weeks start on (1 = Monday, 7 = Sunday)', '1')
    .action(
      action(
        async (
          o: {
            name: string;
            ownerEmail: string;
            ownerName?: string;
            passwordFile?: string;
            currency: string;
            weekStart: string;
          },
          cmd: Command,
        ) => {
          const opts = globalOptions(cmd);
          const locale = localeOf(opts);
          const currency = currencyArgument('--currency', o.currency, locale);
          const weekStart = wholeNumberArgument('--week-start', o.weekStart, locale, 1, 7);
          const password = await readPassword(o.passwordFile, locale);
          await withDb(opts, async (db) => {
            const made = orThrow(
              await createOrganisationWithOwner(db, {
                name: o.name,
                baseCurrency: currency,
                weekStart,
                locale,
                ownerEmail: o.ownerEmail,
                ...(o.ownerName === undefined ? {} : { ownerName: o.ownerName }),
                password,
                now: systemClock.now().toISOString(),
              }),
            );
            say(
              'ORG_CREATED',
              {
                name: o.name.trim(),
                orgId: made.orgId,
                email: o.ownerEmail.trim().toLowerCase(),
                account: made.newAccount ? '' : translate('ORG_CREATED_EXISTING_ACCOUNT', {}, locale),
              },
              locale,
            );
          });
        },
      ),
    );

  org
    .command('list')
    .description('the organisations in the database / 列出企业')
    .option('--json', 'print JSON')
    .action(
      action(async (o: { json?: boolean }, cmd: Command) => {
        const opts = globalOptions(cmd);
        await withDb(opts, async (db) => {
          const all = await listOrganisations(db);
          const rows = all.map((x) => ({ id: x.id, name: x.name, baseCurrency: x.baseCurrency }));
          const zh = localeOf(opts) === 'zh-CN';
          const table = renderTable([
            ['id', zh ? '名称' : 'name', zh ? '本位币' : 'currency'],
            ...rows.map((r) => [r.id, r.name, r.baseCurrency]),
          ]);
          process.stdout.write(`${o.json ? JSON.stringify(rows, null, 2) : table}\n`);
        });
      }),
    );

  org
    .command('export <file>')
    .description("write one organisation's data whole as JSON (no passwords) / 导出企业全部数据")
    .action(
      action(async (file: string, _o: unknown, cmd: Command) => {
        const opts = globalOptions(cmd);
        await withDb(opts, async (db) => {
          const orgId = await chosenOrganisation(db, opts.org);
          const data = orThrow(await exportOrganisation(db, orgId));
          writeFileSync(file, `${JSON.stringify(data, null, 1)}\n`);
          const rows = Object.values(data.tables).reduce((n, t) => n + t.length, 0);
          say(
            'ORG_EXPORTED',
            { orgId, file, rows, tables: Object.keys(data.tables).length, users: data.users.length },
            localeOf(opts),
          );
        });
      }),
    );

  org
    .command('delete')
    .description('delete one organisation whole, in one transaction / 删除企业及其全部数据')
    .option('--yes', 'confirm: the data is removed for good')
    .action(
      action(async (o: { yes?: boolean }, cmd: Command) => {
        const opts = globalOptions(cmd);
        const locale = localeOf(opts);
        if (!opts.org)
          throw new DomainFailure({
            code: 'INVALID_ARGUMENT',
            details: { field: '--org', value: '', expected: 'the id of the organisation to delete' },
          });
        if (!o.yes) throw new DomainFailure({ code: 'ORG_DELETE_CONFIRM', details: {} });
        await withDb(opts, async (db) => {
          const deleted = orThrow(await deleteOrganisation(db, opts.org as string));
          const rows = Object.values(deleted.rows).reduce((n, r) => n + r, 0);
          say('ORG_DELETED', { orgId: opts.org, rows, users: deleted.users }, locale);
        });
      }),
    );

  program
    .command('backup <file>')
    .description('online backup of the whole database (SQLite backup API, or pg_dump) / 在线备份数据库')
    .action(
      action(async (file: string, _o: unknown, cmd: Command) => {
        const opts = globalOptions(cmd);
        const url = resolveDatabaseUrl(opts.db);
        await withDb(opts, async (db) => {
          const bytes = await backupDatabase(db, url, file);
          say('BACKUP_WRITTEN', { location: db.location, file, bytes }, localeOf(opts));
        });
      }),
    );

  program
    .command('restore <file>')
    .description('restore a backup into a new, empty database (--db) / 将备份恢复到新的空数据库')
    .action(
      action(async (file: string, _o: unknown, cmd: Command) => {
        const opts = globalOptions(cmd);
        const url = resolveDatabaseUrl(opts.db);
        try {
          const restored = await restoreDatabase(file, url);
          say(
            'RESTORED',
            { file, location: url.replace(/:\/\/([^:@/]+):[^@/]*@/, '://$1@'), ...restored },
            localeOf(opts),
          );
        } catch (error) {
          if (error instanceof BackupError) throw new DomainFailure({ code: error.code, details: error.details });
          throw error;
        }
      }),
    );
}

/** The organisation named by --org, or the only one. */
async function chosenOrganisation(
  db: Parameters<typeof listOrganisations>[0],
  org: string | undefined,
): Promise<string> {
  const { resolveOrganisation } = await import('../../app/organisation.js');
  return orThrow(await resolveOrganisation(db, org)).id;
}
