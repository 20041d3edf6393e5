import {
  type CustomerRiskState,
  DEFAULT_RISK_STATE_SETTINGS,
  deriveRiskState,
  type RiskStateInput,
} from '../credit/index.js';
import type { LegalEvent } from '../model/index.js';
import {
  buildPaymentBehaviour,
  latenessLikelihood,
  type PaymentRecord,
  toPaymentColumns,
} from '../receivables/index.js';
import { addDays } from '../time/index.js';
import type { AlertInput, CustomerFacts, OverdueLine } from './types.js';

export const ASOF = '2026-12-08';

/** A risk state as `deriveRiskState` gives it, for a customer in good standing unless told otherwise. */
export function riskState(customerId: string, overrides: Partial<RiskStateInput> = {}): CustomerRiskState {
  return deriveRiskState(
    {
      customerId,
      asOf: ASOF,
      grade: 'B',
      score: 80,
      pd: 0.012,
      isIndicative: true,
      overrides: [],
      events: [],
      hold: { customerId, decision: 'allow', reasons: [], exposureAfterMinor: 0, headroomMinor: null, currency: 'CNY' },
      exposure: {
        customerId,
        currency: 'CNY',
        openArMinor: 100_000_00,
        unappliedMinor: 0,
        acceptanceBillsMinor: 0,
        openOrdersMinor: 0,
        totalMinor: 100_000_00,
        unconverted: [],
      },
      limitMinor: 200_000_00,
      cover: null,
      disputes: { count: 0, openMinor: 0 },
      lastWriteOffOn: null,
      lastReceiptOn: '2026-12-01',
      ...overrides,
    },
    DEFAULT_RISK_STATE_SETTINGS,
  );
}

export function legalEvent(customerId: string, type: LegalEvent['type'], daysAgo: number): LegalEvent {
  return {
    id: `${customerId}-${type}`,
    customerId,
    type,
    occurredOn: addDays(ASOF, -daysAgo),
    amountMinor: 42_000_000,
    currency: 'CNY',
    source: '(2026)粤0303执1945号',
    description: null,
    resolvedOn: null,
  };
}

/** One open line `daysLate` days past due. */
export function overdueLine(customerId: string, daysLate: number, openMinor = 50_000_00): OverdueLine {
  return {
    invoiceId: `${customerId}-inv`,
    number: `INV-${customerId}`,
    dueOn: addDays(ASOF, -daysLate),
    daysLate,
    openMinor,
    isDisputed: false,
  };
}

export function facts(customerId: string, over: Partial<CustomerFacts> = {}): CustomerFacts {
  return {
    customerId,
    code: customerId,
    name: `Customer ${customerId}`,
    state: riskState(customerId),
    review: null,
    overdue: [],
    ...over,
  };
}

/** Twenty settled invoices a customer paid `delays[i % n]` days late, over the last year. */
export function history(customerId: string, delays: readonly number[]): PaymentRecord[] {
  return Array.from({ length: 20 }, (_, i) => {
    const dueOn = addDays(ASOF, -360 + i * 15);
    return {
      customerId,
      issuedOn: addDays(dueOn, -30),
      dueOn,
      settledOn: addDays(dueOn, delays[i % delays.length] as number),
      amount: 100_000,
      isDisputed: false,
      channel: 'electronic' as const,
    };
  });
}

/** An alert input over these customers, lateness read from a behaviour model of `records`. */
export function alertInput(
  customers: readonly CustomerFacts[],
  records: readonly PaymentRecord[],
  over: Partial<AlertInput> = {},
): AlertInput {
  const model = buildPaymentBehaviour(toPaymentColumns(records), ASOF);
  return {
    asOf: ASOF,
    currency: 'CNY',
    customers,
    lateness: latenessLikelihood(model),
    forecast: null,
    findings: [],
    bills: [],
    ...over,
  };
}
