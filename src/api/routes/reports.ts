import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { readOrganisation } from '../../app/accounts/index.js';
import { pageCustomerRows } from '../../app/customer-table-page.js';
import { assumptionTexts } from '../../app/scenarios/index.js';
import { fail, ok } from '../../core/shared/index.js';
import { pickLocale } from '../../i18n/index.js';
import { type ApiDeps, orgRoute } from '../route.js';
import { id, localDate } from '../schemas/common.js';
import { fxResponse } from '../schemas/fx.js';
import {
  agingSeriesResponse,
  CUSTOMER_SORTS,
  customerPageResponse,
  customerRowsResponse,
  forecastPeriodResponse,
  forecastResponse,
  metricsResponse,
} from '../schemas/reports.js';
import { bookGrades, sayer } from './credit-reports.js';

/**
 * The read endpoints of the dashboard (issue 7): the forecast grid and its drill-down, the Excel
 * export, the aging series, the receivables metrics, the customer table and one customer's page.
 * Every one is organisation-scoped through `orgRoute`; `asOf` defaults to today (China time).
 */
const asOf = localDate().optional().describe('default: today in China Standard Time');
const granularity = z.enum(['week', 'month']).default('week');
const scenario = z
  .string()
  .min(1)
  .max(100)
  .describe('optimistic, base or pessimistic (alone), or a saved scenario by name or id (beside the three)');
const compare = z
  .string()
  .max(2000)
  .optional()
  .describe('saved scenarios (names or ids, comma-separated) to run beside the three built-ins');
const compareList = (v: string | undefined) =>
  (v ?? '')
    .split(',')
    .map((x) => x.trim())
    .filter((x) => x.length > 0);

export function registerReportRoutes(app: FastifyInstance, deps: ApiDeps): void {
  const { db, clock, cache, reports } = deps;
  const tags = ['reports'];
  orgRoute(app, clock, {
    ...{ method: 'GET', url: '/api/v1/reports/forecast', permission: 'read', tags },
    summary: 'Cash forecast grid: every scenario (or one), period totals and lines without their sources',
    querystring: z.strictObject({ asOf, granularity, scenario: scenario.optional(), compare }),
    response: forecastResponse,
    handler: async ({ auth, query, req }) => {
      const on = query.asOf ?? clock.today();
      const names = compareList(query.compare);
      const key = `forecast:${on}:${query.granularity}:${query.scenario ?? 'all'}:${JSON.stringify(names)}`;
      const r = await cache.get(auth.orgId, key, () =>
        reports.run('forecast', {
          ...{ orgId: auth.orgId, asOf: on, granularity: query.granularity, trace: false },
          ...(query.scenario ? { scenario: query.scenario } : {}),
          ...(names.length > 0 ? { compare: names } : {}),
        }),
      );
      if (!r.ok) return r;
      const locale = pickLocale(req.headers['accept-language']);
      const saved = r.value.saved.map((s) => ({
        id: s.id,
        name: s.name,
        assumptions: assumptionTexts(s.assumptions, r.value.currency, locale),
      }));
      return ok({ ...r.value, saved });
    },
  });
  orgRoute(app, clock, {
    ...{ method: 'GET', url: '/api/v1/reports/forecast/period', permission: 'read', tags },
    summary: 'One forecast period of one scenario with the invoices, bills and recurring items behind each line',
    querystring: z.strictObject({ asOf, granularity, scenario, index: z.coerce.number().int().min(0).max(52) }),
    response: forecastPeriodResponse,
    handler: async ({ auth, query }) => {
      const on = query.asOf ?? clock.today();
      const r = await cache.get(auth.orgId, `forecast-traced:${on}:${query.granularity}:${query.scenario}`, () =>
        reports.run('forecast', {
          ...{ orgId: auth.orgId, asOf: on, granularity: query.granularity, scenario: query.scenario },
        }),
      );
      if (!r.ok) return r;
      const name = r.value.saved.find((x) => x.id === query.scenario)?.name ?? query.scenario;
      const period = r.value.scenarios.find((s) => s.scenario === name)?.periods[query.index];
      if (!period)
        return fail('VALIDATION_FAILED', { field: 'index', value: String(query.index), expected: 'a period' });
      return ok({ asOf: r.value.asOf, currency: r.value.currency, scenario: query.scenario, period });
    },
  });
  orgRoute(app, clock, {
    ...{ method: 'GET', url: '/api/v1/reports/forecast.xlsx', permission: 'read', tags },
    summary: 'The forecast as an Excel workbook: one sheet per scenario and a sheet of every source item',
    querystring: z.strictObject({ asOf, granularity }),
    handler: async ({ auth, query, req, reply }) => {
      const on = query.asOf ?? clock.today();
      const dir = await mkdtemp(join(tmpdir(), 'cashguard-xlsx-'));
      try {
        const file = join(dir, 'forecast.xlsx');
        const r = await reports.run('forecastWorkbook', {
          ...{ orgId: auth.orgId, asOf: on, granularity: query.granularity, path: file },
          locale: pickLocale(req.headers['accept-language']),
        });
        if (!r.ok) return r;
        const name = `cashguard-forecast-${query.granularity}-${on}.xlsx`;
        reply.header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
        reply.header('content-disposition', `attachment; filename="${name}"`);
        return ok(await readFile(file));
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    },
  });
  orgRoute(app, clock, {
    ...{ method: 'GET', url: '/api/v1/reports/aging', permission: 'read', tags },
    summary:
      'Receivables aging as of a date: totals per currency and in the base currency, and the customers with the most open (`customers`, default 100)',
    querystring: z.strictObject({
      asOf,
      basis: z.enum(['due', 'issue']).default('due'),
      preset: z.enum(['default', '30-60-90']).default('default'),
      customers: z.coerce.number().int().min(0).max(100_000).default(100),
    }),
    handler: async ({ auth, query }) => {
      const on = query.asOf ?? clock.today();
      return cache.get(auth.orgId, `aging:${on}:${query.basis}:${query.preset}:${query.customers}`, () =>
        reports.run('aging', {
          ...{ orgId: auth.orgId, asOf: on, basis: query.basis, preset: query.preset, customers: query.customers },
        }),
      );
    },
  });
  orgRoute(app, clock, {
    ...{ method: 'GET', url: '/api/v1/reports/aging-series', permission: 'read', tags },
    summary: 'Receivables aging at each month end (default 24 months), in the base currency',
    querystring: z.strictObject({ asOf, months: z.coerce.number().int().min(1).max(60).default(24) }),
    response: agingSeriesResponse,
    handler: async ({ auth, query }) => {
      const on = query.asOf ?? clock.today();
      return cache.get(auth.orgId, `aging-series:${on}:${query.months}`, () =>
        reports.run('agingSeries', { orgId: auth.orgId, asOf: on, months: query.months }),
      );
    },
  });
  orgRoute(app, clock, {
    ...{ method: 'GET', url: '/api/v1/reports/metrics', permission: 'read', tags },
    summary: 'Monthly DSO, ADD, CEI, working-capital ratios and customer concentration',
    querystring: z.strictObject({ asOf, months: z.coerce.number().int().min(1).max(36).default(12) }),
    response: metricsResponse,
    handler: async ({ auth, query }) => {
      const on = query.asOf ?? clock.today();
      return cache.get(auth.orgId, `metrics:${on}:${query.months}`, () =>
        reports.run('metrics', { orgId: auth.orgId, asOf: on, months: query.months }),
      );
    },
  });
  orgRoute(app, clock, {
    ...{ method: 'GET', url: '/api/v1/reports/fx', permission: 'read', tags },
    summary: 'Currency exposure per currency now and week by week, revaluation, a ± shock and the hedge needed',
    querystring: z.strictObject({ asOf, shock: z.coerce.number().gt(0).max(100).optional() }),
    response: fxResponse,
    handler: async ({ auth, query }) => {
      const on = query.asOf ?? clock.today();
      return cache.get(auth.orgId, `fx:${on}:${query.shock ?? 'setting'}`, () =>
        reports.run('fx', {
          orgId: auth.orgId,
          asOf: on,
          ...(query.shock === undefined ? {} : { shockPct: query.shock }),
        }),
      );
    },
  });
  orgRoute(app, clock, {
    ...{ method: 'GET', url: '/api/v1/reports/customers', permission: 'read', tags },
    summary:
      'The customer table: exposure, overdue, credit limit and typical days late (base currency), filtered, sorted and paged on the server',
    querystring: z.strictObject({
      asOf,
      sort: z.enum(CUSTOMER_SORTS).default('openMinor'),
      order: z.enum(['asc', 'desc']).default('desc'),
      q: z.string().max(100).default('').describe('part of the name or code'),
      grades: z.enum(['true', 'false']).default('false').describe("each customer's credit grade (scores the book)"),
      limit: z.coerce.number().int().min(1).max(10_000).default(50),
      offset: z.coerce.number().int().min(0).max(10_000_000).default(0),
    }),
    response: customerRowsResponse,
    handler: async ({ auth, query }) => {
      const on = query.asOf ?? clock.today();
      const rows = await cache.get(auth.orgId, `customer-rows:${on}`, () =>
        reports.run('customerRows', { orgId: auth.orgId, asOf: on }),
      );
      if (!rows.ok) return rows;
      const grades = query.grades === 'true' || query.sort === 'grade' ? await bookGrades(deps, auth.orgId, on) : null;
      if (grades && !grades.ok) return grades;
      const org = await readOrganisation(db, { orgId: auth.orgId });
      if (!org.ok) return org;
      return ok({
        ...pageCustomerRows(rows.value.items, grades?.value ?? null, query),
        currency: org.value.baseCurrency,
      });
    },
  });
  orgRoute(app, clock, {
    ...{ method: 'GET', url: '/api/v1/reports/customers/:customerId', permission: 'read', tags },
    resource: 'customers',
    summary: 'One customer: payment behaviour, open invoices with expected dates, days late per settled invoice',
    querystring: z.strictObject({
      asOf,
      items: z.coerce.number().int().min(1).max(100_000).optional().describe('open items on this page (default all)'),
      offset: z.coerce.number().int().min(0).max(10_000_000).default(0).describe('open items to skip'),
    }),
    response: customerPageResponse,
    params: z.strictObject({ customerId: id() }),
    handler: async ({ auth, query, params, req }) => {
      const on = query.asOf ?? clock.today();
      // The whole page is computed once per customer and date (the profile reads the book's payment
      // behaviour: seconds on a large book), on a report worker; each page of open items is a slice of it.
      const page = await cache.get(auth.orgId, `customer-page:${on}:${params.customerId}`, () =>
        reports.run('customerProfile', { orgId: auth.orgId, customer: params.customerId, asOf: on }),
      );
      if (!page.ok) {
        // Answered like any record of another organisation: 404, nothing about it.
        return page.error.code === 'CUSTOMER_NOT_FOUND' ? fail('RECORD_NOT_FOUND', { kind: 'customers' }) : page;
      }
      const all = page.value.openItems;
      const openItems = all.slice(query.offset, query.items === undefined ? undefined : query.offset + query.items);
      // The risk state's reasons also in words, in the caller's language.
      const say = sayer(req.headers['accept-language']);
      const risk = page.value.risk && { ...page.value.risk, reasons: say(page.value.risk.reasons) };
      return ok({ ...page.value, risk, openItems, openItemCount: all.length });
    },
  });
}
