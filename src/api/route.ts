import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AuthContext, Permission } from '../app/accounts/index.js';
import type { Clock } from '../app/clock.js';
import type { Actor } from '../app/records/index.js';
import type { ReportCache } from '../app/report-cache.js';
import type { ReportRunner } from '../app/report-jobs.js';
import type { Result } from '../core/shared/index.js';
import type { Db } from '../db/connection.js';
import { actorOf, authOf } from './auth.js';
import { sendResult } from './errors.js';
import { errorBody } from './schemas/common.js';

const NO_QUERY = z.strictObject({});

/** What every route module receives. */
export interface ApiDeps {
  readonly db: Db;
  readonly clock: Clock;
  /** Computed reports per organisation, dropped after each write of that organisation. */
  readonly cache: ReportCache;
  /** Computes the heavy reports: on worker threads in a server (docs/adr/0016), inline in tests. */
  readonly reports: ReportRunner;
}

type Schema = z.ZodType;
type Out<S> = S extends Schema ? z.output<S> : undefined;
/**
 * The shape a value must have to pass through a response schema, as the app's types write it:
 * arrays and fields may be readonly, and the open part of a loose object (`[k: string]: unknown`)
 * is left out, so an interface with the named fields fits.
 */
type Fits<T> = T extends readonly (infer E)[]
  ? readonly Fits<E>[]
  : T extends object
    ? { readonly [K in keyof T as string extends K ? never : K]: Fits<T[K]> }
    : T;
/** What a handler must answer: the response schema's shape when the route declares one. */
type Answer<R> = R extends Schema ? Fits<z.output<R>> : unknown;

export interface OrgRouteInput<Q, P, B> {
  readonly auth: AuthContext;
  /** The organisation, the actor and the time, for writes and the audit log. */
  readonly actor: Actor;
  readonly query: Out<Q>;
  readonly params: Out<P>;
  readonly body: Out<B>;
  readonly req: FastifyRequest;
  readonly reply: FastifyReply;
}

export interface OrgRoute<Q, P, B, R = undefined> {
  readonly method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  readonly url: string;
  readonly permission: Permission;
  readonly summary: string;
  readonly tags: readonly string[];
  /** What the path parameters identify (see the cross-tenant test). */
  readonly resource?: string;
  readonly querystring?: Q;
  readonly params?: P;
  readonly body?: B;
  /** The answer's schema: serialised through it, published in the OpenAPI document, checked against the handler. */
  readonly response?: R;
  /** Status of a successful answer (201 for creations). */
  readonly status?: number;
  readonly handler: (input: OrgRouteInput<Q, P, B>) => Promise<Result<Answer<R>>>;
}

/**
 * Registers an authenticated, organisation-scoped route: the hook has already checked the
 * session or token and the permission; the handler gets the request context (never an
 * organisation from the request) and returns a Result, sent as JSON or as the error shape.
 *
 * @example
 * orgRoute(app, clock, { method: 'GET', url: '/api/v1/receivables/aging', permission: 'read', tags: ['receivables'],
 *   summary: 'Aging buckets', querystring: z.strictObject({ asOf: localDate().optional() }),
 *   handler: async ({ auth, query }) => ok(await getAging(db, { orgId: auth.orgId, asOf: query.asOf })) });
 */
export function orgRoute<
  Q extends Schema | undefined = undefined,
  P extends Schema | undefined = undefined,
  B extends Schema | undefined = undefined,
  R extends Schema | undefined = undefined,
>(app: FastifyInstance, clock: Clock, def: OrgRoute<Q, P, B, R>): void {
  const status = def.status ?? 200;
  // A GET without query parameters still refuses unknown ones (400 UNKNOWN_FIELD), as every route does.
  const querystring = def.querystring ?? (def.method === 'GET' ? NO_QUERY : undefined);
  app.withTypeProvider<ZodTypeProvider>().route({
    method: def.method,
    url: def.url,
    config: { permission: def.permission, ...(def.resource ? { resource: def.resource } : {}) },
    schema: {
      summary: def.summary,
      tags: [...def.tags],
      security: [{ session: [] }, { bearer: [] }],
      ...(querystring ? { querystring } : {}),
      ...(def.params ? { params: def.params } : {}),
      ...(def.body ? { body: def.body } : {}),
      response: { ...(def.response ? { [status]: def.response } : {}), '4XX': errorBody },
    },
    handler: async (req, reply) => {
      const input = {
        auth: authOf(req),
        actor: actorOf(req, clock),
        query: req.query as Out<Q>,
        params: req.params as Out<P>,
        body: req.body as Out<B>,
        req,
        reply,
      };
      return sendResult(req, reply, await def.handler(input), status);
    },
  });
}
