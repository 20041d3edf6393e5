import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { z } from 'zod';
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

/** What every route module receives. */
export interface ApiDeps {
  readonly db: Db;
  readonly clock: Clock;
  /** Computed reports per organisation, dropped after each write of that organisation. */
  readonly cache: ReportCache;
  /** Computes the heavy reports: on worker threads in a server (docs/adr/0013), inline in tests. */
  readonly reports: ReportRunner;
}

type Schema = z.ZodType;
type Out<S> = S extends Schema ? z.output<S> : undefined;

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

export interface OrgRoute<Q, P, B> {
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
  readonly response?: Schema;
  /** Status of a successful answer (201 for creations). */
  readonly status?: number;
  readonly handler: (input: OrgRouteInput<Q, P, B>) => Promise<Result<unknown>>;
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
>(app: FastifyInstance, clock: Clock, def: OrgRoute<Q, P, B>): void {
  const status = def.status ?? 200;
  app.withTypeProvider<ZodTypeProvider>().route({
    method: def.method,
    url: def.url,
    config: { permission: def.permission, ...(def.resource ? { resource: def.resource } : {}) },
    schema: {
      summary: def.summary,
      tags: [...def.tags],
      security: [{ session: [] }, { bearer: [] }],
      ...(def.querystring ? { querystring: def.querystring } : {}),
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
