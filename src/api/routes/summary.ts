import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { readOrganisation } from '../../app/accounts/index.js';
import { getSummary } from '../../app/summary.js';
import { ok } from '../../core/shared/index.js';
import { type ApiDeps, orgRoute } from '../route.js';
import { localDate } from '../schemas/common.js';
import { summaryResponse } from '../schemas/reports.js';

/** The cash position of the caller's organisation (org from the session or token, never the query). */
export function registerSummaryRoute(app: FastifyInstance, { db, clock, cache }: ApiDeps): void {
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
      return cache.get(auth.orgId, `summary:${asOf}`, async () => {
        const org = await readOrganisation(db, { orgId: auth.orgId });
        return org.ok ? ok(await getSummary(db, { organisation: org.value, asOf })) : org;
      });
    },
  });
}
