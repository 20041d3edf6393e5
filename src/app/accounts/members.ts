import { fail, ok, type Result } from '../../core/shared/index.js';
import type { Db } from '../../db/connection.js';
import {
  countOwners,
  deleteMembership,
  findMembership,
  listMembers,
  setMembershipRole,
} from '../../db/stores/accounts.js';
import { withTransaction } from '../../db/transaction.js';
import { type Actor, writeAudit } from '../records/index.js';
import type { Role } from './roles.js';

export { listMembers };

/** Changes a member's role; the organisation always keeps at least one owner. */
export async function changeMemberRole(db: Db, by: Actor, p: { userId: string; role: Role }): Promise<Result<true>> {
  return withTransaction(db, async (tx) => {
    const member = await findMembership(tx, { orgId: by.orgId, userId: p.userId });
    if (!member) return fail('MEMBER_NOT_FOUND', {});
    if (member.role === 'owner' && p.role !== 'owner' && (await countOwners(tx, { orgId: by.orgId })) <= 1) {
      return fail('LAST_OWNER', {});
    }
    await setMembershipRole(tx, { orgId: by.orgId, userId: p.userId, role: p.role });
    await writeAudit(tx, by, {
      action: 'members.role',
      entityType: 'membership',
      entityId: p.userId,
      before: { role: member.role },
      after: { role: p.role },
    });
    return ok(true as const);
  });
}

/** Removes a member (and ends their sessions in this organisation); never the last owner. */
export async function removeMember(db: Db, by: Actor, p: { userId: string }): Promise<Result<true>> {
  return withTransaction(db, async (tx) => {
    const member = await findMembership(tx, { orgId: by.orgId, userId: p.userId });
    if (!member) return fail('MEMBER_NOT_FOUND', {});
    if (member.role === 'owner' && (await countOwners(tx, { orgId: by.orgId })) <= 1) return fail('LAST_OWNER', {});
    await deleteMembership(tx, { orgId: by.orgId, userId: p.userId });
    await writeAudit(tx, by, {
      action: 'members.remove',
      entityType: 'membership',
      entityId: p.userId,
      before: { role: member.role },
      after: null,
    });
    return ok(true as const);
  });
}
