import type { Organisation } from '../../core/model/index.js';
import { fail, ok, type Result } from '../../core/shared/index.js';
import type { Db } from '../../db/connection.js';
import { updateOrganisationRow } from '../../db/stores/accounts.js';
import { getOrganisation } from '../../db/stores/organisations.js';
import { withTransaction } from '../../db/transaction.js';
import { type Actor, writeAudit } from '../records/index.js';
import { checkSettings } from './settings.js';

export interface OrganisationPatch {
  readonly name?: string;
  readonly locale?: 'zh-CN' | 'en';
  readonly weekStart?: number;
  readonly fiscalYearStartMonth?: number;
  /** Replaces the whole settings object, checked whole first (settings.ts). */
  readonly settings?: Record<string, unknown>;
}

export async function readOrganisation(db: Db, p: { orgId: string }): Promise<Result<Organisation>> {
  const org = await getOrganisation(db, p);
  return org ? ok(org) : fail('ORGANISATION_NOT_FOUND', { orgId: p.orgId });
}

/**
 * Updates the organisation's name and settings; the change (before, after) goes to the audit log.
 * Settings are stored only when the whole object is one every reader accepts (`checkSettings`).
 */
export async function updateOrganisation(db: Db, by: Actor, patch: OrganisationPatch): Promise<Result<Organisation>> {
  return withTransaction(db, async (tx) => {
    const before = await getOrganisation(tx, { orgId: by.orgId });
    if (!before) return fail('ORGANISATION_NOT_FOUND', { orgId: by.orgId });
    const settings = patch.settings === undefined ? undefined : checkSettings(before, patch.settings);
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
      before,
      after,
    });
    return ok(after);
  });
}
