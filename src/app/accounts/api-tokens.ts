import { randomUUID } from 'node:crypto';
import { fail, ok, type Result } from '../../core/shared/index.js';
import type { Db } from '../../db/connection.js';
import {
  findApiToken,
  insertApiToken,
  listApiTokens as listRows,
  revokeApiToken as revokeRow,
} from '../../db/stores/accounts.js';
import { withTransaction } from '../../db/transaction.js';
import { type Actor, writeAudit } from '../records/index.js';
import type { Role } from './roles.js';
import { hashSecret, newSecret } from './secrets.js';

/** Creates an API token for the organisation with a role; the secret is returned this once only. */
export async function createApiToken(db: Db, by: Actor, p: { name: string; role: Role }) {
  const token = newSecret('cgt');
  const id = randomUUID();
  await withTransaction(db, async (tx) => {
    await insertApiToken(tx, {
      org_id: by.orgId,
      id,
      name: p.name,
      role: p.role,
      token_hash: hashSecret(token),
      created_by: by.actor,
      created_at: by.now,
      last_used_at: null,
      revoked_at: null,
    });
    const after = { name: p.name, role: p.role };
    await writeAudit(tx, by, { action: 'tokens.create', entityType: 'api_token', entityId: id, before: null, after });
  });
  return { id, name: p.name, role: p.role, createdAt: by.now, token };
}

export async function listApiTokens(db: Db, p: { orgId: string }) {
  const rows = await listRows(db, p);
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    role: r.role,
    createdBy: r.created_by,
    createdAt: r.created_at,
    lastUsedAt: r.last_used_at,
    revokedAt: r.revoked_at,
  }));
}

/** Revokes a token of the organisation; revoking a revoked token changes nothing. */
export async function revokeApiToken(db: Db, by: Actor, p: { id: string }): Promise<Result<true>> {
  return withTransaction(db, async (tx) => {
    const token = await findApiToken(tx, { orgId: by.orgId, id: p.id });
    if (!token) return fail('TOKEN_NOT_FOUND', {});
    if (token.revoked_at) return ok(true as const);
    await revokeRow(tx, { orgId: by.orgId, id: p.id, at: by.now });
    const before = { name: token.name, role: token.role, revokedAt: null };
    const after = { ...before, revokedAt: by.now };
    await writeAudit(tx, by, { action: 'tokens.revoke', entityType: 'api_token', entityId: p.id, before, after });
    return ok(true as const);
  });
}
