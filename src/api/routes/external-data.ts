import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { customerExternalData } from '../../app/external-data/import.js';
import { fail, ok } from '../../core/shared/index.js';
import { type ApiDeps, orgRoute } from '../route.js';
import { text } from '../schemas/common.js';

const params = z.strictObject({ id: text(100).describe('customer id or code') });

const externalData = z.object({
  customer: z.object({ id: z.string(), code: z.string(), name: z.string() }),
  registrations: z.array(
    z.object({
      customer_id: z.string(),
      source: z.string(),
      reported_on: z.string(),
      credit_code: z.string().nullable(),
      name: z.string().nullable(),
      legal_representative: z.string().nullable(),
      founded_on: z.string().nullable(),
      capital_minor: z.number().nullable(),
      capital_currency: z.string().nullable(),
      status: z.string().nullable().describe('active | revoked | deregistered | other'),
      status_text: z.string().nullable(),
      shareholders: z.number().nullable(),
    }),
  ),
  events: z.array(
    z.object({
      id: z.string(),
      customerId: z.string(),
      type: z.string(),
      occurredOn: z.string(),
      reference: z.string(),
      amountMinor: z.number().nullable(),
      currency: z.string().nullable(),
      source: z.string().nullable(),
      description: z.string().nullable(),
      resolvedOn: z.string().nullable(),
    }),
  ),
  ratings: z.array(z.object({ customerId: z.string(), agency: z.string(), ratedOn: z.string(), value: z.string() })),
});

/** A customer's external data: registration facts, legal events and ratings history (docs/adr/0029). */
export function registerExternalDataRoutes(app: FastifyInstance, deps: ApiDeps): void {
  orgRoute(app, deps.clock, {
    method: 'GET',
    url: '/api/v1/customers/:id/external-data',
    permission: 'read',
    tags: ['credit'],
    resource: 'customers',
    params,
    summary: "One customer's registration facts, legal events and ratings history, each with its date and source",
    response: externalData,
    handler: async ({ auth, params: p }) => {
      const r = await customerExternalData(deps.db, { orgId: auth.orgId, customer: p.id });
      return r ? ok(r) : fail('NOT_FOUND', {});
    },
  });
}
