import type { Organisation } from '../../core/model/index.js';
import type { Db } from '../connection.js';
import type { Row } from '../schema.js';

export interface NewOrganisation {
  readonly id: string;
  readonly name: string;
  readonly baseCurrency: string;
  readonly weekStart?: number;
  readonly fiscalYearStartMonth?: number;
  readonly locale?: 'zh-CN' | 'en';
  readonly settings?: Record<string, unknown>;
  readonly createdAt: string;
}

export async function createOrganisation(db: Db, params: NewOrganisation): Promise<void> {
  await db.kysely
    .insertInto('organisations')
    .values({
      id: params.id,
      name: params.name,
      base_currency: params.baseCurrency,
      week_start: params.weekStart ?? 1,
      fiscal_year_start_month: params.fiscalYearStartMonth ?? 1,
      locale: params.locale ?? 'zh-CN',
      settings: JSON.stringify(params.settings ?? {}),
      created_at: params.createdAt,
    })
    .execute();
}

function toOrganisation(row: Row<'organisations'>): Organisation {
  return {
    id: row.id,
    name: row.name,
    baseCurrency: row.base_currency,
    weekStart: row.week_start,
    fiscalYearStartMonth: row.fiscal_year_start_month,
    locale: row.locale === 'en' ? 'en' : 'zh-CN',
    settings: JSON.parse(row.settings) as Record<string, unknown>,
  };
}

export async function getOrganisation(db: Db, params: { orgId: string }): Promise<Organisation | undefined> {
  const row = await db.kysely.selectFrom('organisations').selectAll().where('id', '=', params.orgId).executeTakeFirst();
  return row ? toOrganisation(row) : undefined;
}

/** The organisation, its row locked until the transaction ends (PostgreSQL; SQLite writes one at a time). */
export async function getOrganisationForUpdate(db: Db, params: { orgId: string }): Promise<Organisation | undefined> {
  const query = db.kysely.selectFrom('organisations').selectAll().where('id', '=', params.orgId);
  const row = await (db.dialect === 'postgres' ? query.forUpdate() : query).executeTakeFirst();
  return row ? toOrganisation(row) : undefined;
}

export async function listOrganisations(db: Db): Promise<Organisation[]> {
  const rows = await db.kysely.selectFrom('organisations').selectAll().orderBy('created_at').execute();
  return rows.map(toOrganisation);
}
