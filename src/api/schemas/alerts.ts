import { z } from 'zod';
import { ALERT_LEVELS, ALERT_RULES, ALERT_STATUSES } from '../../core/alerts/index.js';
import { localDate, optionalText, page, text } from './common.js';

/** Request and response schemas of the alerts (src/api/routes/alerts.ts). */
const day = () => z.string().describe('calendar date YYYY-MM-DD');
const value = z.union([z.string(), z.number(), z.boolean(), z.null()]);
const worded = z.object({ code: z.string(), data: z.record(z.string(), value) });
const list = <T extends readonly [string, ...string[]]>(values: T) =>
  z
    .string()
    .max(200)
    .transform((s) => s.split(',').map((v) => v.trim()))
    .pipe(z.array(z.enum(values)))
    .describe(`comma-separated: ${values.join(', ')}`);

export const alertItem = z
  .object({
    id: z.string(),
    key: z.string().describe('de-duplication key: the same condition on a later run is the same alert'),
    rule: z.enum(ALERT_RULES),
    level: z.enum(ALERT_LEVELS),
    status: z.enum(ALERT_STATUSES),
    customerId: z.string().nullable(),
    reason: worded,
    action: worded,
    reasonText: z.string().describe('why, in one sentence, in the language of Accept-Language'),
    actionText: z.string().describe('the next action proposed'),
    evidence: z.object({
      data: z.record(z.string(), value),
      links: z.array(z.object({ kind: z.string(), id: z.string(), label: z.string() })),
    }),
    snoozedUntil: day().nullable(),
    snoozeReason: z.string().nullable(),
    assignee: z.string().nullable(),
    raisedAt: z.string(),
    acknowledgedAt: z.string().nullable(),
    firstSeenOn: day().nullable(),
    lastSeenOn: day().nullable(),
    resolvedAt: z.string().nullable(),
    resolvedBy: z.string().nullable(),
    updatedAt: z.string().nullable(),
  })
  .meta({ id: 'Alert' });

export const alertTransition = z
  .object({
    id: z.string(),
    at: z.string(),
    asOf: day().nullable(),
    action: z.string(),
    from: z.enum(ALERT_STATUSES).nullable(),
    to: z.enum(ALERT_STATUSES),
    level: z.enum(ALERT_LEVELS),
    actor: z.string(),
    note: z.string().nullable(),
  })
  .meta({ id: 'AlertTransition' });

export const alertListResponse = z.object({
  currency: z.string(),
  items: z.array(alertItem).describe('this page of the alerts that match, most serious first'),
  total: z.int().describe('how many match'),
  byLevel: z
    .object({ info: z.int(), watch: z.int(), warning: z.int(), critical: z.int() })
    .describe('of those that match, how many at each level'),
  nextOffset: z.int().nullable(),
});
export const alertDetailResponse = alertItem.extend({ history: z.array(alertTransition) });
export const alertRunResponse = z.object({
  asOf: day(),
  raised: z.int(),
  updated: z.int(),
  resolved: z.int(),
  byLevel: z.object({ info: z.int(), watch: z.int(), warning: z.int(), critical: z.int() }),
});

export const alertListQuery = z.strictObject({
  status: list(ALERT_STATUSES).optional().describe('default: open, acknowledged, snoozed'),
  level: list(ALERT_LEVELS).optional(),
  rule: list(ALERT_RULES).optional(),
  customerId: text(100).optional(),
  assignee: text(200).optional(),
  ...page,
});
export const alertRunBody = z.strictObject({ asOf: localDate().optional().describe('default: today') });
const note = optionalText(500).optional();
export const acknowledgeBody = z.strictObject({ note });
export const snoozeBody = z.strictObject({
  until: localDate().describe('the last day it stays quiet'),
  reason: text(500),
  note,
});
export const assignBody = z.strictObject({ assignee: text(200).nullable(), note });
export const resolveBody = z.strictObject({ note });
