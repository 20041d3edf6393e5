import { randomUUID } from 'node:crypto';
import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { DEFAULT_SECURITY, type SecuritySettings } from '../app/accounts/index.js';
import type { Clock } from '../app/clock.js';
import { ReportCache } from '../app/report-cache.js';
import { dataGenerationOf, inlineReports, type ReportRunner } from '../app/report-jobs.js';
import type { Db } from '../db/connection.js';
import { type ReadLimits, readLimitsFrom } from '../import/index.js';
import { installAuthHook } from './auth.js';
import { registerDocs } from './docs.js';
import { installErrorHandling } from './errors.js';
import { ImportQueue, type ImportQueueSettings, importQueueFrom } from './import-queue.js';
import { BODY_LIMIT } from './limits.js';
import { registerAlertRoutes } from './routes/alerts.js';
import { type AuthRouteOptions, registerAuthRoutes } from './routes/auth.js';
import { registerBankRoutes } from './routes/bank.js';
import { registerCollectionsRoutes } from './routes/collections.js';
import { registerCreditRoutes } from './routes/credit.js';
import { registerImportRoutes } from './routes/imports.js';
import { registerInsuranceRoutes } from './routes/insurance.js';
import { registerInsuranceConnectorRoutes } from './routes/insurance-connector.js';
import { registerLoginHintRoute } from './routes/login-hint.js';
import { registerOrganisationRoutes } from './routes/organisation.js';
import { registerRecordRoutes } from './routes/records.js';
import { registerReportRoutes } from './routes/reports.js';
import { registerStressRoutes } from './routes/stress.js';
import { registerSummaryRoute } from './routes/summary.js';
import { registerWebApp } from './static.js';

export interface ServerOptions {
  readonly db: Db;
  readonly clock: Clock;
  /** true for info-level JSON logs on stdout, or pino options (level, stream). */
  readonly logger?: boolean | { readonly level?: string; readonly stream?: { write(line: string): void } };
  readonly security?: Partial<SecuritySettings>;
  readonly loginRateLimit?: AuthRouteOptions['loginRateLimit'];
  /**
   * Trust X-Forwarded-* (only behind a reverse proxy you run): true, the number of proxies, or
   * their addresses; then `req.protocol` is the client's, and cookies over HTTPS get `Secure`.
   */
  readonly trustProxy?: boolean | number | string;
  /** Imports at once and waiting (default: from the environment, else 2 and 8). */
  readonly importQueue?: ImportQueueSettings;
  /** How much of an uploaded file an import reads (default: from the environment, else DEFAULT_READ_LIMITS). */
  readonly importLimits?: ReadLimits;
  /**
   * Report cache (default: a new one with a 30 s freshness window that checks the organisation's
   * data generation before serving, so writes by other processes show at the next request).
   */
  readonly cache?: ReportCache;
  /** Where heavy reports are computed (default: inline, on this thread); closed with the server. */
  readonly reports?: ReportRunner;
}

export { BODY_LIMIT };

/**
 * The `TRUST_PROXY` setting: unset or 'false' trusts nothing; 'true' any proxy; a number that many
 * hops; otherwise comma-separated addresses or CIDR ranges of the proxies.
 *
 * @example
 * trustProxySetting('127.0.0.1,10.0.0.0/8') // '127.0.0.1,10.0.0.0/8'
 */
export function trustProxySetting(value: string | undefined): boolean | number | string {
  const v = value?.trim() ?? '';
  if (v === '' || v === 'false' || v === '0') return false;
  if (v === 'true') return true;
  return /^\d+$/.test(v) ? Number(v) : v;
}

/** Trusts the nearest `n` proxies. */
const hops = (n: number) => (_address: string, hop: number) => hop < n;

/** A registered route as the tests and the OpenAPI check see it. */
export interface RouteInfo {
  readonly method: string;
  readonly url: string;
  readonly permission: string | undefined;
  readonly resource: string | undefined;
  readonly isHidden: boolean;
}

const ROUTES = Symbol('routes');
type WithRoutes = FastifyInstance & { [ROUTES]?: RouteInfo[] };

/** Every route registered on the server (HEAD twins excluded), in registration order. */
export function listRoutes(app: FastifyInstance): readonly RouteInfo[] {
  return (app as WithRoutes)[ROUTES] ?? [];
}

function trackRoutes(app: FastifyInstance): void {
  const routes: RouteInfo[] = [];
  (app as WithRoutes)[ROUTES] = routes;
  app.addHook('onRoute', (r) => {
    const methods = Array.isArray(r.method) ? r.method : [r.method];
    const config = (r.config ?? {}) as { permission?: string; resource?: string };
    const isHidden = Boolean((r.schema as { hide?: boolean } | undefined)?.hide) || r.url.startsWith('/api/docs');
    for (const method of methods) {
      if (method === 'HEAD') continue;
      routes.push({ method, url: r.url, permission: config.permission, resource: config.resource, isHidden });
    }
  });
}

/** Never logged: secrets, cookies, bodies; requests are logged as method, path (no query) and id. */
function loggerOptions(logger: ServerOptions['logger']): NonNullable<FastifyServerOptions['logger']> {
  if (!logger) return false;
  const custom = logger === true ? {} : logger;
  return {
    level: custom.level ?? 'info',
    ...(custom.stream ? { stream: custom.stream } : {}),
    redact: {
      paths: [
        'req.headers.authorization',
        'req.headers.cookie',
        'req.headers["x-csrf-token"]',
        'res.headers["set-cookie"]',
      ],
      censor: '[redacted]',
    },
    serializers: {
      req: (req: { method: string; url: string; id: string }) => ({
        method: req.method,
        path: req.url.split('?')[0],
        id: req.id,
      }),
    },
  };
}

/**
 * Builds the HTTP server: zod validation and OpenAPI, one authentication hook that sets the
 * request context, routes that call app functions, one error shape. Plugins load on
 * `ready()` / `listen()`.
 */
export function buildServer(options: ServerOptions): FastifyInstance {
  const app: FastifyInstance = Fastify({
    logger: loggerOptions(options.logger),
    bodyLimit: BODY_LIMIT,
    genReqId: () => randomUUID(),
    requestIdHeader: false,
    trustProxy: typeof options.trustProxy === 'number' ? hops(options.trustProxy) : (options.trustProxy ?? false),
  });
  const { db, clock } = options;
  const cache = options.cache ?? new ReportCache(undefined, undefined, undefined, dataGenerationOf(db));
  const reports = options.reports ?? inlineReports(db);
  const deps = { db, clock, cache, reports };
  const security = { ...DEFAULT_SECURITY, ...options.security };
  trackRoutes(app);
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  installErrorHandling(app);
  app.addHook('onClose', () => reports.close());
  app.addHook('onSend', async (req, reply) => {
    reply.header('x-request-id', req.id);
    // A write changes what the organisation's reports show: forget them before answering.
    if (req.method !== 'GET' && req.method !== 'HEAD' && req.auth) cache.invalidate(req.auth.orgId);
  });
  // The authentication hook reads cookies, so it is added once the cookie parser's hook is.
  app.register(cookie).after(() => installAuthHook(app, db, clock));
  app.register(rateLimit, { global: false });
  registerDocs(app);
  app.register(async (api) => {
    const health = { config: { permission: 'public' as const }, schema: { querystring: z.strictObject({}) } };
    api.get('/health', health, async () => ({
      status: 'ok',
      database: db.dialect,
      time: clock.now().toISOString(),
    }));
    registerAuthRoutes(api, deps, {
      security,
      loginRateLimit: options.loginRateLimit ?? { max: 20, timeWindow: 60_000 },
    });
    registerLoginHintRoute(api, deps);
    registerOrganisationRoutes(api, deps, security);
    registerRecordRoutes(api, deps);
    registerSummaryRoute(api, deps);
    const importQueue = new ImportQueue(options.importQueue ?? importQueueFrom(process.env));
    registerImportRoutes(api, deps, {
      queue: importQueue,
      limits: options.importLimits ?? readLimitsFrom(process.env),
    });
    registerBankRoutes(api, deps, { queue: importQueue });
    registerCreditRoutes(api, deps);
    registerAlertRoutes(api, deps);
    registerCollectionsRoutes(api, deps);
    registerInsuranceRoutes(api, deps);
    registerInsuranceConnectorRoutes(api, deps);
    registerReportRoutes(api, deps);
    registerStressRoutes(api, deps);
  });
  registerWebApp(app);
  return app;
}
