import type { ThresholdFinding } from '../receivables/index.js';
import { addDays, diffDays } from '../time/index.js';
import type { AlertSettings } from './settings.js';
import type { Alert, AlertData, AlertInput, AlertLevel, AlertRule, EvidenceLink, ScenarioFacts } from './types.js';

const WEEKS_PER_MONTH = 52 / 12;
const LOWER: Readonly<Record<AlertLevel, AlertLevel>> = {
  critical: 'warning',
  warning: 'watch',
  watch: 'info',
  info: 'info',
};

function companyAlert(rule: AlertRule, level: AlertLevel, key: string, data: AlertData, links: EvidenceLink[]): Alert {
  const code = rule.toUpperCase();
  return {
    rule,
    level,
    customerId: null,
    key,
    reason: { code: `ALERT_REASON_${code}`, data },
    action: { code: `ALERT_ACTION_${code}`, data },
    evidence: { data, links },
  };
}

/**
 * The forecast's own verdicts (DOMAIN 2.5 rule 7), per scenario: closing cash below zero (red:
 * critical), below the buffer within `bufferBreachWeeks` (amber: warning; left out when cash goes
 * below zero in that scenario, which says more), runway under `runwayMonths` (red: critical). The
 * base scenario speaks at these levels; the optimistic and pessimistic ones one level lower, as
 * what may happen rather than what is expected.
 */
export function evaluateForecast(input: AlertInput, s: AlertSettings): Alert[] {
  const f = input.forecast;
  if (f === null) return [];
  const out: Alert[] = [];
  const horizonEnd = addDays(f.asOf, s.bufferBreachWeeks * 7);
  const runwayLimitWeeks = Math.round(s.runwayMonths * WEEKS_PER_MONTH * 10) / 10;
  for (const sc of f.scenarios) {
    const at = (level: AlertLevel) => (sc.scenario === 'base' ? level : LOWER[level]);
    const common = { scenario: sc.scenario, currency: input.currency, bufferMinor: f.bufferMinor };
    const links: EvidenceLink[] = [{ kind: 'forecast', id: sc.scenario, label: sc.scenario }];
    if (sc.firstNegative)
      out.push(negative(sc, at('critical'), { ...common, ...week(sc.firstNegative, f.asOf) }, links));
    else if (sc.firstBreach && sc.firstBreach.startOn <= horizonEnd)
      out.push(
        companyAlert(
          'buffer_breach',
          at('warning'),
          `buffer_breach:${sc.scenario}`,
          { ...common, ...week(sc.firstBreach, f.asOf), weeks: s.bufferBreachWeeks },
          links,
        ),
      );
    if (sc.runwayWeeks !== null && sc.runwayWeeks < runwayLimitWeeks)
      out.push(
        companyAlert(
          'runway_short',
          at('critical'),
          `runway_short:${sc.scenario}`,
          { ...common, runwayWeeks: sc.runwayWeeks, limitWeeks: runwayLimitWeeks, months: s.runwayMonths },
          links,
        ),
      );
  }
  return out;
}

function week(w: NonNullable<ScenarioFacts['firstBreach']>, asOf: string): AlertData {
  return { startOn: w.startOn, endOn: w.endOn, closingMinor: w.closingMinor, inDays: diffDays(asOf, w.startOn) };
}

function negative(sc: ScenarioFacts, level: AlertLevel, data: AlertData, links: EvidenceLink[]): Alert {
  return companyAlert('cash_negative', level, `cash_negative:${sc.scenario}`, data, links);
}

/**
 * Working-capital ratio, ADD, CEI, DSO trend and concentration thresholds (DOMAIN 6, evaluated by
 * `evaluateThresholds` with its own settings): amber is a watch, red a warning.
 */
export function evaluateMetrics(findings: readonly ThresholdFinding[]): Alert[] {
  return findings.map((f) => {
    const data: AlertData = {
      metric: f.code,
      monthEnd: f.monthEnd,
      value: Math.round(f.value * 100) / 100,
      threshold: f.threshold,
      basis: f.basis ?? null,
      ceiBasis: f.ceiBasis ?? null,
      previous: f.previous === undefined ? null : Math.round(f.previous * 10) / 10,
      findingLevel: f.level,
    };
    const key = `metric:${f.code}${f.basis ? `:${f.basis}` : ''}`;
    const alert = companyAlert('metric_threshold', f.level === 'red' ? 'warning' : 'watch', key, data, [
      { kind: 'metrics', id: f.code, label: f.monthEnd },
    ]);
    // The finding's own words (the metrics catalogue) say why.
    return { ...alert, reason: { code: f.code, data } };
  });
}

const LISTED = new Set(['acceptor_overdue', 'acceptor_persistent_overdue']);

/**
 * Acceptance bills we hold (DOMAIN 7.5): maturing within `billMaturityDays` (info: present it for
 * payment), and a 商承 whose acceptor is on the 票交所 acceptor-overdue list (warning) or the
 * persistent-overdue list (critical), read from the acceptor's live legal events.
 */
export function evaluateBills(input: AlertInput, s: AlertSettings): Alert[] {
  const out: Alert[] = [];
  const facts = new Map(input.customers.map((c) => [c.customerId, c]));
  for (const b of input.bills) {
    if (b.direction !== 'receivable' || b.status !== 'held' || b.maturesOn < input.asOf) continue;
    const data: AlertData = {
      bill: b.number,
      kind: b.kind,
      acceptor: b.acceptorName,
      faceMinor: b.faceMinor,
      currency: b.currency,
      maturesOn: b.maturesOn,
      inDays: diffDays(input.asOf, b.maturesOn),
    };
    const links: EvidenceLink[] = [{ kind: 'acceptance_bill', id: b.id, label: b.number }];
    if (diffDays(input.asOf, b.maturesOn) <= s.billMaturityDays)
      out.push(companyAlert('bill_maturing', 'info', `bill_maturing:${b.id}`, data, links));
    const acceptor = b.acceptorCustomerId ? facts.get(b.acceptorCustomerId) : undefined;
    const listed = (acceptor?.state.legalEvents ?? []).filter((e) => LISTED.has(e.type));
    if (listed.length === 0) continue;
    const isPersistent = listed.some((e) => e.type === 'acceptor_persistent_overdue');
    const first = listed[0];
    out.push({
      ...companyAlert(
        'bill_acceptor_listed',
        isPersistent ? 'critical' : 'warning',
        `bill_acceptor_listed:${b.id}`,
        {
          ...data,
          customer: acceptor?.code ?? null,
          name: acceptor?.name ?? b.acceptorName,
          listedOn: first?.occurredOn ?? null,
          list: isPersistent ? 'persistent' : 'overdue',
          source: first?.source ?? null,
        },
        [...links, { kind: 'customer', id: b.acceptorCustomerId as string, label: b.acceptorName }],
      ),
      customerId: b.acceptorCustomerId,
    });
  }
  return out;
}

/**
 * Unhedged currency exposure above the organisation's limit (DOMAIN 7.6, issue 22): per foreign
 * currency whose net exposure after forwards exceeds 'fx.exposureLimits', a warning naming the
 * excess and the forward that brings it back within the limit (`hedgeNeeded`, read as computed).
 * Currencies without a limit never fire.
 *
 * @example
 * evaluateFxLimits({ ...input, fx: [{ currency: 'USD', netMinor: 1_420_000_00, limitMinor: 710_000_00,
 *   hedge: { direction: 'sell', amountMinor: 100_000_00, baseMinor: 710_000_00 } }] })
 * // [{ rule: 'fx_over_limit', level: 'warning', key: 'fx_over_limit:USD', … }]
 */
export function evaluateFxLimits(input: AlertInput): Alert[] {
  const out: Alert[] = [];
  for (const f of input.fx ?? []) {
    if (f.limitMinor === null || f.hedge === null || Math.abs(f.netMinor) <= f.limitMinor) continue;
    const data: AlertData = {
      fxCurrency: f.currency,
      position: f.netMinor > 0 ? 'long' : 'short',
      netMinor: Math.abs(f.netMinor),
      limitMinor: f.limitMinor,
      overMinor: Math.abs(f.netMinor) - f.limitMinor,
      direction: f.hedge.direction,
      hedgeAmountMinor: f.hedge.amountMinor,
      hedgeBaseMinor: f.hedge.baseMinor,
    };
    out.push(
      companyAlert('fx_over_limit', 'warning', `fx_over_limit:${f.currency}`, data, [
        { kind: 'fx', id: f.currency, label: f.currency },
      ]),
    );
  }
  return out;
}
