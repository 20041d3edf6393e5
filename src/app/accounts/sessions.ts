import { fail, ok, type Result } from '../../core/shared/index.js';
import type { Db } from '../../db/connection.js';
import {
  clearFailedAttempts,
  deleteSession,
  deleteUserSessions,
  findApiTokenByHash,
  findSession,
  findUserByEmail,
  findUserById,
  insertSession,
  listUserMemberships,
  touchApiToken,
} from '../../db/stores/accounts.js';
import { type AuthContext, normaliseEmail, type SecuritySettings } from './context.js';
import { checkLockout, recordPasswordCheck } from './lockout.js';
import { isRole, type Role } from './roles.js';
import { DUMMY_PASSWORD_HASH, hashSecret, newSecret, verifyPassword } from './secrets.js';

export interface LoginRequest {
  readonly email: string;
  readonly password: string;
  readonly orgId?: string | undefined;
  readonly ip: string;
  readonly now: Date;
}

export interface LoginSuccess {
  /** The session id for the httpOnly cookie and the CSRF token for the readable one: shown once. */
  readonly sessionId: string;
  readonly csrfToken: string;
  readonly expiresAt: string;
  readonly userId: string;
  readonly orgId: string;
  readonly role: Role;
}

/**
 * Checks a password and opens a session in one organisation. Repeated failures lock the
 * account (and, past a higher count, the client address) for `lockoutMinutes` from the failure
 * that locked it (lockout.ts); a locked account is refused before its password is even checked.
 */
export async function login(db: Db, req: LoginRequest, settings: SecuritySettings): Promise<Result<LoginSuccess>> {
  const email = normaliseEmail(req.email);
  const who = { email, ip: req.ip, now: req.now };
  const allowed = await checkLockout(db, who, settings);
  if (!allowed.ok) return allowed;
  const user = await findUserByEmail(db, { email });
  const isValid = await verifyPassword(req.password, user?.password_hash ?? DUMMY_PASSWORD_HASH);
  const attempt = { at: req.now.toISOString() };
  if (!user || !isValid) {
    await recordPasswordCheck(db, { ...who, succeeded: false });
    return fail('LOGIN_FAILED', {});
  }
  const memberships = await listUserMemberships(db, { userId: user.id });
  const membership = req.orgId ? memberships.find((m) => m.org_id === req.orgId) : memberships[0];
  if (!membership || !isRole(membership.role)) return fail('NOT_A_MEMBER', {});
  await clearFailedAttempts(db, { email });
  await recordPasswordCheck(db, { ...who, succeeded: true });
  const sessionId = newSecret('cgs');
  const csrfToken = newSecret('cgc');
  const expiresAt = new Date(req.now.getTime() + settings.sessionHours * 3_600_000).toISOString();
  await insertSession(db, {
    org_id: membership.org_id,
    id_hash: hashSecret(sessionId),
    user_id: user.id,
    csrf_hash: hashSecret(csrfToken),
    created_at: attempt.at,
    expires_at: expiresAt,
  });
  return ok({ sessionId, csrfToken, expiresAt, userId: user.id, orgId: membership.org_id, role: membership.role });
}

/** The context of a live session cookie, with the member's current role; undefined otherwise. */
export async function authenticateSession(
  db: Db,
  p: { sessionId: string; now: Date },
): Promise<AuthContext | undefined> {
  const s = await findSession(db, { idHash: hashSecret(p.sessionId), now: p.now.toISOString() });
  if (!s || !isRole(s.role)) return undefined;
  const base = { orgId: s.orgId, role: s.role, userId: s.userId, tokenId: null };
  return { ...base, actor: `user:${s.userId}`, via: 'session', csrfHash: s.csrfHash };
}

/** Last-used times are written at most once a minute per token, not on every request. */
const TOUCH_EVERY_MS = 60_000;

/** The context of a live API token; undefined for an unknown or revoked one. */
export async function authenticateToken(db: Db, p: { token: string; now: Date }): Promise<AuthContext | undefined> {
  const t = await findApiTokenByHash(db, { tokenHash: hashSecret(p.token) });
  if (!t || !isRole(t.role)) return undefined;
  if (!t.last_used_at || p.now.getTime() - Date.parse(t.last_used_at) > TOUCH_EVERY_MS) {
    await touchApiToken(db, { id: t.id, at: p.now.toISOString() });
  }
  const base = { orgId: t.org_id, role: t.role, userId: null, tokenId: t.id };
  return { ...base, actor: `token:${t.id}`, via: 'token', csrfHash: null };
}

export async function logout(db: Db, p: { sessionId: string }): Promise<void> {
  await deleteSession(db, { idHash: hashSecret(p.sessionId) });
}

/** Ends every session of the user, in every organisation; returns how many ended. */
export async function logoutEverywhere(db: Db, p: { userId: string }): Promise<number> {
  return deleteUserSessions(db, p);
}

/** The public part of a user: id, e-mail and name. */
export async function describeUser(db: Db, p: { userId: string }) {
  const user = await findUserById(db, p);
  return user ? { id: user.id, email: user.email, name: user.name } : null;
}
