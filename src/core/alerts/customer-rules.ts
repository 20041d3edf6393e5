import { addDays } from '../time/index.js';
import type { AlertSettings } from './settings.js';
import type { Alert, AlertData, AlertLevel, AlertRule, CustomerFacts, EvidenceLink } from './types.js';

function customerAlert(
  c: CustomerFacts,
  rule: AlertRule,
  level: AlertLevel,
  key: string,
  data: AlertData,
  links: readonly EvidenceLink[] = [],
): Alert {
  const code = rule.toUpperCase();
  const full = { customer: c.code, name: c.name, ...data };
  return {
    rule,
    level,
    customerId: c.customerId,
    key,
    reason: { code: `ALERT_REASON_${code}`, data: full },
    action: { code: `ALERT_ACTION_${code}`, data: full },
    evidence: { data: full, links: [{ kind: 'customer', id: c.customerId, label: c.code }, ...links] },
  };
}

/** Broken promises are told for this many days after they broke; older ones are the worklist's. */
const BROKEN_PROMISE_DAYS = 30;

/**
 * A promise to pay broken (not paid by its date plus the grace days; DOMAIN 5 / ADR 0030): a
 * warning per promise, once, while the ladder escalates the invoice and the forecast returns it
 * to the behaviour model.
 */
export function evaluateBrokenPromises(c: CustomerFacts, asOf: string): Alert[] {
  const since = addDays(asOf, -BROKEN_PROMISE_DAYS);
  return (c.brokenPromises ?? [])
    .filter((p) => p.brokenOn >= since && p.brokenOn <= asOf)
    .map((p) =>
      customerAlert(c, 'broken_promise', 'warning', `broken_promise:${p.promiseId}`, {
        promisedOn: p.promisedOn,
        brokenOn: p.brokenOn,
        amountMinor: p.amountMinor,
        paidMinor: p.paidMinor,
        currency: p.currency,
        invoice: p.invoiceNumber ?? '',
      }),
    );
}

/** In insolvency proceedings (the risk state's live insolvency event): critical. */
export function evaluateInsolvency(c: CustomerFacts): Alert | null {
  const ins = c.state.insolvency;
  if (!ins) return null;
  const data = { on: ins.on, source: ins.source, exposureMinor: c.state.exposure.totalMinor };
  return customerAlert(c, 'insolvency', 'critical', `insolvency:${c.customerId}:${ins.on}`, data);
}

/**
 * A scorecard hard override (DOMAIN 8.5 rule 2: 失信, 持续逾期, an external score under the cut-off,
 * the insurer's cancellation): grade E, limit 0, hold, and a red alert. The insolvency override
 * is the insolvency alert's, not said twice.
 */
export function evaluateHardOverride(c: CustomerFacts): Alert | null {
  const codes = c.state.overrides
    .map((r) => String(r.data.override ?? r.code))
    .filter((code) => !(c.state.insolvency && code === 'CS_OVERRIDE_INSOLVENCY'));
  if (codes.length === 0) return null;
  const data = { overrides: codes.join(','), override: codes[0] ?? null, grade: c.state.grade };
  return customerAlert(c, 'hard_override', 'critical', `hard_override:${c.customerId}:${codes.join('+')}`, data);
}

/**
 * A live legal event no older than `legalEventDays` (the insolvency has its own alert): one
 * warning per event, so a new record is a new alert and an old one is never told twice.
 */
export function evaluateLegalEvents(c: CustomerFacts, asOf: string, s: AlertSettings): Alert[] {
  const since = addDays(asOf, -s.legalEventDays);
  return c.state.legalEvents
    .filter((e) => e.type !== 'insolvency' && e.occurredOn >= since && e.occurredOn <= asOf)
    .map((e) =>
      customerAlert(
        c,
        'legal_event',
        'warning',
        `legal_event:${c.customerId}:${e.id}`,
        {
          type: e.type,
          on: e.occurredOn,
          source: e.source,
          amountMinor: e.amountMinor,
          eventCurrency: e.currency,
        },
        [{ kind: 'legal_event', id: e.id, label: e.source ?? e.type }],
      ),
    );
}

/** A drop of two grades or more since the last review (the review calendar's own trigger). */
export function evaluateGradeDrop(c: CustomerFacts): Alert | null {
  const drop = c.review?.reasons.find((r) => r.code === 'CR_GRADE_DROP');
  if (!drop) return null;
  const data = { from: drop.data.from ?? null, to: drop.data.to ?? null };
  return customerAlert(c, 'grade_drop', 'warning', `grade_drop:${c.customerId}:${data.from}-${data.to}`, data);
}

/** Exposure above the approved limit (the risk state's `isOverLimit`). */
export function evaluateOverLimit(c: CustomerFacts): Alert | null {
  const s = c.state;
  if (!s.isOverLimit || s.limitMinor === null) return null;
  const data = {
    exposureMinor: s.exposure.totalMinor,
    limitMinor: s.limitMinor,
    overMinor: s.exposure.totalMinor - s.limitMinor,
    percent: s.limitMinor > 0 ? Math.round(((s.exposure.totalMinor - s.limitMinor) / s.limitMinor) * 1000) / 10 : null,
  };
  return customerAlert(c, 'over_limit', 'warning', `over_limit:${c.customerId}`, data);
}

/** A credit review due (DOMAIN 4.2): info by cadence alone, watch when an event made it due. */
export function evaluateReviewDue(c: CustomerFacts): Alert | null {
  const r = c.review;
  if (!r?.isDue) return null;
  const triggers = r.reasons.map((x) => x.code).filter((code) => code !== 'CR_CADENCE');
  const level: AlertLevel = triggers.length > 0 ? 'watch' : 'info';
  const data = { nextDueOn: r.nextDueOn, lastReviewedOn: r.lastReviewedOn, triggers: triggers.join(',') };
  return customerAlert(c, 'review_due', level, `review_due:${c.customerId}:${r.lastReviewedOn ?? 'never'}`, data, [
    { kind: 'review', id: c.customerId, label: r.nextDueOn },
  ]);
}
