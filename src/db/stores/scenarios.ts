import type { Db } from '../connection.js';

/** One saved scenario row: its params JSON parsed, its version a number on both dialects. */
export interface ScenarioRow {
  readonly id: string;
  readonly name: string;
  readonly params: Readonly<Record<string, unknown>>;
  readonly version: number;
  readonly updatedAt: string | null;
}

function parseParams(text: string): Record<string, unknown> {
  const value: unknown = JSON.parse(text);
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

const toRow = (r: {
  id: string;
  name: string;
  params: string;
  version: number | string;
  updated_at: string | null;
}) => ({
  id: r.id,
  name: r.name,
  params: parseParams(r.params),
  version: Number(r.version),
  updatedAt: r.updated_at,
});

/** Every saved scenario of the organisation, by name. */
export async function listScenarios(db: Db, p: { orgId: string }): Promise<ScenarioRow[]> {
  const rows = await db.kysely
    .selectFrom('scenarios')
    .select(['id', 'name', 'params', 'version', 'updated_at'])
    .where('org_id', '=', p.orgId)
    .orderBy('name')
    .execute();
  return rows.map(toRow);
}

/** One saved scenario of the organisation, by its id or its name. */
export async function findScenario(db: Db, p: { orgId: string; idOrName: string }): Promise<ScenarioRow | null> {
  const rows = await db.kysely
    .selectFrom('scenarios')
    .select(['id', 'name', 'params', 'version', 'updated_at'])
    .where('org_id', '=', p.orgId)
    .where((eb) => eb.or([eb('id', '=', p.idOrName), eb('name', '=', p.idOrName)]))
    .execute();
  const row = rows.find((r) => r.id === p.idOrName) ?? rows[0];
  return row ? toRow(row) : null;
}

export async function insertScenario(
  db: Db,
  p: { orgId: string; id: string; name: string; params: string; updatedAt: string },
): Promise<void> {
  await db.kysely
    .insertInto('scenarios')
    .values({ org_id: p.orgId, id: p.id, name: p.name, params: p.params, version: 1, updated_at: p.updatedAt })
    .execute();
}

/** Replaces a scenario when it is still at `version`; returns whether a row was changed. */
export async function updateScenario(
  db: Db,
  p: { orgId: string; id: string; version: number; name: string; params: string; updatedAt: string },
): Promise<boolean> {
  const r = await db.kysely
    .updateTable('scenarios')
    .set({ name: p.name, params: p.params, version: p.version + 1, updated_at: p.updatedAt })
    .where('org_id', '=', p.orgId)
    .where('id', '=', p.id)
    .where('version', '=', p.version)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

export async function deleteScenario(db: Db, p: { orgId: string; id: string }): Promise<boolean> {
  const r = await db.kysely
    .deleteFrom('scenarios')
    .where('org_id', '=', p.orgId)
    .where('id', '=', p.id)
    .executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}
