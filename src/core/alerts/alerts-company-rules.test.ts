import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { AcceptanceBill } from '../model/index.js';
import type { ThresholdFinding } from '../receivables/index.js';
import { evaluateAlerts } from './evaluate.js';
import { DEFAULT_ALERT_SETTINGS, resolveAlertSettings } from './settings.js';
import { ASOF, alertInput, facts, legalEvent, riskState } from './test-support.js';
import type { ForecastFacts, ScenarioFacts } from './types.js';

const scenario = (over: Partial<ScenarioFacts>): ScenarioFacts => ({
  scenario: 'base',
  firstBreach: null,
  firstNegative: null,
  runwayWeeks: null,
  runwayHorizonWeeks: 26,
  ...over,
});
const forecast = (...scenarios: ScenarioFacts[]): ForecastFacts => ({
  asOf: ASOF,
  bufferMinor: 1_000_000_00,
  isBelowBufferAtStart: false,
  scenarios,
});
const week = (startOn: string, endOn: string, closingMinor: number) => ({ startOn, endOn, closingMinor });
const run = (over: Parameters<typeof alertInput>[2]) =>
  evaluateAlerts(alertInput([], [], over), DEFAULT_ALERT_SETTINGS);

test('buffer breach within the horizon: warning in base, watch in pessimistic; none beyond the horizon', () => {
  const all = run({
    forecast: forecast(
      scenario({ firstBreach: week('2027-01-04', '2027-01-10', 900_000_00) }),
      scenario({ scenario: 'pessimistic', firstBreach: week('2026-12-21', '2026-12-27', 500_000_00) }),
    ),
  });
  assert.deepEqual(
    all.map((a) => [a.key, a.level]),
    [
      ['buffer_breach:base', 'warning'],
      ['buffer_breach:pessimistic', 'watch'],
    ],
  );
  const late = run({ forecast: forecast(scenario({ firstBreach: week('2027-06-07', '2027-06-13', 1) })) });
  assert.equal(late.length, 0);
});

test('cash below zero is critical and says more than the breach it implies; runway under 3 months is critical', () => {
  const all = run({
    forecast: forecast(
      scenario({
        firstBreach: week('2026-12-14', '2026-12-20', 10),
        firstNegative: week('2027-01-04', '2027-01-10', -5_00),
        runwayWeeks: 4.1,
      }),
    ),
  });
  assert.deepEqual(all.map((a) => [a.rule, a.level]).sort(), [
    ['cash_negative', 'critical'],
    ['runway_short', 'critical'],
  ]);
  assert.equal(all.find((a) => a.rule === 'cash_negative')?.evidence.data.inDays, 27);
  assert.equal(run({ forecast: forecast(scenario({ runwayWeeks: 14 })) }).length, 0);
});

test('a runway setting of 6 months makes 14 weeks short', () => {
  const s = resolveAlertSettings({ runwayMonths: 6 });
  assert.ok(s.ok);
  const all = evaluateAlerts(alertInput([], [], { forecast: forecast(scenario({ runwayWeeks: 14 })) }), s.value);
  assert.equal(all[0]?.rule, 'runway_short');
});

test('metric findings: amber is a watch, red a warning; each finding one alert, keyed by its basis', () => {
  const f = (code: string, level: 'amber' | 'red', basis?: 'openAr' | 'salesTrailing12'): ThresholdFinding => ({
    code,
    level,
    monthEnd: '2026-11-30',
    value: 1.2,
    threshold: 1.5,
    ...(basis ? { basis } : {}),
  });
  const all = run({
    findings: [
      f('METRIC_CURRENT_RATIO_LOW', 'amber'),
      f('METRIC_TOP1_SHARE_HIGH', 'red', 'openAr'),
      f('METRIC_TOP1_SHARE_HIGH', 'amber', 'salesTrailing12'),
    ],
  });
  assert.deepEqual(
    all.map((a) => [a.key, a.level]),
    [
      ['metric:METRIC_TOP1_SHARE_HIGH:openAr', 'warning'],
      ['metric:METRIC_CURRENT_RATIO_LOW', 'watch'],
      ['metric:METRIC_TOP1_SHARE_HIGH:salesTrailing12', 'watch'],
    ],
  );
  assert.deepEqual(run({ findings: [] }), []);
});

test('acceptance bills: maturing within 7 days is info; an acceptor on the 票交所 list is a warning', () => {
  const bill = (id: string, maturesOn: string, acceptorCustomerId: string | null): AcceptanceBill => ({
    id,
    number: `BILL-${id}`,
    kind: 'commercial',
    direction: 'receivable',
    currency: 'CNY',
    faceMinor: 200_000_00,
    issuedOn: '2026-08-01',
    maturesOn,
    acceptorName: 'Acceptor',
    acceptorCustomerId,
    drawerName: 'Drawer',
    customerId: 'X',
    endorsements: [],
    status: 'held',
    discountedOn: null,
    discountRate: null,
    plannedDiscountOn: null,
    isWithRecourse: false,
  });
  const acceptor = facts('ACC', { state: riskState('ACC', { events: [legalEvent('ACC', 'acceptor_overdue', 10)] }) });
  const all = evaluateAlerts(
    alertInput([acceptor], [], { bills: [bill('1', '2026-12-12', null), bill('2', '2027-02-01', 'ACC')] }),
    DEFAULT_ALERT_SETTINGS,
  );
  const listed = all.find((a) => a.rule === 'bill_acceptor_listed');
  assert.equal(listed?.level, 'warning');
  assert.equal(listed?.customerId, 'ACC');
  assert.equal(all.find((a) => a.rule === 'bill_maturing')?.key, 'bill_maturing:1');
  assert.equal(all.filter((a) => a.rule === 'bill_maturing').length, 1);
});

test('settings: unknown keys and values out of range are refused, naming the field', () => {
  const unknown = resolveAlertSettings({ runway: 3 });
  assert.ok(!unknown.ok && unknown.error.details.field === 'alerts.runway');
  const badP = resolveAlertSettings({ ordinaryLatenessProbability: 1.5 });
  assert.ok(!badP.ok && badP.error.details.field === 'alerts.ordinaryLatenessProbability');
  const order = resolveAlertSettings({ overdueWatchDays: 40 });
  assert.ok(!order.ok && order.error.details.field === 'alerts.overdueWatchDays');
  const time = resolveAlertSettings({ dailyRunAt: '25:00' });
  assert.ok(!time.ok);
  assert.ok(resolveAlertSettings({ dailyRunAt: '06:30', runwayMonths: 4 }).ok);
});
