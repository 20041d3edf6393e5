import assert from 'node:assert/strict';
import { test } from 'node:test';
import { openDatabase } from '../../../db/connection.js';
import { migrateToLatest } from '../../../db/migrate.js';
import { createOrganisation, getOrganisation } from '../../../db/stores/organisations.js';
import { readOrganisation, updateOrganisation } from '../../accounts/organisation.js';
import { SECRET_MASK } from '../../accounts/secret-settings.js';
import { listAudit } from '../../records/index.js';
import { readConnectorSettings } from './settings.js';

const by = { orgId: 'o1', actor: 'user:test', now: '2026-12-08T00:00:00Z' };
const connector = {
  provider: 'allianz-trade',
  baseUrl: 'https://api.example.test',
  policyId: 'POL-1',
  apiKey: 'AK-very-secret',
};

test('the API key is stored, never shown: masked on read and in the audit log, kept when sent back masked', async () => {
  const db = await openDatabase({ url: ':memory:' });
  try {
    await migrateToLatest(db);
    await createOrganisation(db, { id: 'o1', name: 'Org', baseCurrency: 'CNY', createdAt: '2026-01-01T00:00:00Z' });
    const set = await updateOrganisation(db, by, { settings: { 'insurance.connector': connector } });
    assert.ok(set.ok, set.ok ? '' : JSON.stringify(set.error));
    assert.deepEqual(set.value.settings['insurance.connector'], { ...connector, apiKey: SECRET_MASK });
    const read = await readOrganisation(db, { orgId: 'o1' });
    assert.ok(read.ok);
    assert.equal((read.value.settings['insurance.connector'] as { apiKey: string }).apiKey, SECRET_MASK);
    // Stored in clear for the connector only.
    const apiKey = async () =>
      ((await getOrganisation(db, { orgId: 'o1' }))?.settings['insurance.connector'] as { apiKey?: string } | undefined)
        ?.apiKey;
    assert.equal(await apiKey(), 'AK-very-secret');

    // A form sends back what it read, with another change: the key stays.
    const again = await updateOrganisation(db, by, {
      settings: { 'insurance.connector': { ...connector, apiKey: SECRET_MASK, retries: 1 } },
    });
    assert.ok(again.ok);
    const kept = await getOrganisation(db, { orgId: 'o1' });
    assert.deepEqual(kept?.settings['insurance.connector'], { ...connector, retries: 1 });
    // A new key replaces it.
    await updateOrganisation(db, by, { settings: { 'insurance.connector': { ...connector, apiKey: 'AK-new' } } });
    assert.equal(await apiKey(), 'AK-new');

    const audit = await listAudit(db, { orgId: 'o1', limit: 50, offset: 0 });
    assert.ok(audit.items.length >= 3);
    const text = JSON.stringify(audit.items);
    assert.ok(!text.includes('AK-very-secret') && !text.includes('AK-new'));
  } finally {
    await db.close();
  }
});

test('connector settings are checked whole, naming the field, never echoing a secret', async () => {
  assert.deepEqual(readConnectorSettings({ settings: {} }), {
    ok: false,
    error: { code: 'INS_CONNECTOR_NOT_SET', details: { field: 'settings.insurance.connector' } },
  });
  const noKey = readConnectorSettings({ settings: { 'insurance.connector': { ...connector, apiKey: undefined } } });
  assert.ok(!noKey.ok);
  assert.equal(noKey.error.details.field, 'settings.insurance.connector.apiKey');
  const badKey = readConnectorSettings({ settings: { 'insurance.connector': { ...connector, apiKey: '' } } });
  assert.ok(!badKey.ok);
  assert.equal(badKey.error.details.value, SECRET_MASK);
  const badUrl = readConnectorSettings({ settings: { 'insurance.connector': { ...connector, baseUrl: 'ftp://x' } } });
  assert.ok(!badUrl.ok);
  assert.equal(badUrl.error.details.field, 'settings.insurance.connector.baseUrl');
  // The mask sent for a key never stored is refused, not stored as the key.
  const masked = readConnectorSettings({ settings: { 'insurance.connector': { ...connector, apiKey: SECRET_MASK } } });
  assert.ok(!masked.ok);
  assert.equal(masked.error.details.field, 'settings.insurance.connector.apiKey');
  assert.ok(readConnectorSettings({ settings: { 'insurance.connector': connector } }).ok);
});
