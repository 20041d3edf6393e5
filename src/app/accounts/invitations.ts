import { randomUUID } from 'node:crypto';
import { fail, ok, type Result } from '../../core/shared/index.js';
import type { Db } from '../../db/connection.js';
import {
  closeInvitation,
  findInvitationByHash,
  findMembership,
  findUserByEmail,
  insertInvitation,
  insertMembership,
  insertUser,
  listInvitations as listInvitationRows,
} from '../../db/stores/accounts.js';
import { withTransaction } from '../../db/transaction.js';
import { type Actor, writeAudit } from '../records/index.js';
import { normaliseEmail, type SecuritySettings } from './context.js';
import { checkLockout, isLockedNow, recordPasswordCheck } from './lockout.js';
import { isRole, type Role } from './roles.js';
import { hashPassword, hashSecret, newSecret, verifyPassword } from './secrets.js';

/** Invites someone by e-mail with a role; the token (shown once) goes to them out of band. */
export async function inviteMember(db: Db, by: Actor, p: { email: string; role: Role }, settings: SecuritySettings) {
  const email = normaliseEmail(p.email);
  const existing = await findUserByEmail(db, { email });
  if (existing && (await findMembership(db, { orgId: by.orgId, userId: existing.id }))) {
    return fail('ALREADY_MEMBER', { email });
  }
  const token = newSecret('cgi');
  const id = randomUUID();
  const expiresAt = new Date(Date.parse(by.now) + settings.invitationDays * 86_400_000).toISOString();
  await withTransaction(db, async (tx) => {
    await insertInvitation(tx, {
      org_id: by.orgId,
      id,
      email,
      role: p.role,
      token_hash: hashSecret(token),
      invited_by: by.actor,
      created_at: by.now,
      expires_at: expiresAt,
      accepted_at: null,
      revoked_at: null,
    });
    const after = { email, role: p.role, expiresAt };
    await writeAudit(tx, by, {
      action: 'invitations.create',
      entityType: 'invitation',
      entityId: id,
      before: null,
      after,
    });
  });
  return ok({ id, email, role: p.role, expiresAt, token });
}

export async function listInvitations(db: Db, p: { orgId: string; now: string }) {
  const rows = await listInvitationRows(db, p);
  return rows.map((r) => ({
    id: r.id,
    email: r.email,
    role: r.role,
    createdAt: r.created_at,
    expiresAt: r.expires_at,
    status: r.accepted_at ? 'accepted' : r.revoked_at ? 'revoked' : r.expires_at <= p.now ? 'expired' : 'open',
  }));
}

export async function revokeInvitation(db: Db, by: Actor, p: { id: string }): Promise<Result<true>> {
  return withTransaction(db, async (tx) => {
    const closed = await closeInvitation(tx, { orgId: by.orgId, id: p.id, field: 'revoked_at', at: by.now });
    if (!closed) return fail('INVITATION_NOT_FOUND', {});
    await writeAudit(tx, by, {
      action: 'invitations.revoke',
      entityType: 'invitation',
      entityId: p.id,
      before: null,
      after: null,
    });
    return ok(true as const);
  });
}

export interface Acceptance {
  readonly token: string;
  readonly name: string;
  readonly password: string;
  readonly now: string;
  /** The caller's address: a password checked here counts against the same lock-out as a login. */
  readonly ip: string;
}

/**
 * Accepts an invitation: creates the account (or, for an existing one, checks its password)
 * and the membership with the invited role. A token works once and only before it expires.
 */
export async function acceptInvitation(
  db: Db,
  p: Acceptance,
  settings: SecuritySettings,
): Promise<Result<{ userId: string; orgId: string; role: Role }>> {
  return withTransaction(db, async (tx) => {
    const inv = await findInvitationByHash(tx, { tokenHash: hashSecret(p.token) });
    if (!inv || inv.accepted_at || inv.revoked_at || inv.expires_at <= p.now || !isRole(inv.role)) {
      return fail('INVITATION_INVALID', {});
    }
    let user = await findUserByEmail(tx, { email: inv.email });
    if (user) {
      // An existing account confirms with its own password: counted like a login, refused while locked.
      const who = { email: inv.email, ip: p.ip, now: new Date(p.now) };
      const allowed = await checkLockout(tx, who, settings);
      if (!allowed.ok) return allowed;
      if (!(await verifyPassword(p.password, user.password_hash))) {
        await recordPasswordCheck(tx, { ...who, succeeded: false });
        // The guess that locks the account also closes the invitation it came through.
        if (await isLockedNow(tx, who, settings))
          await closeInvitation(tx, { orgId: inv.org_id, id: inv.id, field: 'revoked_at', at: p.now });
        return fail('LOGIN_FAILED', {});
      }
    }
    if (user && (await findMembership(tx, { orgId: inv.org_id, userId: user.id }))) {
      return fail('ALREADY_MEMBER', { email: inv.email });
    }
    if (!user) {
      user = {
        id: randomUUID(),
        email: inv.email,
        name: p.name,
        password_hash: await hashPassword(p.password),
        created_at: p.now,
        password_changed_at: p.now,
      };
      await insertUser(tx, user);
    }
    await insertMembership(tx, { org_id: inv.org_id, user_id: user.id, role: inv.role, created_at: p.now });
    await closeInvitation(tx, { orgId: inv.org_id, id: inv.id, field: 'accepted_at', at: p.now });
    const by = { orgId: inv.org_id, actor: `user:${user.id}`, now: p.now };
    await writeAudit(tx, by, {
      action: 'members.join',
      entityType: 'membership',
      entityId: user.id,
      before: null,
      after: { role: inv.role },
    });
    return ok({ userId: user.id, orgId: inv.org_id, role: inv.role });
  });
}
