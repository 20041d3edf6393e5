import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { fail, ok, type Result } from '../../core/shared/index.js';
import { type ApiDeps, orgRoute } from '../route.js';
import { localDate, text } from '../schemas/common.js';
import { creditLimit, creditReview, creditScore, oneCustomer } from '../schemas/credit-reports.js';
import { limitsInWords, reviewsInWords, scoresInWords } from './credit-reports.js';

const params = z.strictObject({ id: text(100).describe('customer id or code') });
const querystring = z.strictObject({ asOf: localDate().optional().describe('default: today in China Standard Time') });

/**
 * One customer's credit score, limit and review status (the onboarding route is beside the
 * decisions): what the customer page reads instead of the whole book's reports.
 */
export function registerCustomerCreditRoutes(app: FastifyInstance, deps: ApiDeps): void {
  const { clock } = deps;
  const common = { method: 'GET', permission: 'read', tags: ['credit'], resource: 'customers', params } as const;
  orgRoute(app, clock, {
    ...common,
    url: '/api/v1/credit/customers/:id/score',
    summary: "One customer's grade, PD, score 0-100 and reasons (each in words)",
    querystring,
    response: oneCustomer(creditScore),
    handler: async ({ auth, params: p, query, req }) => {
      const r = await scoresInWords(
        deps,
        auth.orgId,
        query.asOf ?? clock.today(),
        req.headers['accept-language'],
        p.id,
      );
      return r.ok ? picked(r.value.asOf, r.value.customers[0]) : r;
    },
  });
  orgRoute(app, clock, {
    ...common,
    url: '/api/v1/credit/customers/:id/limit',
    summary: "One customer's recommended and current credit limit, binding constraint, exposure and utilisation",
    querystring,
    response: oneCustomer(creditLimit),
    handler: async ({ auth, params: p, query, req }) => {
      const r = await limitsInWords(
        deps,
        auth.orgId,
        query.asOf ?? clock.today(),
        req.headers['accept-language'],
        p.id,
      );
      return r.ok ? picked(r.value.asOf, r.value.customers[0]) : r;
    },
  });
  orgRoute(app, clock, {
    ...common,
    url: '/api/v1/credit/customers/:id/review',
    summary: "One customer's credit review status: last review, next due date, and why it is due",
    querystring,
    response: oneCustomer(creditReview),
    handler: async ({ auth, params: p, query, req }) => {
      const r = await reviewsInWords(
        deps,
        auth.orgId,
        query.asOf ?? clock.today(),
        req.headers['accept-language'],
        p.id,
      );
      return r.ok ? picked(r.value.asOf, r.value.reviews[0]) : r;
    },
  });
}

/** The customer found, or the plain 404 every unknown customer gets (nothing about other tenants). */
function picked<T>(asOf: string, customer: T | undefined): Result<{ asOf: string; customer: T }> {
  return customer ? ok({ asOf, customer }) : fail('NOT_FOUND', {});
}
