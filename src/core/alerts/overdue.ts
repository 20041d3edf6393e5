import type { LatenessLikelihood } from '../receivables/index.js';
import type { AlertSettings } from './settings.js';
import type { Alert, AlertData, AlertLevel, CustomerFacts, EvidenceLink, OverdueLine } from './types.js';

/** Signals that make a late payment a default signal rather than a delay, most serious first. */
export type DefaultSignal =
  | 'insolvency'
  | 'hard_override'
  | 'legal_event'
  | 'grade_drop'
  | 'insurer_cancelled'
  | 'unusual_lateness';

/** The default signals a customer carries now (from its risk state and review), before lateness is read. */
export function defaultSignals(c: CustomerFacts): DefaultSignal[] {
  const out: DefaultSignal[] = [];
  const s = c.state;
  if (s.insolvency) out.push('insolvency');
  if (s.overrides.length > 0) out.push('hard_override');
  if (s.legalEvents.length > 0) out.push('legal_event');
  if (c.review?.reasons.some((r) => r.code === 'CR_GRADE_DROP')) out.push('grade_drop');
  if (s.cover?.cancelledOn) out.push('insurer_cancelled');
  return out;
}

/** The dunning ladder's level for an unexplained delay (DOMAIN 5.1: stages 2, 3, 4 and 6); null before stage 2. */
export function ladderLevel(daysLate: number, s: AlertSettings): AlertLevel | null {
  if (daysLate >= s.overdueCriticalDays) return 'critical';
  if (daysLate >= s.overdueWarningDays) return 'warning';
  if (daysLate >= s.overdueWatchDays) return 'watch';
  return daysLate >= s.overdueInfoDays ? 'info' : null;
}

function worstLine(lines: readonly OverdueLine[]): OverdueLine | null {
  let worst: OverdueLine | null = null;
  for (const l of lines) if (l.openMinor > 0 && (worst === null || l.daysLate > worst.daysLate)) worst = l;
  return worst;
}

const round3 = (x: number) => Math.round(x * 1000) / 1000;

/**
 * Overdue by stage (DOMAIN 5.1, issue 18): tells an ordinary delay from a default signal by the
 * customer's own delay distribution. With the customer's oldest overdue line `d` days late and
 * p = P(delay ≥ d | its own history):
 *
 * - a default signal (insolvency, a hard override, a live legal event, a grade drop of two or more,
 *   the insurer's cancellation), or p below `unusualLatenessProbability` once `unusualMinDays`
 *   late: `overdue_default_signal`, critical;
 * - p at or above `ordinaryLatenessProbability` (it usually pays this late) and fewer than
 *   `overdueCriticalDays`: `overdue_delay`, watch;
 * - otherwise `overdue_stage` at the ladder's level: nothing in the first week (the dunning
 *   reminders handle it), info from day 7, watch from 15, warning from 30, critical from 60.
 *
 * One alert per customer (key `overdue:<customer>`): a delay that becomes a default signal is the
 * same alert, escalated.
 *
 * @example
 * // a habitual late payer (always 30–45 days late) 10 days late → overdue_delay, watch
 * // a prompt payer 10 days late after an enforcement record → overdue_default_signal, critical
 */
export function evaluateOverdue(
  c: CustomerFacts,
  lateness: (customerId: string, daysLate: number) => LatenessLikelihood,
  currency: string,
  s: AlertSettings,
): Alert | null {
  const worst = worstLine(c.overdue);
  if (worst === null || worst.daysLate < 1) return null;
  const like = lateness(c.customerId, worst.daysLate);
  const signals = defaultSignals(c);
  if (like.probability < s.unusualLatenessProbability && worst.daysLate >= s.unusualMinDays)
    signals.push('unusual_lateness');
  const isOrdinary = like.probability >= s.ordinaryLatenessProbability && worst.daysLate < s.overdueCriticalDays;
  const isSignal = signals.length > 0;
  const level = isSignal ? 'critical' : isOrdinary ? 'watch' : ladderLevel(worst.daysLate, s);
  if (level === null) return null;
  const lines = c.overdue.filter((l) => l.openMinor > 0);
  const overdueMinor = lines.reduce((sum, l) => sum + l.openMinor, 0);
  const data: AlertData = {
    customer: c.code,
    name: c.name,
    invoice: worst.number,
    dueOn: worst.dueOn,
    daysLate: worst.daysLate,
    count: lines.length,
    overdueMinor,
    currency,
    probability: round3(like.probability),
    percent: Math.round(like.probability * 100),
    ownShare: like.ownShare === null ? null : round3(like.ownShare),
    historyCount: like.historyCount,
    portfolioShare: round3(like.portfolioShare),
    signals: signals.join(','),
    signal: signals[0] ?? null,
  };
  const links: EvidenceLink[] = [
    { kind: 'customer', id: c.customerId, label: c.code },
    { kind: 'invoice', id: worst.invoiceId, label: worst.number },
  ];
  const rule = isSignal ? 'overdue_default_signal' : isOrdinary ? 'overdue_delay' : 'overdue_stage';
  const reasonCode = isSignal
    ? `ALERT_REASON_OVERDUE_SIGNAL_${(signals[0] as DefaultSignal).toUpperCase()}`
    : isOrdinary
      ? 'ALERT_REASON_OVERDUE_ORDINARY'
      : 'ALERT_REASON_OVERDUE_STAGE';
  const actionCode = isSignal
    ? 'ALERT_ACTION_OVERDUE_SIGNAL'
    : isOrdinary
      ? 'ALERT_ACTION_OVERDUE_ORDINARY'
      : `ALERT_ACTION_OVERDUE_${level.toUpperCase()}`;
  return {
    rule,
    level,
    customerId: c.customerId,
    key: `overdue:${c.customerId}`,
    reason: { code: reasonCode, data },
    action: { code: actionCode, data },
    evidence: { data, links },
  };
}
