import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { ok } from '../../core/shared/index.js';
import { type ApiDeps, orgRoute } from '../route.js';
import { worklistResponse } from '../schemas/collections.js';
import { localDate } from '../schemas/common.js';
import { sayer } from './credit-reports.js';

const asOfQuery = z.strictObject({ asOf: localDate().optional().describe('default: today in China Standard Time') });

/** Collections (issue: tiered collections): today's dunning worklist. */
export function registerCollectionsRoutes(app: FastifyInstance, deps: ApiDeps): void {
  const { clock, cache, reports } = deps;
  orgRoute(app, clock, {
    method: 'GET',
    url: '/api/v1/collections/worklist',
    permission: 'read',
    summary:
      "Today's dunning actions, one per customer per ladder stage, ranked by open amount × PD × probability of further delay, each with its reasons in words; disputed invoices and paused customers listed apart",
    tags: ['collections'],
    querystring: asOfQuery,
    response: worklistResponse,
    handler: async ({ auth, query, req }) => {
      const asOf = query.asOf ?? clock.today();
      const r = await cache.get(auth.orgId, `collections-worklist:${asOf}`, () =>
        reports.run('collectionsWorklist', { orgId: auth.orgId, asOf }),
      );
      if (!r.ok) return r;
      const say = sayer(req.headers['accept-language']);
      return ok({ ...r.value, items: r.value.items.map((i) => ({ ...i, reasons: say(i.reasons) })) });
    },
  });
}
