import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  acceptInvitation,
  describeUser,
  login,
  logout,
  logoutEverywhere,
  ROLES,
  type SecuritySettings,
} from '../../app/accounts/index.js';
import { fail, ok } from '../../core/shared/index.js';
import { clearSessionCookies, SESSION_COOKIE, setSessionCookies } from '../auth.js';
import { sendError, sendResult } from '../errors.js';
import { type ApiDeps, orgRoute } from '../route.js';
import { email, errorBody, id, okBody, optionalText, password, text } from '../schemas/common.js';

export interface AuthRouteOptions {
  readonly security: SecuritySettings;
  /** Per-address limit (in memory) shared by login and invitation acceptance, on top of the lock-out. */
  readonly loginRateLimit: { readonly max: number; readonly timeWindow: number };
}

const session = z.object({
  userId: z.string(),
  orgId: z.string(),
  role: z.enum(ROLES),
  csrfToken: z.string(),
  expiresAt: z.string(),
});
const loginBody = z.strictObject({ email: email(), password: z.string().min(1).max(200), orgId: id().optional() });

export function registerAuthRoutes(app: FastifyInstance, deps: ApiDeps, options: AuthRouteOptions): void {
  const { db, clock } = deps;
  const zapp = app.withTypeProvider<ZodTypeProvider>();
  // One request budget per address shared by every endpoint that checks a password.
  const passwordLimit = app.rateLimit(options.loginRateLimit);
  zapp.post('/api/v1/auth/login', {
    config: { permission: 'public' },
    onRequest: passwordLimit,
    schema: {
      summary: 'Log in: sets the session cookies, returns the CSRF token',
      tags: ['auth'],
      body: loginBody,
      response: { 200: session, '4XX': errorBody },
    },
    handler: async (req, reply) => {
      const result = await login(db, { ...req.body, ip: req.ip, now: clock.now() }, options.security);
      if (!result.ok) return sendError(req, reply, result.error.code, { ...result.error.details });
      setSessionCookies(req, reply, result.value);
      const { sessionId: _secret, ...visible } = result.value;
      return visible;
    },
  });
  zapp.post('/api/v1/invitations/accept', {
    config: { permission: 'public' },
    onRequest: passwordLimit,
    schema: {
      summary: 'Accept an invitation: creates the account (or joins an existing one) with the invited role',
      tags: ['members'],
      body: z.strictObject({ token: text(200), name: optionalText(200).default(''), password: password() }),
      response: { 201: z.object({ userId: z.string(), orgId: z.string(), role: z.enum(ROLES) }), '4XX': errorBody },
    },
    handler: async (req, reply) => {
      const acceptance = { ...req.body, ip: req.ip, now: clock.now().toISOString() };
      const result = await acceptInvitation(db, acceptance, options.security);
      return sendResult(req, reply, result, 201);
    },
  });
  registerSessionRoutes(app, deps);
}

function registerSessionRoutes(app: FastifyInstance, { db, clock }: ApiDeps): void {
  const tags = ['auth'];
  orgRoute(app, clock, {
    method: 'POST',
    url: '/api/v1/auth/logout',
    permission: 'read',
    summary: 'End this session',
    tags,
    response: okBody,
    handler: async ({ req, reply }) => {
      const cookie = req.cookies[SESSION_COOKIE];
      if (cookie && req.auth?.via === 'session') await logout(db, { sessionId: cookie });
      clearSessionCookies(reply);
      return ok({ ok: true as const });
    },
  });
  orgRoute(app, clock, {
    method: 'POST',
    url: '/api/v1/auth/logout-all',
    permission: 'read',
    summary: "End all of this user's sessions",
    tags,
    response: z.object({ ended: z.int() }),
    handler: async ({ auth, reply }) => {
      if (!auth.userId) return fail('FORBIDDEN', { permission: 'session' });
      const ended = await logoutEverywhere(db, { userId: auth.userId });
      clearSessionCookies(reply);
      return ok({ ended });
    },
  });
  orgRoute(app, clock, {
    method: 'GET',
    url: '/api/v1/auth/me',
    permission: 'read',
    summary: 'Who is calling: user or token, organisation, role',
    tags,
    response: z.object({
      orgId: z.string(),
      role: z.enum(ROLES),
      via: z.enum(['session', 'token']),
      actor: z.string(),
      user: z.object({ id: z.string(), email: z.string(), name: z.string() }).nullable(),
    }),
    handler: async ({ auth }) => {
      const user = auth.userId ? await describeUser(db, { userId: auth.userId }) : null;
      return ok({ orgId: auth.orgId, role: auth.role, via: auth.via, actor: auth.actor, user });
    },
  });
}
