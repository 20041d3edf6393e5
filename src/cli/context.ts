import type { Command } from 'commander';
import { openAppDatabase, resolveDatabaseUrl } from '../app/database.js';
import { resolveOrganisation } from '../app/organisation.js';
import type { Organisation } from '../core/model/index.js';
import { DomainFailure, type Result } from '../core/shared/index.js';
import type { Db } from '../db/connection.js';
import { type Locale, pickLocale, translate } from '../i18n/index.js';
import { EXIT_INTERNAL, exitCodeFor } from './exit-codes.js';

/** Global options every command shares. */
export interface GlobalOptions {
  db?: string;
  org?: string;
  lang?: string;
}

export function globalOptions(cmd: Command): GlobalOptions {
  return cmd.optsWithGlobals() as GlobalOptions;
}

export function localeOf(opts: GlobalOptions): Locale {
  return pickLocale(opts.lang ?? process.env.CASHGUARD_LANG ?? process.env.LANG?.replace('_', '-'));
}

/** Opens the database for one command and always closes it. */
export async function withDb<T>(opts: GlobalOptions, work: (db: Db) => Promise<T>): Promise<T> {
  const db = await openAppDatabase(resolveDatabaseUrl(opts.db));
  try {
    return await work(db);
  } finally {
    await db.close();
  }
}

export async function requireOrganisation(db: Db, opts: GlobalOptions): Promise<Organisation> {
  return orThrow(await resolveOrganisation(db, opts.org));
}

export function orThrow<T>(result: Result<T>): T {
  if (result.ok) return result.value;
  throw new DomainFailure(result.error);
}

/**
 * Runs a command action: domain failures print one translated line and set the exit code from
 * the table; anything else is a bug and prints its stack.
 */
export function action<A extends unknown[]>(run: (...args: A) => Promise<void>): (...args: A) => Promise<void> {
  return async (...args: A) => {
    const cmd = args[args.length - 1] as Command;
    try {
      await run(...args);
    } catch (error) {
      if (error instanceof DomainFailure) {
        const locale = localeOf(globalOptions(cmd));
        process.stderr.write(`${translate(error.code, error.details, locale)}\n`);
        process.exitCode = exitCodeFor(error.code);
        return;
      }
      process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exitCode = EXIT_INTERNAL;
    }
  };
}
