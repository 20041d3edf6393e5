import assert from 'node:assert/strict';
import { test } from 'node:test';
import { alertFormFromSettings, settingsFromAlertForm } from '../../web/src/alert-settings-form.js';

const stored = {
  'forecast.receiptSlices': 3,
  alerts: { runwayMonths: 6, futureKey: 1 },
  'alerts.channels': [
    { id: 'ops', kind: 'dingtalk', url: 'https://oapi.dingtalk.example/robot/send?access_token=t', secret: '********' },
  ],
};

test('the alerts card shows each threshold (defaults where unset, probabilities in %) and the channels, secrets never', () => {
  const form = alertFormFromSettings(stored);
  assert.equal(form.thresholds.runwayMonths, '6');
  assert.equal(form.thresholds.overdueCriticalDays, '60');
  assert.equal(form.thresholds.ordinaryLatenessProbability, '25');
  assert.equal(form.thresholds.dailyRunAt, '07:00');
  assert.deepEqual(form.channels, [
    {
      id: 'ops',
      kind: 'dingtalk',
      minLevel: 'warning',
      url: 'https://oapi.dingtalk.example/robot/send?access_token=t',
      secret: '',
      hasSavedSecret: true,
      to: '',
    },
  ]);
});

test('saving stores only what differs from the defaults, keeps other keys, and keeps a saved secret unless replaced', () => {
  const form = alertFormFromSettings(stored);
  const r = settingsFromAlertForm(
    {
      thresholds: { ...form.thresholds, runwayMonths: '3', unusualLatenessProbability: '2.5', dailyRunAt: '06:30' },
      channels: [
        ...form.channels,
        {
          id: 'finance',
          kind: 'email',
          minLevel: 'critical',
          url: '',
          secret: '',
          hasSavedSecret: false,
          to: 'cfo@example.com， ar@example.com',
        },
      ],
    },
    stored,
  );
  assert.ok(r.ok);
  assert.deepEqual(r.settings.alerts, { futureKey: 1, unusualLatenessProbability: 0.025, dailyRunAt: '06:30' });
  assert.equal(r.settings['forecast.receiptSlices'], 3);
  assert.deepEqual(r.settings['alerts.channels'], [
    {
      id: 'ops',
      kind: 'dingtalk',
      minLevel: 'warning',
      url: 'https://oapi.dingtalk.example/robot/send?access_token=t',
      secret: '********',
    },
    { id: 'finance', kind: 'email', minLevel: 'critical', to: ['cfo@example.com', 'ar@example.com'] },
  ]);
});

test('a value a threshold does not take, or a channel missing what its kind needs, names the field', () => {
  const form = alertFormFromSettings({});
  const bad = (over: Partial<typeof form>) => settingsFromAlertForm({ ...form, ...over }, {});
  assert.deepEqual(bad({ thresholds: { ...form.thresholds, runwayMonths: 'x' } }), {
    ok: false,
    field: 'runwayMonths',
  });
  assert.deepEqual(bad({ thresholds: { ...form.thresholds, dailyRunAt: '25:00' } }), {
    ok: false,
    field: 'dailyRunAt',
  });
  assert.deepEqual(bad({ thresholds: { ...form.thresholds, ordinaryLatenessProbability: '100' } }), {
    ok: false,
    field: 'ordinaryLatenessProbability',
  });
  // The overdue ladder must rise from info to critical.
  assert.equal(bad({ thresholds: { ...form.thresholds, overdueWatchDays: '90' } }).ok, false);
  const channel = {
    id: 'x',
    kind: 'feishu' as const,
    minLevel: 'info' as const,
    url: '',
    secret: '',
    hasSavedSecret: false,
    to: '',
  };
  assert.deepEqual(bad({ channels: [{ ...channel, url: 'ftp://x' }] }), { ok: false, field: 'channel.0.url' });
  assert.deepEqual(bad({ channels: [{ ...channel, url: 'https://open.feishu.example/hook' }] }), {
    ok: false,
    field: 'channel.0.secret',
  });
  assert.deepEqual(bad({ channels: [{ ...channel, kind: 'email', to: 'not an address' }] }), {
    ok: false,
    field: 'channel.0.to',
  });
  assert.deepEqual(
    bad({
      channels: [
        { ...channel, kind: 'email', to: 'a@example.com' },
        { ...channel, kind: 'email', to: 'b@example.com' },
      ],
    }),
    { ok: false, field: 'channel.1.id' },
  );
});
