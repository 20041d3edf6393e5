import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import {
  changeMemberRole,
  createApiToken,
  inviteMember,
  listApiTokens,
  listInvitations,
  listMembers,
  type OrganisationPatch,
  ROLES,
  readOrganisation,
  removeMember,
  revokeApiToken,
  revokeInvitation,
  type SecuritySettings,
  updateOrganisation,
} from '../../app/accounts/index.js';
import { listAudit } from '../../app/records/index.js';
import { ok, type Result } from '../../core/shared/index.js';
import { type ApiDeps, orgRoute } from '../route.js';
import { email, id, instant, okBody, page, pageOf, text } from '../schemas/common.js';

const role = z.enum(ROLES);
const organisation = z.object({
  id: z.string(),
  name: z.string(),
  baseCurrency: z.string(),
  weekStart: z.int(),
  fiscalYearStartMonth: z.int(),
  locale: z.enum(['zh-CN', 'en']),
  settings: z.record(z.string(), z.unknown()),
  version: z.string().describe('send it back with a change: a change made from an older version is refused (409)'),
});
const orgPatch = z.strictObject({
  version: z
    .string()
    .max(64)
    .optional()
    .describe('the version the change was made from (409 VERSION_CONFLICT when stale)'),
  name: text(200).optional(),
  locale: z.enum(['zh-CN', 'en']).optional(),
  weekStart: z.int().min(1).max(7).optional(),
  fiscalYearStartMonth: z.int().min(1).max(12).optional(),
  settings: z.record(z.string(), z.unknown()).optional(),
});
const userParam = z.strictObject({ userId: id() });
const idParam = z.strictObject({ id: id() });
const auditEntry = z.object({
  id: z.string(),
  at: z.string(),
  actor: z.string(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string().nullable(),
  before: z.unknown(),
  after: z.unknown(),
});

/** The organisation itself, its audit log. */
export function registerOrganisationRoutes(app: FastifyInstance, deps: ApiDeps, security: SecuritySettings): void {
  const { db, clock } = deps;
  const tags = ['organisation'];
  orgRoute(app, clock, {
    method: 'GET',
    url: '/api/v1/organisation',
    permission: 'read',
    summary: 'The organisation of the caller',
    tags,
    response: organisation,
    handler: async ({ auth }) => readOrganisation(db, { orgId: auth.orgId }),
  });
  orgRoute(app, clock, {
    method: 'PATCH',
    url: '/api/v1/organisation',
    permission: 'manage:organisation',
    summary: 'Update name and settings (audited)',
    tags,
    body: orgPatch,
    response: organisation,
    handler: async ({ actor, body }) => updateOrganisation(db, actor, body as OrganisationPatch),
  });
  orgRoute(app, clock, {
    method: 'GET',
    url: '/api/v1/audit',
    permission: 'read:audit',
    summary: 'Audit log, newest first (owners)',
    tags: ['audit'],
    querystring: z.strictObject({
      entityType: text(100).optional(),
      from: instant().optional(),
      to: instant().optional(),
      ...page,
    }),
    response: pageOf(auditEntry),
    handler: async ({ auth, query }) => ok(await listAudit(db, { orgId: auth.orgId, ...clean(query) })),
  });
  registerMemberRoutes(app, deps, security);
  registerTokenRoutes(app, deps);
}

/** Drops undefined optional values (exactOptionalPropertyTypes). */
function clean<T extends Record<string, unknown>>(value: T): { [K in keyof T]: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as {
    [K in keyof T]: Exclude<T[K], undefined>;
  };
}

function registerMemberRoutes(app: FastifyInstance, { db, clock }: ApiDeps, security: SecuritySettings): void {
  const tags = ['members'];
  const member = z.object({
    userId: z.string(),
    email: z.string(),
    name: z.string(),
    role: z.string(),
    joinedAt: z.string(),
  });
  orgRoute(app, clock, {
    method: 'GET',
    url: '/api/v1/members',
    permission: 'manage:members',
    summary: 'Members and their roles',
    tags,
    response: z.object({ items: z.array(member) }),
    handler: async ({ auth }) => ok({ items: await listMembers(db, { orgId: auth.orgId }) }),
  });
  orgRoute(app, clock, {
    method: 'PATCH',
    url: '/api/v1/members/:userId',
    permission: 'manage:members',
    summary: "Change a member's role",
    tags,
    resource: 'members',
    params: userParam,
    body: z.strictObject({ role }),
    response: okBody,
    handler: async ({ actor, params, body }) =>
      mapOk(await changeMemberRole(db, actor, { userId: params.userId, role: body.role })),
  });
  orgRoute(app, clock, {
    method: 'DELETE',
    url: '/api/v1/members/:userId',
    permission: 'manage:members',
    summary: 'Remove a member',
    tags,
    resource: 'members',
    params: userParam,
    response: okBody,
    handler: async ({ actor, params }) => mapOk(await removeMember(db, actor, { userId: params.userId })),
  });
  const invitation = z.object({
    id: z.string(),
    email: z.string(),
    role: z.string(),
    createdAt: z.string(),
    expiresAt: z.string(),
    status: z.string(),
  });
  orgRoute(app, clock, {
    method: 'GET',
    url: '/api/v1/invitations',
    permission: 'manage:members',
    summary: 'Invitations sent',
    tags,
    response: z.object({ items: z.array(invitation) }),
    handler: async ({ auth }) =>
      ok({ items: await listInvitations(db, { orgId: auth.orgId, now: clock.now().toISOString() }) }),
  });
  orgRoute(app, clock, {
    method: 'POST',
    url: '/api/v1/invitations',
    permission: 'manage:members',
    summary: 'Invite by e-mail with a role; the token is shown once',
    tags,
    body: z.strictObject({ email: email(), role }),
    status: 201,
    response: z.object({ id: z.string(), email: z.string(), role, expiresAt: z.string(), token: z.string() }),
    handler: async ({ actor, body }) => inviteMember(db, actor, body, security),
  });
  orgRoute(app, clock, {
    method: 'DELETE',
    url: '/api/v1/invitations/:id',
    permission: 'manage:members',
    summary: 'Revoke an open invitation',
    tags,
    resource: 'invitations',
    params: idParam,
    response: okBody,
    handler: async ({ actor, params }) => mapOk(await revokeInvitation(db, actor, params)),
  });
}

function registerTokenRoutes(app: FastifyInstance, { db, clock }: ApiDeps): void {
  const tags = ['tokens'];
  const token = z.object({
    id: z.string(),
    name: z.string(),
    role: z.string(),
    createdBy: z.string(),
    createdAt: z.string(),
    lastUsedAt: z.string().nullable(),
    revokedAt: z.string().nullable(),
  });
  orgRoute(app, clock, {
    method: 'GET',
    url: '/api/v1/tokens',
    permission: 'manage:tokens',
    summary: 'API tokens (never their secrets)',
    tags,
    response: z.object({ items: z.array(token) }),
    handler: async ({ auth }) => ok({ items: await listApiTokens(db, { orgId: auth.orgId }) }),
  });
  orgRoute(app, clock, {
    method: 'POST',
    url: '/api/v1/tokens',
    permission: 'manage:tokens',
    summary: 'Create an API token; the secret is shown once',
    tags,
    body: z.strictObject({ name: text(100), role: z.enum(['finance', 'credit_controller', 'viewer']) }),
    status: 201,
    response: z.object({ id: z.string(), name: z.string(), role, createdAt: z.string(), token: z.string() }),
    handler: async ({ actor, body }) => ok(await createApiToken(db, actor, body)),
  });
  orgRoute(app, clock, {
    method: 'DELETE',
    url: '/api/v1/tokens/:id',
    permission: 'manage:tokens',
    summary: 'Revoke an API token',
    tags,
    resource: 'tokens',
    params: idParam,
    response: okBody,
    handler: async ({ actor, params }) => mapOk(await revokeApiToken(db, actor, params)),
  });
}

/** A Result of an action as the API's `{ ok: true }`. */
function mapOk(r: Result<true>): Result<{ ok: true }> {
  return r.ok ? ok({ ok: true as const }) : r;
}
