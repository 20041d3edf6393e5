import { randomUUID } from 'node:crypto';
import {
  readStoredScenario,
  type ScenarioDefinition,
  type ScenarioElement,
  validateScenarioDefinition,
} from '../../core/scenarios/index.js';
import { fail, ok, type Result } from '../../core/shared/index.js';
import type { Db } from '../../db/connection.js';
import { listCustomerNames } from '../../db/stores/credit.js';
import {
  deleteScenario as deleteRow,
  findScenario,
  insertScenario,
  listScenarios,
  type ScenarioRow,
  updateScenario as updateRow,
} from '../../db/stores/scenarios.js';
import { withTransaction } from '../../db/transaction.js';
import { type Actor, writeAudit } from '../records/index.js';

/** A saved scenario as every front shows it: its title is the user's name for it, never its id. */
export interface SavedScenario {
  readonly id: string;
  readonly name: string;
  readonly version: number;
  readonly updatedAt: string | null;
  readonly definition: ScenarioDefinition;
}

const saved = (r: ScenarioRow): SavedScenario => ({
  id: r.id,
  name: r.name,
  version: r.version,
  updatedAt: r.updatedAt,
  definition: readStoredScenario(r.name, r.params),
});

export async function listSavedScenarios(db: Db, p: { orgId: string }): Promise<SavedScenario[]> {
  return (await listScenarios(db, p)).map(saved);
}

/** One saved scenario by id or name; SCENARIO_NOT_FOUND lists the names saved. */
export async function getSavedScenario(db: Db, p: { orgId: string; idOrName: string }): Promise<Result<SavedScenario>> {
  const row = await findScenario(db, p);
  if (row) return ok(saved(row));
  const names = (await listScenarios(db, { orgId: p.orgId })).map((r) => r.name);
  return fail('SCENARIO_NOT_FOUND', { value: p.idOrName, expected: names.join(', ') || '—' });
}

/**
 * The one check of a scenario as written, for the API and the CLI alike: the core validator with
 * the organisation's customers (named by id or code), each customer then stored by its id.
 */
export async function checkScenario(db: Db, orgId: string, raw: unknown): Promise<Result<ScenarioDefinition>> {
  const customers = await listCustomerNames(db, { orgId });
  const idOf = new Map<string, string>();
  for (const c of customers) {
    if (c.code) idOf.set(c.code, c.id);
    idOf.set(c.id, c.id);
  }
  const r = validateScenarioDefinition(raw, new Set(idOf.keys()));
  if (!r.ok) return r;
  const id = (x: string) => idOf.get(x) ?? x;
  const elements = r.value.elements.map((e): ScenarioElement => {
    if (e.kind === 'customer_default') return { ...e, customerId: id(e.customerId) };
    if (e.kind === 'payment_delay' && e.customerIds) return { ...e, customerIds: e.customerIds.map(id) };
    return e;
  });
  return ok({ ...r.value, elements });
}

const paramsJson = (d: ScenarioDefinition) =>
  JSON.stringify({ ...(d.description ? { description: d.description } : {}), elements: d.elements });

async function nameTaken(db: Db, orgId: string, name: string, exceptId: string | null): Promise<boolean> {
  const other = await findScenario(db, { orgId, idOrName: name });
  return other !== null && other.name === name && other.id !== exceptId;
}

export async function createScenario(db: Db, by: Actor, raw: unknown): Promise<Result<SavedScenario>> {
  const def = await checkScenario(db, by.orgId, raw);
  if (!def.ok) return def;
  return withTransaction(db, async (tx) => {
    if (await nameTaken(tx, by.orgId, def.value.name, null))
      return fail('SCENARIO_EXISTS', { field: 'name', value: def.value.name });
    const id = randomUUID();
    await insertScenario(tx, {
      orgId: by.orgId,
      id,
      name: def.value.name,
      params: paramsJson(def.value),
      updatedAt: by.now,
    });
    const row = await findScenario(tx, { orgId: by.orgId, idOrName: id });
    if (!row) return fail('SCENARIO_NOT_FOUND', { value: id });
    await writeAudit(tx, by, {
      action: 'scenario.create',
      entityType: 'scenario',
      entityId: id,
      before: null,
      after: row,
    });
    return ok(saved(row));
  });
}

/** Replaces a scenario; refused with VERSION_CONFLICT when it changed since `version` was read. */
export async function updateScenario(
  db: Db,
  by: Actor,
  p: { idOrName: string; version: number; definition: unknown },
): Promise<Result<SavedScenario>> {
  const def = await checkScenario(db, by.orgId, p.definition);
  if (!def.ok) return def;
  return withTransaction(db, async (tx) => {
    const before = await getSavedScenario(tx, { orgId: by.orgId, idOrName: p.idOrName });
    if (!before.ok) return before;
    const { id } = before.value;
    if (before.value.version !== p.version) return fail('VERSION_CONFLICT', { current: before.value.version });
    if (await nameTaken(tx, by.orgId, def.value.name, id))
      return fail('SCENARIO_EXISTS', { field: 'name', value: def.value.name });
    const params = paramsJson(def.value);
    const changed = await updateRow(tx, {
      orgId: by.orgId,
      id,
      version: p.version,
      name: def.value.name,
      params,
      updatedAt: by.now,
    });
    if (!changed) return fail('VERSION_CONFLICT', { current: before.value.version });
    const after = await getSavedScenario(tx, { orgId: by.orgId, idOrName: id });
    if (!after.ok) return after;
    await writeAudit(tx, by, {
      action: 'scenario.update',
      entityType: 'scenario',
      entityId: id,
      before: before.value,
      after: after.value,
    });
    return after;
  });
}

export async function deleteScenario(db: Db, by: Actor, p: { idOrName: string }): Promise<Result<SavedScenario>> {
  return withTransaction(db, async (tx) => {
    const before = await getSavedScenario(tx, { orgId: by.orgId, idOrName: p.idOrName });
    if (!before.ok) return before;
    await deleteRow(tx, { orgId: by.orgId, id: before.value.id });
    await writeAudit(tx, by, {
      action: 'scenario.delete',
      entityType: 'scenario',
      entityId: before.value.id,
      before: before.value,
      after: null,
    });
    return before;
  });
}
