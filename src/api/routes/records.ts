import type { FastifyInstance } from 'fastify';
import {
  createRecord,
  deleteRecord,
  getRecord,
  keyOf,
  listRecords,
  RECORD_KINDS,
  type RecordKind,
  updateRecord,
} from '../../app/records/index.js';
import { ok } from '../../core/shared/index.js';
import type { ApiDeps } from '../route.js';
import { orgRoute } from '../route.js';
import { okBody } from '../schemas/common.js';
import { listResponse, schemasFor } from '../schemas/records.js';

const splitFilters = (kind: RecordKind, query: Record<string, unknown>) =>
  Object.fromEntries(kind.filters.filter((f) => typeof query[f] === 'string').map((f) => [f, String(query[f])]));

/** List, get, create, update and delete for every record kind, from the kind table. */
function registerKind(app: FastifyInstance, { db, clock }: ApiDeps, kind: RecordKind): void {
  const s = schemasFor(kind);
  const base = `/api/v1/${kind.path}`;
  const item = `${base}/${kind.key.map((k) => `:${k}`).join('/')}`;
  const write = kind.area === 'credit' ? 'write:credit' : 'write:data';
  const tags = [kind.path];
  const common = { tags, resource: kind.path } as const;
  orgRoute(app, clock, {
    ...common,
    method: 'GET',
    url: base,
    permission: 'read',
    summary: `List ${kind.path}`,
    querystring: s.list,
    response: listResponse(s),
    handler: async ({ auth, query }) => {
      const { from, to, sort, limit, offset, ...rest } = query as Record<string, unknown> & {
        limit: number;
        offset: number;
      };
      const bounds = {
        ...(typeof from === 'string' ? { from } : {}),
        ...(typeof to === 'string' ? { to } : {}),
        ...(typeof sort === 'string' ? { sort } : {}),
      };
      return ok(
        await listRecords(db, kind, { orgId: auth.orgId, filters: splitFilters(kind, rest), limit, offset, ...bounds }),
      );
    },
  });
  orgRoute(app, clock, {
    ...common,
    method: 'GET',
    url: item,
    permission: 'read',
    summary: `Get one of ${kind.path}`,
    params: s.params,
    response: s.item,
    handler: async ({ auth, params }) =>
      getRecord(db, kind, { orgId: auth.orgId, key: keyOf(kind, params as Record<string, string>) }),
  });
  orgRoute(app, clock, {
    ...common,
    method: 'POST',
    url: base,
    permission: write,
    summary: `Create one of ${kind.path}`,
    body: s.create,
    response: s.item,
    status: 201,
    handler: async ({ actor, body }) => createRecord(db, kind, actor, body as Record<string, unknown>),
  });
  orgRoute(app, clock, {
    ...common,
    method: 'PATCH',
    url: item,
    permission: write,
    summary: `Update one of ${kind.path}`,
    params: s.params,
    body: s.update,
    response: s.item,
    handler: async ({ actor, params, body }) =>
      updateRecord(db, kind, actor, keyOf(kind, params as Record<string, string>), body as Record<string, unknown>),
  });
  orgRoute(app, clock, {
    ...common,
    method: 'DELETE',
    url: item,
    permission: write,
    summary: `Delete one of ${kind.path}`,
    params: s.params,
    response: okBody,
    handler: async ({ actor, params }) => {
      const result = await deleteRecord(db, kind, actor, keyOf(kind, params as Record<string, string>));
      return result.ok ? ok({ ok: true as const }) : result;
    },
  });
}

export function registerRecordRoutes(app: FastifyInstance, deps: ApiDeps): void {
  for (const kind of RECORD_KINDS) registerKind(app, deps, kind);
}
