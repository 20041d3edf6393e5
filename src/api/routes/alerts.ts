import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import {
  actOnAlert,
  deliverAlertNotifications,
  getAlertDetail,
  listAlerts,
  runAlerts,
  viewOf,
} from '../../app/alerts/index.js';
import { composeDigest, readSubscription, setSubscription } from '../../app/alerts/subscriptions.js';
import { ALERT_CATEGORIES, ALERT_LEVELS, type AlertAction } from '../../core/alerts/index.js';
import { fail, ok } from '../../core/shared/index.js';
import { getOrganisation } from '../../db/stores/organisations.js';
import { pickLocale } from '../../i18n/index.js';
import { type ApiDeps, orgRoute } from '../route.js';
import {
  acknowledgeBody,
  alertDetailResponse,
  alertItem,
  alertListQuery,
  alertListResponse,
  alertRunBody,
  alertRunResponse,
  assignBody,
  resolveBody,
  snoozeBody,
} from '../schemas/alerts.js';
import { localDate, text } from '../schemas/common.js';

const idParams = z.strictObject({ id: text(100) });

/**
 * Alerts (issue 18): the list with filters and one alert with its history (`read`); a run of
 * every rule as of a date and the actions on an alert (`write:credit`, like other credit and
 * collections decisions). Alerts of another organisation are not found.
 */
export function registerAlertRoutes(app: FastifyInstance, deps: ApiDeps): void {
  const { db, clock } = deps;
  const tags = ['alerts'];
  const currencyOf = async (orgId: string) => (await getOrganisation(db, { orgId }))?.baseCurrency ?? 'CNY';
  orgRoute(app, clock, {
    method: 'GET',
    url: '/api/v1/alerts',
    permission: 'read',
    summary:
      'Alerts, most serious first, a page at a time with the counts by level: by default those not resolved; filter by status, level, rule, customer, assignee',
    tags,
    querystring: alertListQuery,
    response: alertListResponse,
    handler: async ({ auth, query, req }) => {
      const locale = pickLocale(req.headers['accept-language']);
      const { limit, offset, ...rest } = query;
      const filter = Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined));
      const r = await listAlerts(db, { orgId: auth.orgId, locale, ...filter });
      const byLevel = { info: 0, watch: 0, warning: 0, critical: 0 };
      for (const a of r.alerts) byLevel[a.level]++;
      const total = r.alerts.length;
      return ok({
        currency: r.currency,
        items: r.alerts.slice(offset, offset + limit),
        total,
        byLevel,
        nextOffset: offset + limit < total ? offset + limit : null,
      });
    },
  });
  orgRoute(app, clock, {
    method: 'POST',
    url: '/api/v1/alerts/run',
    permission: 'write:credit',
    summary: 'Evaluate every rule as of a date: raise new alerts, refresh those still firing, resolve those cleared',
    tags,
    body: alertRunBody,
    response: alertRunResponse,
    handler: async ({ auth, body, req }) => {
      const r = await runAlerts(db, { orgId: auth.orgId, asOf: body.asOf ?? clock.today(), clock });
      if (!r.ok) return r;
      // Notifications go out after the answer; what fails is retried by the scheduler.
      void deliverAlertNotifications(db, { orgId: auth.orgId, clock }).catch((e: unknown) =>
        req.log.error({ err: e }, 'alert notifications not sent'),
      );
      const { asOf, raised, updated, resolved, byLevel } = r.value;
      return ok({ asOf, raised, updated, resolved, byLevel });
    },
  });
  orgRoute(app, clock, {
    method: 'GET',
    url: '/api/v1/alerts/:id',
    permission: 'read',
    summary: 'One alert: why, the next action, the evidence with links, and every change of its status',
    tags,
    resource: 'alerts',
    params: idParams,
    response: alertDetailResponse,
    handler: async ({ auth, params, req }) => {
      const r = await getAlertDetail(db, { orgId: auth.orgId, id: params.id });
      if (!r.ok) return r;
      const view = viewOf(r.value, pickLocale(req.headers['accept-language']), await currencyOf(auth.orgId));
      return ok({ ...view, history: r.value.history });
    },
  });
  const action = (name: AlertAction, body: z.ZodType, summary: string) =>
    orgRoute(app, clock, {
      method: 'POST',
      url: `/api/v1/alerts/:id/${name}`,
      permission: 'write:credit',
      summary,
      tags,
      resource: 'alerts',
      params: idParams,
      body,
      response: alertItem,
      handler: async ({ auth, params, body: b, req }) => {
        const input = b as { note?: string; until?: string; reason?: string; assignee?: string | null };
        const r = await actOnAlert(db, {
          orgId: auth.orgId,
          id: params.id,
          action: name,
          actor: auth.actor,
          clock,
          ...Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)),
        });
        if (!r.ok) return r;
        return ok(viewOf(r.value, pickLocale(req.headers['accept-language']), await currencyOf(auth.orgId)));
      },
    });
  action('acknowledge', acknowledgeBody, 'Acknowledge an open alert');
  action('snooze', snoozeBody, 'Snooze an alert until a date, with a reason');
  action('assign', assignBody, 'Assign an alert to someone (null: unassign)');
  action('resolve', resolveBody, 'Resolve an alert');
  const subscription = z.object({
    minLevel: z
      .enum(ALERT_LEVELS)
      .nullable()
      .describe('alerts at this level or above are e-mailed at once; null: none'),
    categories: z.array(z.enum(ALERT_CATEGORIES)).describe('of these categories'),
    digest: z.boolean().describe('a daily e-mail of what is open, new and resolved'),
    locale: z.enum(['zh-CN', 'en']).describe('the language of these e-mails'),
  });
  const person = (auth: { userId: string | null }) =>
    auth.userId === null ? fail('SUBSCRIPTION_NEEDS_PERSON', {}) : ok(auth.userId);
  orgRoute(app, clock, {
    method: 'GET',
    url: '/api/v1/alerts/subscription',
    permission: 'read',
    summary: "The caller's own choice of alerts by e-mail and daily digest (a person, not an API token)",
    tags,
    response: subscription,
    handler: async ({ auth }) => {
      const userId = person(auth);
      return userId.ok ? readSubscription(db, { orgId: auth.orgId, userId: userId.value }) : userId;
    },
  });
  orgRoute(app, clock, {
    method: 'PUT',
    url: '/api/v1/alerts/subscription',
    permission: 'read',
    summary: "Sets the caller's own choice of alerts by e-mail and daily digest",
    tags,
    body: z.strictObject({
      minLevel: z.enum(ALERT_LEVELS).nullable(),
      categories: z.array(z.enum(ALERT_CATEGORIES)).max(ALERT_CATEGORIES.length),
      digest: z.boolean(),
      locale: z.enum(['zh-CN', 'en']),
    }),
    response: subscription,
    handler: async ({ auth, body }) => {
      const userId = person(auth);
      if (!userId.ok) return userId;
      return setSubscription(db, { orgId: auth.orgId, userId: userId.value, at: clock.now().toISOString() }, body);
    },
  });
  orgRoute(app, clock, {
    method: 'GET',
    url: '/api/v1/alerts/digest',
    permission: 'read',
    summary: 'A preview of the daily digest as of a day (default today), in a language, of some categories',
    tags,
    querystring: z.strictObject({
      asOf: localDate().optional(),
      locale: z.enum(['zh-CN', 'en']).optional(),
      categories: z.string().max(200).optional().describe('comma-separated; default all'),
    }),
    response: z.object({
      subject: z.string(),
      text: z.string(),
      open: z.object({ info: z.int(), watch: z.int(), warning: z.int(), critical: z.int() }),
      raisedToday: z.int(),
      resolvedToday: z.int(),
    }),
    handler: async ({ auth, query, req }) => {
      const categories = query.categories?.split(',').filter((c) => c.length > 0);
      const unknown = categories?.find((c) => !(ALERT_CATEGORIES as readonly string[]).includes(c));
      if (unknown !== undefined)
        return fail('VALIDATION_FAILED', {
          field: 'categories',
          value: unknown,
          expected: ALERT_CATEGORIES.join(', '),
        });
      return composeDigest(db, {
        orgId: auth.orgId,
        asOf: query.asOf ?? clock.today(),
        locale: query.locale ?? pickLocale(req.headers['accept-language']),
        ...(categories === undefined ? {} : { categories }),
      });
    },
  });
}
