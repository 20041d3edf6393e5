import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { syncInsurerCover } from '../../app/insurance/connector/sync.js';
import { eligiblePack, eligibleWorkbook } from '../../app/insurance/eligible-pack.js';
import { ok } from '../../core/shared/index.js';
import { pickLocale, translate } from '../../i18n/index.js';
import { type ApiDeps, orgRoute } from '../route.js';
import { localDate } from '../schemas/common.js';
import { insuranceEligibleResponse, insuranceSyncResponse } from '../schemas/insurance-connector.js';

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
  const asOfQuery = z.strictObject({ asOf: localDate().optional().describe('default: today in China Standard Time') });
  orgRoute(app, clock, {
    method: 'GET',
    url: '/api/v1/insurance/eligible',
    permission: 'read',
    summary:
      'Insured receivables a bank would take as collateral: open, insured, not disputed, not overdue beyond the maximum extension; the excluded ones and why; totals per currency and the loss payee',
    tags,
    querystring: asOfQuery,
    response: insuranceEligibleResponse,
    handler: async ({ auth, query, req }) => {
      const r = await eligiblePack(db, { orgId: auth.orgId, asOf: query.asOf ?? clock.today() });
      if (!r.ok) return r;
      const locale = pickLocale(req.headers['accept-language']);
      const excluded = r.value.excluded.map((x) => ({
        ...x,
        reasonTexts: x.reasons.map((code) => translate(code, {}, locale)),
      }));
      return ok({ ...r.value, excluded });
    },
  });
  orgRoute(app, clock, {
    method: 'GET',
    url: '/api/v1/insurance/eligible.xlsx',
    permission: 'read',
    summary:
      'The eligible-receivables pack as an Excel workbook (the invoices and a summary sheet), headers in the language of Accept-Language',
    tags,
    querystring: asOfQuery,
    handler: async ({ auth, query, req, reply }) => {
      const asOf = query.asOf ?? clock.today();
      const r = await eligiblePack(db, { orgId: auth.orgId, asOf });
      if (!r.ok) return r;
      const file = await eligibleWorkbook(r.value, pickLocale(req.headers['accept-language']));
      reply.header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
      reply.header('content-disposition', `attachment; filename="cashguard-eligible-receivables-${asOf}.xlsx"`);
      return ok(file);
    },
  });
}
