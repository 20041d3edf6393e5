import { z } from 'zod';
import { DISPUTE_REASONS, DISPUTE_RESOLUTIONS } from '../../core/collections/index.js';
import { localDate, money, optionalText, text } from './common.js';
import { saidReason } from './credit-reports.js';

const day = () => z.string().describe('calendar date YYYY-MM-DD');

export const worklistItem = z
  .looseObject({
    rank: z.int(),
    customerId: z.string(),
    code: z.string(),
    name: z.string(),
    stage: z.int().describe('the dunning ladder stage, 0 = courtesy reminder'),
    action: z
      .string()
      .describe(
        'courtesy_reminder | reminder | phone_call | formal_reminder | demand_letter | final_notice | handover | legal_action',
      ),
    alertLevel: z.string().describe('info | low | medium | high | critical'),
    dueSince: day(),
    invoices: z.array(
      z.looseObject({
        invoiceId: z.string(),
        number: z.string(),
        currency: z.string(),
        dueOn: day(),
        openMinor: money(),
        daysPastDue: z.int(),
      }),
    ),
    amountAtRiskMinor: money().describe('open amount of the invoices, base currency'),
    pd: z.number().describe("the customer's PD from its risk state"),
    pFurtherDelay: z.number().describe('open-weighted probability of still being unpaid 90 days after the due date'),
    priorityMinor: z.number().describe('Σ open × PD × P(further delay), base minor units'),
    riskStatus: z.string(),
    isOnHold: z.boolean(),
    isCreditHoldStage: z.boolean(),
    isHandoverStage: z.boolean(),
    isVip: z.boolean(),
    reasons: z.array(saidReason),
  })
  .meta({ id: 'WorklistItem' });

export const worklistResponse = z.looseObject({
  asOf: day(),
  currency: z.string(),
  items: z.array(worklistItem),
  paused: z.array(
    z.looseObject({
      invoiceId: z.string(),
      customerId: z.string(),
      code: z.string(),
      name: z.string(),
      number: z.string(),
      reason: z.string().describe('disputed | customer_paused'),
      until: day().nullable(),
      note: z.string().nullable(),
    }),
  ),
});

export const dispute = z
  .looseObject({
    id: z.string(),
    customerId: z.string(),
    invoiceId: z.string(),
    reason: z.string(),
    reasonText: z.string().describe('the reason in the language of Accept-Language'),
    amountMinor: money(),
    currency: z.string(),
    owner: z.string(),
    openedOn: day(),
    resolvedOn: day().nullable(),
    resolution: z.string().nullable(),
    note: z.string().nullable(),
    recordedBy: z.string(),
    recordedAt: z.string(),
  })
  .meta({ id: 'Dispute' });

export const openDisputeBody = z.strictObject({
  invoiceId: text(100),
  reason: z.enum(DISPUTE_REASONS),
  amountMinor: money().describe('the contested amount, in the invoice currency'),
  owner: text(200).describe('who works on it'),
  openedOn: localDate(),
  note: optionalText(4000).optional(),
});

export const resolveDisputeBody = z.strictObject({
  resolvedOn: localDate(),
  resolution: z.enum(DISPUTE_RESOLUTIONS),
  note: optionalText(4000).optional(),
});

const messageFigures = z.looseObject({
  stage: z.int(),
  action: z.string(),
  asOf: day(),
  showsInterest: z.boolean().describe('interest to date is stated (from the formal reminder on)'),
  lines: z.array(
    z.looseObject({
      invoiceId: z.string(),
      number: z.string(),
      currency: z.string(),
      dueOn: day(),
      openMinor: money(),
      daysPastDue: z.int(),
      interestMinor: money().describe('late interest to the as-of date under collections.messages.interestLaw'),
    }),
  ),
  totals: z.array(
    z.looseObject({ currency: z.string(), openMinor: money(), overdueMinor: money(), interestMinor: money() }),
  ),
});

export const dunningMessage = z
  .looseObject({
    customerId: z.string(),
    code: z.string(),
    name: z.string(),
    email: z.string().nullable(),
    language: z.string().describe("zh-CN or en: the customer's language (the organisation's)"),
    rank: z.int(),
    stage: z.int(),
    action: z.string(),
    figures: messageFigures,
    account: z
      .looseObject({ holder: z.string(), bankName: z.string().nullable(), accountNo: z.string(), currency: z.string() })
      .nullable()
      .describe('the receiving account the payment instructions name'),
    subject: z.string(),
    text: z.string(),
  })
  .meta({ id: 'DunningMessage' });

export const messagesResponse = z.looseObject({ asOf: day(), messages: z.array(dunningMessage) });

export const sendBody = z.strictObject({
  asOf: localDate().optional(),
  dryRun: z.boolean().default(true).describe('true (the default): show what would go, send and record nothing'),
});

export const sendResponse = z.looseObject({
  asOf: day(),
  isDryRun: z.boolean(),
  lines: z.array(
    z.looseObject({
      message: dunningMessage,
      outcome: z.string().describe('sent | would_send | NO_EMAIL | ALREADY_SENT | FAILED'),
      error: z.string().optional(),
    }),
  ),
});

export const timelineResponse = z.looseObject({
  customerId: z.string(),
  code: z.string(),
  name: z.string(),
  events: z.array(
    z.looseObject({
      on: day(),
      kind: z
        .string()
        .describe(
          'plan_agreed | plan_instalment | promise | promise_due | dispute_opened | dispute_resolved | contact | message',
        ),
      recordType: z.string().describe('the records path the event opens to: dunning-actions, promises-to-pay, …'),
      recordId: z.string(),
      invoiceId: z.string().nullable(),
      invoiceNumber: z.string().nullable(),
      stage: z.int().nullable(),
      action: z.string().nullable(),
      channel: z.string().nullable(),
      amountMinor: money().nullable(),
      currency: z.string().nullable(),
      detail: z.string().nullable(),
      by: z.string().nullable(),
    }),
  ),
});
