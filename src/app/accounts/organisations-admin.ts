import { randomUUID } from 'node:crypto';
import { isCurrencyCode } from '../../core/money/index.js';
import { fail, ok, type Result } from '../../core/shared/index.js';
import type { Db } from '../../db/connection.js';
import { findUserByEmail, insertMembership, insertUser } from '../../db/stores/accounts.js';
import {
  type DeletedOrganisation,
  deleteOrganisationData,
  exportOrganisationData,
  type OrganisationExport,
} from '../../db/stores/organisation-data.js';
import { createOrganisation } from '../../db/stores/organisations.js';
import { withTransaction } from '../../db/transaction.js';
import { writeAudit } from '../records/index.js';
import { normaliseEmail } from './context.js';
import { hashPassword, verifyPassword } from './secrets.js';

/** The password rule of every account, wherever one is set (API schemas read the same bounds). */
export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 200;

/** Why a password is refused, or null when it is acceptable. */
export function passwordProblem(password: string): 'PASSWORD_TOO_SHORT' | 'PASSWORD_TOO_LONG' | 'PASSWORD_NUL' | null {
  if (password.includes('\u0000')) return 'PASSWORD_NUL';
  if ([...password].length < PASSWORD_MIN_LENGTH) return 'PASSWORD_TOO_SHORT';
  if ([...password].length > PASSWORD_MAX_LENGTH) return 'PASSWORD_TOO_LONG';
  return null;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export interface NewOrganisationWithOwner {
  readonly name: string;
  readonly baseCurrency: string;
  readonly weekStart?: number;
  readonly locale?: 'zh-CN' | 'en';
  readonly ownerEmail: string;
  readonly ownerName?: string;
  /** The new owner's password; for an existing account, its own password (checked). */
  readonly password: string;
  readonly now: string;
}

/**
 * Creates an organisation with its first owner in one transaction, so that someone can log in to
 * it at once: a new account for an unknown e-mail, or a membership for an existing account whose
 * password is given (it is checked, never replaced).
 */
export async function createOrganisationWithOwner(
  db: Db,
  p: NewOrganisationWithOwner,
): Promise<Result<{ orgId: string; userId: string; newAccount: boolean }>> {
  const name = p.name.trim();
  if (name.length === 0 || name.length > 200)
    return fail('INVALID_ARGUMENT', { field: '--name', value: p.name, expected: '1–200 characters' });
  if (!isCurrencyCode(p.baseCurrency)) return fail('UNKNOWN_CURRENCY', { value: p.baseCurrency });
  const email = normaliseEmail(p.ownerEmail);
  if (!EMAIL.test(email) || email.length > 254)
    return fail('INVALID_ARGUMENT', { field: '--owner-email', value: p.ownerEmail, expected: 'an e-mail address' });
  const problem = passwordProblem(p.password);
  if (problem) return fail(problem, { min: PASSWORD_MIN_LENGTH, max: PASSWORD_MAX_LENGTH });
  return withTransaction(db, async (tx) => {
    const existing = await findUserByEmail(tx, { email });
    if (existing && !(await verifyPassword(p.password, existing.password_hash))) return fail('LOGIN_FAILED', {});
    const orgId = randomUUID();
    await createOrganisation(tx, {
      id: orgId,
      name,
      baseCurrency: p.baseCurrency,
      ...(p.weekStart === undefined ? {} : { weekStart: p.weekStart }),
      ...(p.locale === undefined ? {} : { locale: p.locale }),
      createdAt: p.now,
    });
    const userId = existing?.id ?? randomUUID();
    if (!existing) {
      await insertUser(tx, {
        id: userId,
        email,
        name: p.ownerName?.trim() || email,
        password_hash: await hashPassword(p.password),
        created_at: p.now,
        password_changed_at: p.now,
      });
    }
    await insertMembership(tx, { org_id: orgId, user_id: userId, role: 'owner', created_at: p.now });
    await writeAudit(
      tx,
      { orgId, actor: 'system:cli', now: p.now },
      {
        action: 'organisation.create',
        entityType: 'organisation',
        entityId: orgId,
        before: null,
        after: { name, owner: email },
      },
    );
    return ok({ orgId, userId, newAccount: !existing });
  });
}

/** The organisation's data whole, as JSON a person can keep or move (no credentials). */
export async function exportOrganisation(db: Db, orgId: string): Promise<Result<OrganisationExport>> {
  const data = await exportOrganisationData(db, orgId);
  return data ? ok(data) : fail('ORGANISATION_NOT_FOUND', { orgId });
}

/** Deletes the organisation whole in one transaction: its data, and accounts that belonged to it alone. */
export async function deleteOrganisation(db: Db, orgId: string): Promise<Result<DeletedOrganisation>> {
  return withTransaction(db, async (tx) => {
    const deleted = await deleteOrganisationData(tx, orgId);
    return deleted ? ok(deleted) : fail('ORGANISATION_NOT_FOUND', { orgId });
  });
}
