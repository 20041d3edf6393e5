import { createHash } from 'node:crypto';
import type { Organisation } from '../../core/model/index.js';
import { fail, ok, type Result } from '../../core/shared/index.js';
import type { Db } from '../../db/connection.js';
import { updateOrganisationRow } from '../../db/stores/accounts.js';
import { getOrganisation, getOrganisationForUpdate } from '../../db/stores/organisations.js';
import { withTransaction } from '../../db/transaction.js';
import { keepSecrets, maskSecrets } from '../insurance/connector/settings.js';
import { type Actor, writeAudit } from '../records/index.js';
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

/** The organisation as it is shown (API, audit log): its version, and the insurer connector's secrets masked. */
const versioned = (org: Organisation): VersionedOrganisation => ({
  ...org,
  settings: maskSecrets(org.settings),
  version: organisationVersion(org),
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
    // A masked secret sent back as it was read keeps the stored one.
    const settings =
      patch.settings === undefined ? undefined : checkSettings(before, keepSecrets(before.settings, patch.settings));
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
      before: { ...before, settings: maskSecrets(before.settings) },
      after: { ...after, settings: maskSecrets(after.settings) },
    });
    return ok(versioned(after));
  });
}
