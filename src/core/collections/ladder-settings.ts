import { fail, ok, type Result } from '../shared/index.js';

/** How a stage's date is computed: days from the due date, the end of that month, or days after the previous stage. */
export const LADDER_MODES = ['days_after_due', 'end_of_month', 'days_after_previous'] as const;
export type LadderMode = (typeof LADDER_MODES)[number];

/** What the credit controller does at a stage (DOMAIN 5.1). */
export const LADDER_ACTIONS = [
  'courtesy_reminder',
  'reminder',
  'phone_call',
  'formal_reminder',
  'demand_letter',
  'final_notice',
  'handover',
  'legal_action',
] as const;
export type LadderAction = (typeof LADDER_ACTIONS)[number];

export const ALERT_LEVELS = ['info', 'low', 'medium', 'high', 'critical'] as const;
export type AlertLevel = (typeof ALERT_LEVELS)[number];

export interface LadderStage {
  readonly action: LadderAction;
  readonly mode: LadderMode;
  /** Days from the due date (negative = before it), or from the previous stage; for 'end_of_month', the month of due + days. */
  readonly days: number;
  readonly alertLevel: AlertLevel;
}

/** The dunning ladder of an organisation (settings key 'collections.ladder'). */
export interface LadderSettings {
  /** The stages in order; the index is the stage number. */
  readonly stages: readonly LadderStage[];
  /** The stage at which the ladder calls for a credit hold on new orders (DOMAIN 5.4 rule 5: 4). */
  readonly creditHoldStage: number;
  /** The stage at which the debt is handed to the insurer or an agency (DOMAIN 5.4 rule 5: 6). */
  readonly handoverStage: number;
  /** Extra days a VIP customer gets before each stage after the due date (design default 7 [U]). */
  readonly vipGraceDays: number;
  /** Days after the promised date (or an instalment's) before a promise or a plan counts as broken (design default 3 [U]). */
  readonly promiseGraceDays: number;
}

const stage = (action: LadderAction, days: number, alertLevel: AlertLevel): LadderStage => ({
  action,
  mode: 'days_after_due',
  days,
  alertLevel,
});

/** DOMAIN 5.1: from a courtesy reminder 7 days before the due date to legal action 90 days after. */
export const DEFAULT_LADDER_SETTINGS: LadderSettings = {
  stages: [
    stage('courtesy_reminder', -7, 'info'),
    stage('reminder', 1, 'low'),
    stage('phone_call', 7, 'low'),
    stage('formal_reminder', 15, 'medium'),
    stage('demand_letter', 30, 'high'),
    stage('final_notice', 45, 'high'),
    stage('handover', 60, 'critical'),
    stage('legal_action', 90, 'critical'),
  ],
  creditHoldStage: 4,
  handoverStage: 6,
  vipGraceDays: 7,
  promiseGraceDays: 3,
};

const isInt = (v: unknown, min: number, max: number): v is number =>
  typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max;

function checkStages(value: unknown): { index: number | null; expected: string } | null {
  if (!Array.isArray(value) || value.length === 0 || value.length > 20)
    return { index: null, expected: 'a list of 1 to 20 stages' };
  let lastDueDays = Number.NEGATIVE_INFINITY;
  for (const [i, s] of value.entries()) {
    const st = s as Partial<LadderStage> | null;
    if (typeof st !== 'object' || st === null) return { index: i, expected: '{ action, mode, days, alertLevel }' };
    if (!LADDER_ACTIONS.includes(st.action as LadderAction)) return { index: i, expected: LADDER_ACTIONS.join(', ') };
    if (!LADDER_MODES.includes(st.mode as LadderMode)) return { index: i, expected: LADDER_MODES.join(', ') };
    if (!ALERT_LEVELS.includes(st.alertLevel as AlertLevel)) return { index: i, expected: ALERT_LEVELS.join(', ') };
    if (st.mode === 'days_after_previous') {
      if (i === 0) return { index: i, expected: 'the first stage counted from the due date' };
      if (!isInt(st.days, 1, 365)) return { index: i, expected: '1-365 days after the previous stage' };
    } else {
      if (!isInt(st.days, -90, 730)) return { index: i, expected: '-90 to 730 days from the due date' };
      // No level comes before the one above it: due-relative days rise stage by stage.
      if (st.days <= lastDueDays) return { index: i, expected: `more than ${lastDueDays} days (the stage before)` };
      lastDueDays = st.days;
    }
    if (Object.keys(st).some((k) => !['action', 'mode', 'days', 'alertLevel'].includes(k)))
      return { index: i, expected: 'only action, mode, days, alertLevel' };
  }
  return null;
}

/**
 * The default ladder with an organisation's overrides, checked whole: stages in rising order, a
 * known action, mode and level each, the hold and handover stages within the ladder. An unknown
 * key or a bad value is an `INVALID_SETTING` error naming the field (and the stage).
 *
 * @example
 * resolveLadderSettings({ vipGraceDays: 14 }) // ok({ ...DEFAULT_LADDER_SETTINGS, vipGraceDays: 14 })
 */
export function resolveLadderSettings(overrides: Readonly<Record<string, unknown>> = {}): Result<LadderSettings> {
  const bad = (key: string, value: unknown, expected: string) =>
    fail('INVALID_SETTING', { field: `collections.ladder.${key}`, value: JSON.stringify(value) ?? '', expected });
  for (const [key, value] of Object.entries(overrides)) {
    if (!Object.hasOwn(DEFAULT_LADDER_SETTINGS, key))
      return bad(key, key, Object.keys(DEFAULT_LADDER_SETTINGS).join(', '));
    if (key === 'stages') {
      const problem = checkStages(value);
      if (problem)
        return problem.index === null
          ? bad(key, value, problem.expected)
          : bad(`stages[${problem.index}]`, (value as unknown[])[problem.index], problem.expected);
    }
    if ((key === 'vipGraceDays' || key === 'promiseGraceDays') && !isInt(value, 0, 90))
      return bad(key, value, '0-90 days');
  }
  const merged = { ...DEFAULT_LADDER_SETTINGS, ...(overrides as Partial<LadderSettings>) };
  for (const key of ['creditHoldStage', 'handoverStage'] as const)
    if (!isInt(merged[key], 0, merged.stages.length - 1))
      return bad(key, merged[key], `a stage from 0 to ${merged.stages.length - 1}`);
  return ok(merged);
}
