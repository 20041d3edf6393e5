import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
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
import { fail, ok, type Result } from '../../core/shared/index.js';
import type { Db } from '../../db/connection.js';
import { listCustomerNames } from '../../db/stores/credit.js';
import { getOrganisation } from '../../db/stores/organisations.js';
import { type Locale, pickLocale } from '../../i18n/index.js';
import { type ApiDeps, orgRoute } from '../route.js';
import { id, okBody } from '../schemas/common.js';
import { scenarioBody, scenarioEditBody, scenarioListResponse, scenarioResponse } from '../schemas/scenarios.js';

/** Scenarios as the API answers them: the definition, the version, the assumptions in words. */
async function answer(db: Db, orgId: string, locale: Locale, list: readonly SavedScenario[]) {
  const [names, org] = await Promise.all([listCustomerNames(db, { orgId }), getOrganisation(db, { orgId })]);
  const nameOf = new Map(names.map((c) => [c.id, c.name]));
  const currency = org?.baseCurrency ?? 'CNY';
  return list.map((s) => {
    const { name: _title, ...definition } = s.definition;
    const words = describeScenario(s.definition, (x) => nameOf.get(x) ?? x);
    return {
      id: s.id,
      name: s.name,
      version: s.version,
      updatedAt: s.updatedAt,
      ...definition,
      assumptions: assumptionTexts(words, currency, locale),
    };
  });
}

/** A scenario not found is answered without echoing what was asked (another organisation's id stays unseen). */
const notFound = <T>(r: Result<T>): Result<T> =>
  !r.ok && r.error.code === 'SCENARIO_NOT_FOUND' ? fail('RECORD_NOT_FOUND', { resource: 'scenarios' }) : r;

async function one(db: Db, orgId: string, locale: Locale, found: Result<SavedScenario>) {
  const r = notFound(found);
  if (!r.ok) return r;
  const [shown] = await answer(db, orgId, locale, [r.value]);
  return ok(shown as NonNullable<typeof shown>);
}

const params = z.strictObject({ id: id().describe('the scenario’s id (or its name)') });

/**
 * Saved what-if scenarios of the caller's organisation (issue 17 item 5, docs/adr/0025): every
 * member reads them, writing roles (write:data) create, replace and delete them. The forecast
 * report runs them beside the three built-ins (`/api/v1/reports/forecast?compare=`).
 */
export function registerScenarioRoutes(app: FastifyInstance, { db, clock }: ApiDeps): void {
  const tags = ['scenarios'];
  const locale = (req: { headers: Record<string, unknown> }) =>
    pickLocale(req.headers['accept-language'] as string | undefined);
  orgRoute(app, clock, {
    ...{ method: 'GET', url: '/api/v1/scenarios', permission: 'read', tags },
    summary: 'Saved what-if scenarios with their assumptions in words',
    response: scenarioListResponse,
    handler: async ({ auth, req }) =>
      ok({ items: await answer(db, auth.orgId, locale(req), await listSavedScenarios(db, { orgId: auth.orgId })) }),
  });
  orgRoute(app, clock, {
    ...{ method: 'GET', url: '/api/v1/scenarios/:id', permission: 'read', tags, resource: 'scenarios', params },
    summary: 'One saved scenario',
    response: scenarioResponse,
    handler: async ({ auth, params: p, req }) =>
      one(db, auth.orgId, locale(req), await getSavedScenario(db, { orgId: auth.orgId, idOrName: p.id })),
  });
  orgRoute(app, clock, {
    ...{ method: 'POST', url: '/api/v1/scenarios', permission: 'write:data', tags, status: 201 },
    summary: 'Save a new scenario (its name unique in the organisation; customers by id or code)',
    body: scenarioBody,
    response: scenarioResponse,
    handler: async ({ auth, actor, body, req }) =>
      one(db, auth.orgId, locale(req), await createScenario(db, actor, body)),
  });
  orgRoute(app, clock, {
    ...{ method: 'PUT', url: '/api/v1/scenarios/:id', permission: 'write:data', tags, resource: 'scenarios', params },
    summary: 'Replace a saved scenario, from the version read (409 VERSION_CONFLICT when it changed since)',
    body: scenarioEditBody,
    response: scenarioResponse,
    handler: async ({ auth, actor, params: p, body, req }) => {
      const { version, ...definition } = body;
      return one(db, auth.orgId, locale(req), await updateScenario(db, actor, { idOrName: p.id, version, definition }));
    },
  });
  orgRoute(app, clock, {
    ...{
      method: 'DELETE',
      url: '/api/v1/scenarios/:id',
      permission: 'write:data',
      tags,
      resource: 'scenarios',
      params,
    },
    summary: 'Delete a saved scenario',
    response: okBody,
    handler: async ({ actor, params: p }) => {
      const r = notFound(await deleteScenario(db, actor, { idOrName: p.id }));
      return r.ok ? ok({ ok: true as const }) : r;
    },
  });
}
