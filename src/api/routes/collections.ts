import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { listDisputes, openDispute, resolveDispute } from '../../app/collections/disputes.js';
import { previewDunningMessages } from '../../app/collections/messages.js';
import { sendDunningMessages } from '../../app/collections/send.js';
import { getStatementOfAccount, statementWorkbook } from '../../app/collections/statement.js';
import { customerTimeline } from '../../app/collections/timeline.js';
import { fail, ok, type Result } from '../../core/shared/index.js';
import type { StoredDispute } from '../../db/stores/collections.js';
import { pickLocale, translate } from '../../i18n/index.js';
import { type ApiDeps, orgRoute } from '../route.js';
import {
  dispute,
  messagesResponse,
  openDisputeBody,
  resolveDisputeBody,
  sendBody,
  sendResponse,
  timelineResponse,
  worklistResponse,
} from '../schemas/collections.js';
import { localDate, text } from '../schemas/common.js';
import { sayer } from './credit-reports.js';

const asOfQuery = z.strictObject({ asOf: localDate().optional().describe('default: today in China Standard Time') });

/** A dispute with its reason in the caller's language. */
function worded(acceptLanguage: string | undefined) {
  const locale = pickLocale(acceptLanguage);
  return (d: StoredDispute) => ({ ...d, reasonText: translate(`COL_DISPUTE_REASON_${d.reason}`, {}, locale) });
}

async function mapOk<T, U>(r: Promise<Result<T>>, f: (t: T) => U): Promise<Result<U>> {
  const v = await r;
  return v.ok ? ok(f(v.value)) : v;
}

/** Collections (issue 19): today's dunning worklist, and disputes with their reason, owner and resolution. */
export function registerCollectionsRoutes(app: FastifyInstance, deps: ApiDeps): void {
  const { db, clock, cache, reports } = deps;
  const tags = ['collections'];
  orgRoute(app, clock, {
    method: 'GET',
    url: '/api/v1/collections/worklist',
    permission: 'read',
    summary:
      "Today's dunning actions, one per customer per ladder stage, ranked by open amount × PD × probability of further delay, each with its reasons in words; disputed invoices, promises and plans that pause dunning listed apart",
    tags,
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
  orgRoute(app, clock, {
    method: 'GET',
    url: '/api/v1/collections/disputes',
    permission: 'read',
    summary: 'Disputes, oldest first: invoice, reason, contested amount, owner, resolution',
    tags,
    querystring: z.strictObject({ customerId: text(100).optional() }),
    response: z.looseObject({ disputes: z.array(dispute) }),
    handler: async ({ auth, query, req }) => {
      const list = await listDisputes(db, {
        orgId: auth.orgId,
        ...(query.customerId === undefined ? {} : { customerId: query.customerId }),
      });
      return ok({ disputes: list.map(worded(req.headers['accept-language'])) });
    },
  });
  orgRoute(app, clock, {
    method: 'GET',
    url: '/api/v1/collections/disputes/:id',
    permission: 'read',
    summary: 'One dispute',
    tags,
    resource: 'collections/disputes',
    params: z.strictObject({ id: text(100) }),
    response: dispute,
    handler: async ({ auth, params, req }) => {
      const [found] = await listDisputes(db, { orgId: auth.orgId, id: params.id });
      return found ? ok(worded(req.headers['accept-language'])(found)) : fail('NOT_FOUND', {});
    },
  });
  orgRoute(app, clock, {
    method: 'POST',
    url: '/api/v1/collections/disputes',
    permission: 'write:credit',
    summary:
      'Open a dispute on an invoice (reason, amount, owner): the invoice is marked disputed and its dunning pauses',
    tags,
    status: 201,
    body: openDisputeBody,
    response: dispute,
    handler: ({ actor, body, req }) =>
      mapOk(openDispute(db, actor, { ...body, note: body.note ?? null }), worded(req.headers['accept-language'])),
  });
  orgRoute(app, clock, {
    method: 'POST',
    url: '/api/v1/collections/disputes/:id/resolve',
    permission: 'write:credit',
    summary: 'Resolve a dispute; the invoice is no longer disputed once none of its disputes is open',
    tags,
    resource: 'collections/disputes',
    params: z.strictObject({ id: text(100) }),
    body: resolveDisputeBody,
    response: dispute,
    handler: ({ actor, params, body, req }) =>
      mapOk(
        resolveDispute(db, actor, { id: params.id, ...body, note: body.note ?? null }),
        worded(req.headers['accept-language']),
      ),
  });
  registerMessageRoutes(app, deps);
}

/** Dunning messages (preview and sending) and the customer timeline (ADR 0030). */
function registerMessageRoutes(app: FastifyInstance, deps: ApiDeps): void {
  const { db, clock, cache } = deps;
  const tags = ['collections'];
  orgRoute(app, clock, {
    method: 'GET',
    url: '/api/v1/collections/messages',
    permission: 'read',
    summary:
      "Today's dunning messages, one per customer per ladder stage that writes (reminders, formal reminder, demand letter, final notice): subject and text in the customer's language, each invoice with its interest to date, totals per currency, payment instructions",
    tags,
    querystring: z.strictObject({
      asOf: localDate().optional().describe('default: today in China Standard Time'),
      customerId: text(100).optional().describe('one customer (id or code)'),
    }),
    response: messagesResponse,
    handler: ({ auth, query }) =>
      previewDunningMessages(db, {
        orgId: auth.orgId,
        asOf: query.asOf ?? clock.today(),
        ...(query.customerId === undefined ? {} : { customer: query.customerId }),
      }),
  });
  orgRoute(app, clock, {
    method: 'POST',
    url: '/api/v1/collections/send',
    permission: 'write:credit',
    summary:
      "E-mail today's due dunning messages over the organisation's SMTP settings, each logged in the contact log; a stage already e-mailed for an invoice is never sent again. dryRun (default true) sends and records nothing",
    tags,
    body: sendBody,
    response: sendResponse,
    handler: async ({ auth, body }) => {
      const r = await sendDunningMessages(db, {
        orgId: auth.orgId,
        asOf: body.asOf ?? clock.today(),
        now: () => clock.now().toISOString(),
        isDryRun: body.dryRun,
      });
      if (r.ok && !body.dryRun) cache.invalidate(auth.orgId);
      return r;
    },
  });
  orgRoute(app, clock, {
    method: 'GET',
    url: '/api/v1/customers/:id/timeline',
    permission: 'read',
    summary:
      "A customer's collections history in date order: contacts, messages sent, promises made and falling due, disputes opened and resolved, payment plans agreed and their instalments",
    tags,
    resource: 'customers',
    params: z.strictObject({ id: text(100) }),
    response: timelineResponse,
    handler: ({ auth, params }) => customerTimeline(db, { orgId: auth.orgId, customer: params.id }),
  });
  orgRoute(app, clock, {
    method: 'GET',
    url: '/api/v1/customers/:id/statement.xlsx',
    permission: 'read',
    summary:
      "A customer's statement of account as an Excel workbook, one sheet per currency: balance brought forward, invoices, payments, credit notes and write-offs with the running balance, open items with interest to date, aging buckets",
    tags,
    resource: 'customers',
    params: z.strictObject({ id: text(100) }),
    querystring: z.strictObject({
      asOf: localDate().optional().describe('default: today in China Standard Time'),
      from: localDate().optional().describe('default: a year before asOf'),
    }),
    handler: async ({ auth, params, query, req, reply }) => {
      const asOf = query.asOf ?? clock.today();
      const s = await getStatementOfAccount(db, {
        orgId: auth.orgId,
        customer: params.id,
        asOf,
        ...(query.from === undefined ? {} : { from: query.from }),
      });
      if (!s.ok) return s.error.code === 'UNKNOWN_CUSTOMER' ? fail('NOT_FOUND', {}) : s;
      const file = await statementWorkbook(s.value, pickLocale(req.headers['accept-language']));
      reply.header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
      reply.header(
        'content-disposition',
        `attachment; filename="statement-${encodeURIComponent(s.value.customer.code)}-${asOf}.xlsx"`,
      );
      return ok(file);
    },
  });
}
