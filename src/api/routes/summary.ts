import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { type ApiDeps, orgRoute } from '../route.js';
import { localDate } from '../schemas/common.js';
import { summaryResponse } from '../schemas/reports.js';

/** The cash position of the caller's organisation (org from the session or token, never the query). */
export function registerSummaryRoute(app: FastifyInstance, { clock, cache, reports }: ApiDeps): void {
  orgRoute(app, clock, {
    method: 'GET',
    url: '/api/summary',
    permission: 'read',
    summary: 'Cash position: cash, receivables, payables, credit-line headroom, largest exposures',
    tags: ['summary'],
    querystring: z.strictObject({ asOf: localDate().optional().describe('default: today in China Standard Time') }),
    response: summaryResponse,
    handler: async ({ auth, query }) => {
      const asOf = query.asOf ?? clock.today();
      return cache.get(auth.orgId, `summary:${asOf}`, () => reports.run('summary', { orgId: auth.orgId, asOf }));
    },
  });
}
