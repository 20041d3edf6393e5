import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import {
  approveLimit,
  formatChecklistLine,
  formatReason,
  formatSafeLimit,
  lineDetails,
  nameDecision,
  nameOnboarding,
  nameOrderCheck,
  overrideHold,
  recordOnboardingCheck,
  recordReview,
  withActorNames,
} from '../../app/credit/index.js';
import { fail, ok, type Result } from '../../core/shared/index.js';
import { pickLocale, translate } from '../../i18n/index.js';
import { type ApiDeps, orgRoute } from '../route.js';
import { localDate, text } from '../schemas/common.js';
import { approveLimitBody, onboardingCheckBody, orderBody, overrideBody, reviewBody } from '../schemas/credit.js';
import {
  approvedLimitResponse,
  creditLimitsResponse,
  creditReviewsResponse,
  creditScoresResponse,
  onboardingResponse,
  recordedCheckResponse,
  recordedReviewResponse,
  riskStatesResponse,
} from '../schemas/credit-reports.js';
import { limitsInWords, reviewsInWords, riskInWords, scoresInWords } from './credit-reports.js';
import { registerCustomerCreditRoutes } from './customer-credit.js';

/** An unknown customer id answers a plain 404 that does not echo the id (it may be another tenant's). */
async function notFoundPlain<T>(result: Promise<Result<T>>): Promise<Result<T>> {
  const r = await result;
  return !r.ok && r.error.code === 'CUSTOMER_NOT_FOUND' ? fail('NOT_FOUND', {}) : r;
}

const asOfQuery = z.strictObject({ asOf: localDate().optional().describe('default: today in China Standard Time') });

/**
 * Credit scores, limits, reviews, onboarding and order checks (issue: buyer credit scoring).
 * Credit decisions (approve a limit, record a review or an onboarding check, override a hold)
 * need `write:credit`; overriding a hold also needs the role owner or credit_controller. Every
 * actor id in an answer comes with a name beside it (`approvedBy`, `approvedByName`), looked up
 * per answer and never cached with the report.
 */
export function registerCreditRoutes(app: FastifyInstance, deps: ApiDeps): void {
  const { db, clock } = deps;
  const tags = ['credit'];
  registerCustomerCreditRoutes(app, deps);
  orgRoute(app, clock, {
    method: 'GET',
    url: '/api/v1/credit/scores',
    permission: 'read',
    summary: 'Every customer: grade, PD, score 0-100, pillars and reasons',
    tags,
    querystring: asOfQuery,
    response: creditScoresResponse,
    handler: ({ auth, query, req }) =>
      scoresInWords(deps, auth.orgId, query.asOf ?? clock.today(), req.headers['accept-language']),
  });
  orgRoute(app, clock, {
    method: 'GET',
    url: '/api/v1/credit/risk-states',
    permission: 'read',
    summary:
      "Every customer's risk state, most serious first: status (insolvent, written off, on hold, to watch, normal) and why, grade, PD, hold reasons, exposure with its parts against the limit, insurer cover, disputes, and how the forecast treats it",
    tags,
    querystring: asOfQuery,
    response: riskStatesResponse,
    handler: ({ auth, query, req }) =>
      riskInWords(deps, auth.orgId, query.asOf ?? clock.today(), req.headers['accept-language']),
  });
  orgRoute(app, clock, {
    method: 'GET',
    url: '/api/v1/credit/limits',
    permission: 'read',
    summary: 'Recommended and current credit limits with the binding constraint, exposure and utilisation',
    tags,
    querystring: asOfQuery,
    response: creditLimitsResponse,
    handler: ({ auth, query, req }) =>
      limitsInWords(deps, auth.orgId, query.asOf ?? clock.today(), req.headers['accept-language']),
  });
  orgRoute(app, clock, {
    method: 'POST',
    url: '/api/v1/credit/limits',
    permission: 'write:credit',
    summary: 'Approve a credit limit for a customer (kept in its history with who, when and why)',
    tags,
    status: 201,
    body: approveLimitBody,
    response: approvedLimitResponse,
    handler: ({ auth, body }) =>
      notFoundPlain(
        withActorNames(approveLimit(db, { orgId: auth.orgId, ...body, actor: auth.actor, asOf: clock.today() }), (a) =>
          nameDecision(db, auth.orgId, a, 'approvedBy'),
        ),
      ),
  });
  orgRoute(app, clock, {
    method: 'GET',
    url: '/api/v1/credit/reviews',
    permission: 'read',
    summary: 'Customers due for a credit review, and why (each reason also in words)',
    tags,
    querystring: asOfQuery,
    response: creditReviewsResponse,
    handler: ({ auth, query, req }) =>
      reviewsInWords(deps, auth.orgId, query.asOf ?? clock.today(), req.headers['accept-language']),
  });
  orgRoute(app, clock, {
    method: 'POST',
    url: '/api/v1/credit/reviews',
    permission: 'write:credit',
    summary: 'Record a completed credit review of a customer: grade before and after, the next review date',
    tags,
    status: 201,
    body: reviewBody,
    response: recordedReviewResponse,
    handler: ({ auth, body }) => {
      const reviewer = body.reviewer ?? auth.actor;
      const recorded = recordReview(db, { orgId: auth.orgId, ...body, reviewer, asOf: clock.today() });
      return notFoundPlain(withActorNames(recorded, (r) => nameDecision(db, auth.orgId, r, 'reviewer')));
    },
  });
  orgRoute(app, clock, {
    method: 'POST',
    url: '/api/v1/credit/onboarding-checks',
    permission: 'write:credit',
    summary: 'Record an onboarding checklist item of a customer as done, failed or waived (today, by the caller)',
    tags,
    status: 201,
    body: onboardingCheckBody,
    response: recordedCheckResponse,
    handler: ({ auth, body }) => {
      const params = { orgId: auth.orgId, ...body, checkedOn: clock.today(), checkedBy: auth.actor };
      return notFoundPlain(
        withActorNames(recordOnboardingCheck(db, params), (c) => nameDecision(db, auth.orgId, c, 'checkedBy')),
      );
    },
  });
  orgRoute(app, clock, {
    method: 'GET',
    url: '/api/v1/credit/customers/:id/onboarding',
    permission: 'read',
    summary: 'Onboarding checklist of a customer: what is missing and the safe first limit',
    tags,
    resource: 'customers',
    params: z.strictObject({ id: text(100) }),
    querystring: asOfQuery,
    response: onboardingResponse,
    handler: async ({ auth, params, query, req }) => {
      const asOf = query.asOf ?? clock.today();
      // The checklist is kept like the reports (a write drops it); names and words are added per answer.
      const onboarding = deps.cache.get(auth.orgId, `onboarding:${asOf}:${params.id}`, () =>
        deps.reports.run('onboarding', { orgId: auth.orgId, customerId: params.id, asOf }),
      );
      const r = await notFoundPlain(withActorNames(onboarding, (o) => nameOnboarding(db, auth.orgId, o)));
      if (!r.ok) return r;
      const locale = pickLocale(req.headers['accept-language']);
      const o = r.value;
      return ok({
        ...o,
        lines: o.lines.map((l) => ({
          ...l,
          reason: { ...l.reason, message: formatChecklistLine(l, locale) },
          // The item in words, and apart from it what people recorded (names and notes in their own words).
          itemText: translate(`CO_ITEM_${l.item}`, {}, locale),
          details: lineDetails(l, locale),
        })),
        safeLimitReason: { ...o.safeLimitReason, message: formatSafeLimit(o, locale) },
        selfCheck: {
          ...o.selfCheck,
          reason: { ...o.selfCheck.reason, message: formatReason(o.selfCheck.reason, locale) },
        },
      });
    },
  });
  orgRoute(app, clock, {
    method: 'POST',
    url: '/api/v1/credit/check-order',
    permission: 'read',
    summary:
      'Credit hold check for a proposed order: allow or hold, with every reason (allow with the override, if any)',
    tags,
    body: orderBody,
    handler: ({ auth, body }) =>
      notFoundPlain(
        withActorNames(deps.reports.run('orderCheck', { orgId: auth.orgId, ...body, asOf: clock.today() }), (c) =>
          nameOrderCheck(db, auth.orgId, c),
        ),
      ),
  });
  orgRoute(app, clock, {
    method: 'POST',
    url: '/api/v1/credit/check-order/override',
    permission: 'write:credit',
    summary: 'Override the credit hold of one order (owner or credit controller): remembered for that order, audited',
    tags,
    body: overrideBody,
    handler: ({ auth, body }) => {
      const { orgId, actor, role } = auth;
      const overridden = overrideHold(db, {
        orgId,
        ...body,
        asOf: clock.today(),
        actor,
        role,
        now: clock.now().toISOString(),
      });
      return notFoundPlain(
        withActorNames(overridden, async (o) => ({ ...o, check: await nameOrderCheck(db, orgId, o.check) })),
      );
    },
  });
}
