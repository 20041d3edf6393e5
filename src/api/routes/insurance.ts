import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { describeCoverReason } from '../../app/insurance/index.js';
import { ok } from '../../core/shared/index.js';
import { pickLocale, translate } from '../../i18n/index.js';
import { type ApiDeps, orgRoute } from '../route.js';
import { localDate } from '../schemas/common.js';
import { insuranceCoverResponse, insuranceDeadlinesResponse, insuranceValueResponse } from '../schemas/insurance.js';
import { registerInsuranceClaimRoutes } from './insurance-claims.js';

const asOfQuery = z.strictObject({ asOf: localDate().optional().describe('default: today in China Standard Time') });

/**
 * Trade credit insurance reports of the organisation's book under the policy in force (read
 * permission; computed once per organisation and date through the report cache). Reasons and
 * deadline words come in the caller's language beside their codes.
 */
export function registerInsuranceRoutes(app: FastifyInstance, deps: ApiDeps): void {
  const { clock, cache, reports } = deps;
  const tags = ['insurance'];
  orgRoute(app, clock, {
    method: 'GET',
    url: '/api/v1/insurance/cover',
    permission: 'read',
    summary: "Each open invoice insured or not and why; each buyer's limit, insured part, own risk and utilisation",
    tags,
    querystring: asOfQuery,
    response: insuranceCoverResponse,
    handler: async ({ auth, query, req }) => {
      const asOf = query.asOf ?? clock.today();
      const r = await cache.get(auth.orgId, `insurance-cover:${asOf}`, () =>
        reports.run('insuranceCover', { orgId: auth.orgId, asOf }),
      );
      if (!r.ok) return r;
      const locale = pickLocale(req.headers['accept-language']);
      const invoices = r.value.invoices.map((i) => ({
        ...i,
        reasons: i.reasons.map((x) => ({ ...x, message: describeCoverReason(x, r.value.currency, locale) })),
      }));
      return ok({ ...r.value, invoices });
    },
  });
  orgRoute(app, clock, {
    method: 'GET',
    url: '/api/v1/insurance/deadlines',
    permission: 'read',
    summary:
      'Policy deadlines of the insured open invoices from their original due dates: overdue notification, stop deliveries, transfer to collection, claim filing',
    tags,
    querystring: asOfQuery,
    response: insuranceDeadlinesResponse,
    handler: async ({ auth, query, req }) => {
      const asOf = query.asOf ?? clock.today();
      const r = await cache.get(auth.orgId, `insurance-deadlines:${asOf}`, () =>
        reports.run('insuranceDeadlines', { orgId: auth.orgId, asOf }),
      );
      if (!r.ok) return r;
      const locale = pickLocale(req.headers['accept-language']);
      const deadlines = r.value.deadlines.map((d) => ({
        ...d,
        kindText: translate(`INS_DEADLINE_${d.kind}`, {}, locale),
        levelText: translate(`INS_LEVEL_${d.level}`, {}, locale),
      }));
      return ok({ ...r.value, deadlines });
    },
  });
  orgRoute(app, clock, {
    method: 'GET',
    url: '/api/v1/insurance/value',
    permission: 'read',
    summary: 'Expected and 99 % loss of the receivables with and without the policy, the premium and the break-even',
    tags,
    querystring: asOfQuery,
    response: insuranceValueResponse,
    handler: ({ auth, query }) => {
      const asOf = query.asOf ?? clock.today();
      return cache.get(auth.orgId, `insurance-value:${asOf}`, () =>
        reports.run('insuranceValue', { orgId: auth.orgId, asOf }),
      );
    },
  });
  registerInsuranceClaimRoutes(app, deps);
}
