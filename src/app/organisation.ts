import type { Organisation } from '../core/model/index.js';
import { fail, ok, type Result } from '../core/shared/index.js';
import type { Db } from '../db/connection.js';
import { getOrganisation, listOrganisations } from '../db/stores/organisations.js';

/**
 * The organisation a CLI command works on: the one named, or the only one in the database.
 * With several and none named, the caller must choose (error lists them).
 */
export async function resolveOrganisation(db: Db, orgId?: string): Promise<Result<Organisation>> {
  if (orgId) {
    const org = await getOrganisation(db, { orgId });
    return org ? ok(org) : fail('ORGANISATION_NOT_FOUND', { orgId });
  }
  const all = await listOrganisations(db);
  if (all.length === 1) return ok(all[0] as Organisation);
  if (all.length === 0) return fail('NO_ORGANISATION', {});
  return fail('ORGANISATION_AMBIGUOUS', { choices: all.map((o) => o.id).join(', ') });
}
