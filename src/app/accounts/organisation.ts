import { createHash } from 'node:crypto';
import type { Organisation } from '../../core/model/index.js';
import { fail, ok, type Result } from '../../core/shared/index.js';
import type { Db } from '../../db/connection.js';
import { updateOrganisationRow } from '../../db/stores/accounts.js';
import { getOrganisation, getOrganisationForUpdate } from '../../db/stores/organisations.js';
import { withTransaction } from '../../db/transaction.js';
import { type Actor, writeAudit } from '../records/index.js';
import { keepSecrets, maskedSecretAt, maskSecrets, SECRET_MASK } from './secret-settings.js';
import { checkSettings } from './settings.js';

export interface OrganisationPatch {
  readonly name?: string;
  readonly locale?: 'zh-CN' | 'en';
  readonly weekStart?: number;
  readonly fiscalYearStartMonth?: number;
  /** Replaces the whole settings object, checked whole first (settings.ts). */
  readonly settings?: Record<string, unknown>;
  /**
   * The `version` the change was made from (as read): when given and the organisation has changed
   * since, nothing is written and the answer is VERSION_CONFLICT, so no one's change is lost.
   */
  readonly version?: string;
}

/** The organisation as read, with the version a change made from it names. */
export type VersionedOrganisation = Organisation & { readonly version: string };

/** A version of the organisation's editable content: it changes exactly when a name, a rule or a setting does. */
export function organisationVersion(org: Organisation): string {
  const content = JSON.stringify([org.name, org.locale, org.weekStart, org.fiscalYearStartMonth, org.settings]);
  return createHash('sha256').update(content).digest('hex').slice(0, 20);
}

/** The organisation as people may see it: its version, and its secrets masked (secret-settings.ts). */
const versioned = (org: Organisation): VersionedOrganisation => ({
  ...shown(org),
  version: organisationVersion(org),
});

const shown = (org: Organisation): Organisation => ({
  ...org,
  settings: maskSecrets(org.settings) as Organisation['settings'],
});

export async function readOrganisation(db: Db, p: { orgId: string }): Promise<Result<VersionedOrganisation>> {
  const org = await getOrganisation(db, p);
  return org ? ok(versioned(org)) : fail('ORGANISATION_NOT_FOUND', { orgId: p.orgId });
}

/**
 * Updates the organisation's name and settings; the change (before, after) goes to the audit log.
 * Settings are stored only when the whole object is one every reader accepts (`checkSettings`).
 */
export async function updateOrganisation(
  db: Db,
  by: Actor,
  patch: OrganisationPatch,
): Promise<Result<VersionedOrganisation>> {
  return withTransaction(db, async (tx) => {
    // Locked until the transaction ends (PostgreSQL; SQLite writes one at a time): two changes
    // made at once are applied one after the other, each checked against what the other wrote.
    const before = await getOrganisationForUpdate(tx, { orgId: by.orgId });
    if (!before) return fail('ORGANISATION_NOT_FOUND', { orgId: by.orgId });
    if (patch.version !== undefined && patch.version !== organisationVersion(before)) {
      return fail('VERSION_CONFLICT', { current: organisationVersion(before) });
    }
    // A secret sent back masked, as it was read, keeps the stored one; a mask with none behind it is refused.
    const next =
      patch.settings === undefined
        ? undefined
        : (keepSecrets(patch.settings, before.settings) as Record<string, unknown>);
    const masked = next === undefined ? null : maskedSecretAt(next);
    if (masked !== null)
      return fail('INVALID_SETTING', { field: masked, value: SECRET_MASK, expected: 'the secret itself' });
    const settings = next === undefined ? undefined : checkSettings(before, next);
    if (settings !== undefined && !settings.ok) return settings;
    await updateOrganisationRow(tx, {
      orgId: by.orgId,
      values: {
        ...(patch.name !== undefined ? { name: patch.name } : {}),
        ...(patch.locale !== undefined ? { locale: patch.locale } : {}),
        ...(patch.weekStart !== undefined ? { week_start: patch.weekStart } : {}),
        ...(patch.fiscalYearStartMonth !== undefined ? { fiscal_year_start_month: patch.fiscalYearStartMonth } : {}),
        ...(settings !== undefined ? { settings: JSON.stringify(settings.value) } : {}),
      },
    });
    const after = await getOrganisation(tx, { orgId: by.orgId });
    if (!after) return fail('ORGANISATION_NOT_FOUND', { orgId: by.orgId });
    await writeAudit(tx, by, {
      action: 'organisation.update',
      entityType: 'organisation',
      entityId: by.orgId,
      before: shown(before),
      after: shown(after),
    });
    return ok(versioned(after));
  });
}
