import type {} from '@fastify/cookie';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import {
  type AuthContext,
  authenticateSession,
  authenticateToken,
  can,
  type Permission,
} from '../app/accounts/index.js';
import { hashSecret } from '../app/accounts/secrets.js';
import type { Clock } from '../app/clock.js';
import type { Actor } from '../app/records/index.js';
import type { Db } from '../db/connection.js';
import { sendError } from './errors.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by the authentication hook; null on public routes. The only source of the organisation. */
    auth: AuthContext | null;
  }
  interface FastifyContextConfig {
    /** What the route needs; 'public' skips authentication. Routes under /api without one need 'read'. */
    permission?: Permission | 'public';
    /** What the route's path parameters identify (the cross-tenant test looks ids up by it). */
    resource?: string;
  }
}

export const SESSION_COOKIE = 'cg_session';
export const CSRF_COOKIE = 'cg_csrf';
export const CSRF_HEADER = 'x-csrf-token';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function bearerOf(req: FastifyRequest): string | undefined {
  const header = req.headers.authorization;
  const match = header ? /^Bearer\s+(\S+)$/i.exec(header) : null;
  return match?.[1];
}

async function authenticate(db: Db, clock: Clock, req: FastifyRequest): Promise<AuthContext | undefined> {
  const bearer = bearerOf(req);
  if (bearer) return authenticateToken(db, { token: bearer, now: clock.now() });
  const session = req.cookies[SESSION_COOKIE];
  return session ? authenticateSession(db, { sessionId: session, now: clock.now() }) : undefined;
}

/** Cookie-authenticated writes must echo the session's CSRF token in the x-csrf-token header. */
function isCsrfSafe(req: FastifyRequest, auth: AuthContext): boolean {
  if (auth.via !== 'session' || SAFE_METHODS.has(req.method)) return true;
  const header = req.headers[CSRF_HEADER];
  return typeof header === 'string' && auth.csrfHash !== null && hashSecret(header) === auth.csrfHash;
}

/**
 * The one authentication hook: resolves the session cookie or bearer token into the request
 * context (organisation, role, actor), then checks the route's permission and CSRF.
 */
export function installAuthHook(app: FastifyInstance, db: Db, clock: Clock): void {
  app.decorateRequest('auth', null);
  app.addHook('onRequest', async (req, reply) => {
    const config = req.routeOptions.config;
    const url = req.routeOptions.url ?? '';
    const needed = config.permission ?? (url.startsWith('/api/v1') || url === '/api/summary' ? 'read' : 'public');
    if (needed === 'public') return;
    const auth = await authenticate(db, clock, req);
    if (!auth) return sendError(req, reply, 'UNAUTHENTICATED', {});
    if (!isCsrfSafe(req, auth)) return sendError(req, reply, 'CSRF_TOKEN_INVALID', { header: CSRF_HEADER });
    if (!can(auth.role, needed)) return sendError(req, reply, 'FORBIDDEN', { role: auth.role, permission: needed });
    req.auth = auth;
  });
}

/** The authenticated context of a route that required one. */
export function authOf(req: FastifyRequest): AuthContext {
  if (!req.auth) throw new Error('route reached without authentication');
  return req.auth;
}

export function actorOf(req: FastifyRequest, clock: Clock): Actor {
  const auth = authOf(req);
  return { orgId: auth.orgId, actor: auth.actor, now: clock.now().toISOString() };
}

/** Session cookie httpOnly, CSRF cookie readable by the page; both Lax, Secure over HTTPS. */
export function setSessionCookies(
  req: FastifyRequest,
  reply: FastifyReply,
  p: { sessionId: string; csrfToken: string; expiresAt: string },
) {
  const common = {
    path: '/',
    sameSite: 'lax' as const,
    secure: req.protocol === 'https',
    expires: new Date(p.expiresAt),
  };
  reply.setCookie(SESSION_COOKIE, p.sessionId, { ...common, httpOnly: true });
  reply.setCookie(CSRF_COOKIE, p.csrfToken, { ...common, httpOnly: false });
}

export function clearSessionCookies(reply: FastifyReply): void {
  reply.clearCookie(SESSION_COOKIE, { path: '/' });
  reply.clearCookie(CSRF_COOKIE, { path: '/' });
}
