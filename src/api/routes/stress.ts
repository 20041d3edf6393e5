import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { StressReport } from '../../app/stress/index.js';
import { breakingPointText, shockText } from '../../app/stress/words.js';
import { ok } from '../../core/shared/index.js';
import { type Locale, pickLocale } from '../../i18n/index.js';
import { type ApiDeps, orgRoute } from '../route.js';
import { localDate } from '../schemas/common.js';
import { stressResponse } from '../schemas/stress.js';

/** The report with each shock's name and each breaking point in the caller's language. */
function inWords(report: StressReport, locale: Locale) {
  return {
    ...report,
    horizons: report.horizons.map((h) => ({
      ...h,
      shocks: h.shocks.map((s) => ({ ...s, label: shockText(s.name, report.currency, locale) })),
      breakingPoints:
        h.breakingPoints?.map((p) => ({ ...p, text: breakingPointText(p, h.granularity, report.currency, locale) })) ??
        null,
    })),
  };
}

/** Stress tests of the caller's organisation (issue 17): computed by the report workers, cached per data generation. */
export function registerStressRoutes(app: FastifyInstance, { clock, cache, reports }: ApiDeps): void {
  orgRoute(app, clock, {
    method: 'GET',
    url: '/api/v1/stress',
    permission: 'read',
    summary: 'Stress tests: the standard shocks over 13 weeks and 6 months, and the breaking point of each driver',
    tags: ['reports'],
    querystring: z.strictObject({
      asOf: localDate().optional().describe('default: today in China Standard Time'),
      shock: z.string().max(500).optional().describe('standard shock names, comma-separated (default: all)'),
      reverse: z.enum(['true', 'false']).default('true').describe('also find the breaking points'),
      paths: z.coerce
        .number()
        .int()
        .optional()
        .describe('run the Monte Carlo with this many paths (100-1,000,000; 10,000 is the usual)'),
      seed: z.coerce.number().int().optional().describe('Monte Carlo seed (default fixed: the same answer each time)'),
      rho: z.coerce.number().optional().describe('asset correlation for every customer (default: Basel R(PD))'),
    }),
    response: stressResponse,
    handler: async ({ auth, query, req }) => {
      const asOf = query.asOf ?? clock.today();
      const shocks = query.shock
        ?.split(',')
        .map((s) => s.trim())
        .filter((s) => s.length > 0);
      const isReverse = query.reverse === 'true';
      const mc =
        query.paths === undefined
          ? null
          : {
              paths: query.paths,
              ...(query.seed === undefined ? {} : { seed: query.seed }),
              ...(query.rho === undefined ? {} : { rho: query.rho }),
            };
      const key = `stress:${asOf}:${shocks?.join(',') ?? 'all'}:${isReverse}:${JSON.stringify(mc)}`;
      const r = await cache.get(auth.orgId, key, () =>
        reports.run('stress', {
          ...{ orgId: auth.orgId, asOf, reverse: isReverse },
          ...(shocks ? { shocks } : {}),
          ...(mc ? { monteCarlo: mc } : {}),
        }),
      );
      return r.ok ? ok(inWords(r.value, pickLocale(req.headers['accept-language']))) : r;
    },
  });
}
