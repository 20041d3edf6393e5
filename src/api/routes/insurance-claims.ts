import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { type ClaimView, fileClaim, listClaimViews, showClaim, updateClaim } from '../../app/insurance/index.js';
import { ok, type Result } from '../../core/shared/index.js';
import { type Locale, pickLocale, translate } from '../../i18n/index.js';
import { type ApiDeps, orgRoute } from '../route.js';
import { localDate, text } from '../schemas/common.js';
import {
  fileClaimBody,
  insuranceClaim,
  insuranceClaimsResponse,
  updateClaimBody,
} from '../schemas/insurance-claims.js';

const asOfQuery = z.strictObject({ asOf: localDate().optional().describe('default: today in China Standard Time') });

/** A claim with its status and documents in the caller's language beside their codes. */
function worded(c: ClaimView, locale: Locale) {
  return {
    ...c,
    statusText: translate(`INS_CLAIM_STATUS_${c.status}`, {}, locale),
    documents: c.documents.map((d) => ({
      ...d,
      documentText: translate(`INS_CLAIM_DOC_${d.document}`, {}, locale),
    })),
  };
}

async function said<T extends ClaimView>(r: Promise<Result<T>>, locale: Locale) {
  const v = await r;
  return v.ok ? ok({ ...v.value, ...worded(v.value, locale) }) : v;
}

/**
 * Trade credit insurance claims (docs/adr/0026): list and show (read), file and change (write:credit),
 * through the same use cases and validator as `cashguard insurance claim`.
 */
export function registerInsuranceClaimRoutes(app: FastifyInstance, deps: ApiDeps): void {
  const { db, clock } = deps;
  const tags = ['insurance'];
  orgRoute(app, clock, {
    method: 'GET',
    url: '/api/v1/insurance/claims',
    permission: 'read',
    summary:
      'Every claim: status, documents, indemnity by the policy arithmetic, recovery split, expected payment date',
    tags,
    querystring: asOfQuery,
    response: insuranceClaimsResponse,
    handler: async ({ auth, query, req }) => {
      const locale = pickLocale(req.headers['accept-language']);
      const r = await listClaimViews(db, { orgId: auth.orgId, asOf: query.asOf ?? clock.today() });
      return r.ok ? ok({ claims: r.value.map((c) => worded(c, locale)) }) : r;
    },
  });
  orgRoute(app, clock, {
    method: 'GET',
    url: '/api/v1/insurance/claims/:id',
    permission: 'read',
    summary: 'One claim (id or reference) with its status history',
    tags,
    resource: 'insurance/claims',
    params: z.strictObject({ id: text(100) }),
    querystring: asOfQuery,
    response: insuranceClaim,
    handler: ({ auth, params, query, req }) =>
      said(
        showClaim(db, { orgId: auth.orgId, asOf: query.asOf ?? clock.today(), claim: params.id }),
        pickLocale(req.headers['accept-language']),
      ),
  });
  orgRoute(app, clock, {
    method: 'POST',
    url: '/api/v1/insurance/claims',
    permission: 'write:credit',
    summary: 'File a claim (draft, every document missing) for a buyer and optionally one invoice',
    tags,
    status: 201,
    body: fileClaimBody,
    response: insuranceClaim,
    handler: ({ actor, body, req }) => said(fileClaim(db, actor, body), pickLocale(req.headers['accept-language'])),
  });
  orgRoute(app, clock, {
    method: 'PATCH',
    url: '/api/v1/insurance/claims/:id',
    permission: 'write:credit',
    summary:
      'Change a claim: status (draft → filed → documents complete → approved / partially approved / rejected → paid), documents, amounts, a recovery after payment',
    tags,
    resource: 'insurance/claims',
    params: z.strictObject({ id: text(100) }),
    body: updateClaimBody,
    response: insuranceClaim,
    handler: ({ actor, params, body, req }) =>
      said(
        updateClaim(db, actor, { claim: params.id, today: clock.today(), change: body }),
        pickLocale(req.headers['accept-language']),
      ),
  });
}
