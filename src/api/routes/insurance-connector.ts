import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { syncInsurerCover } from '../../app/insurance/connector/sync.js';
import { type ApiDeps, orgRoute } from '../route.js';
import { localDate } from '../schemas/common.js';
import { insuranceSyncResponse } from '../schemas/insurance-connector.js';

/** The insurer connector's sync (writing roles) and the eligible-receivables pack. */
export function registerInsuranceConnectorRoutes(app: FastifyInstance, deps: ApiDeps): void {
  const { db, clock } = deps;
  const tags = ['insurance'];
  orgRoute(app, clock, {
    method: 'POST',
    url: '/api/v1/insurance/sync',
    permission: 'write:credit',
    summary:
      "Fetch the insurer's cover decisions, buyer grades and claims through the organisation's connector and write the decisions as buyer limits (dryRun: compare only)",
    tags,
    querystring: z.strictObject({
      asOf: localDate().optional().describe('the policy in force on this date (default today)'),
      dryRun: z.enum(['true', 'false']).default('false'),
    }),
    response: insuranceSyncResponse,
    handler: ({ auth, actor, query }) =>
      syncInsurerCover(db, {
        orgId: auth.orgId,
        asOf: query.asOf ?? clock.today(),
        dryRun: query.dryRun === 'true',
        actor,
      }),
  });
}
