/**
 * The shapes the dashboard reads from the API (the server's types, as JSON). Only the fields the
 * pages use are listed; money is `…Minor`, integer minor units of the report's currency.
 */
export interface Me {
  readonly orgId: string;
  readonly role: string;
  /**
   * How the API names this caller in records it writes ('user:…'): approvedBy, reviewer, checkedBy.
   * Credit answers give a name beside each such id (approvedByName, reviewerName, checkedByName).
   */
  readonly actor: string;
  readonly user: { readonly id: string; readonly email: string; readonly name: string } | null;
}

export interface Summary {
  readonly asOf: string;
  readonly currency: string;
  readonly cash: { readonly totalMinor: number; readonly accounts: readonly { on: string }[] };
  readonly receivables: { readonly openMinor: number; readonly overdueMinor: number; readonly openCount: number };
  readonly payables: { readonly openMinor: number; readonly dueNext30Minor: number };
  readonly creditLines: { readonly headroomMinor: number };
  readonly largestExposures: readonly Exposure[];
}

export interface Exposure {
  readonly customerId: string;
  readonly name: string;
  readonly openMinor: number;
  readonly overdueMinor: number;
  readonly limitMinor: number | null;
  readonly share: number;
}

export interface SourceRef {
  readonly kind: string;
  readonly id: string;
  readonly number: string;
  readonly counterparty: string;
  readonly amountMinor: number;
  readonly expectedOn: string;
  readonly placedOn: string;
  readonly reason: string;
}

export interface ForecastLine {
  readonly key: string;
  readonly direction: 'receipt' | 'disbursement';
  readonly totalMinor: number;
  readonly sources: readonly SourceRef[];
}

export interface ForecastPeriod {
  readonly index: number;
  readonly startOn: string;
  readonly endOn: string;
  readonly openingMinor: number;
  readonly receiptsMinor: number;
  readonly disbursementsMinor: number;
  readonly closingMinor: number;
  readonly bufferMinor: number;
  readonly headroomMinor: number;
  readonly isBelowBuffer: boolean;
  readonly lines: readonly ForecastLine[];
}

export type ScenarioName = 'optimistic' | 'base' | 'pessimistic';

export interface ScenarioForecast {
  readonly scenario: ScenarioName;
  readonly periods: readonly ForecastPeriod[];
  readonly firstBreach: { readonly index: number; readonly startOn: string } | null;
  readonly runwayWeeks: number | null;
}

export interface Forecast {
  readonly asOf: string;
  readonly currency: string;
  readonly granularity: 'week' | 'month';
  readonly opening: { readonly totalMinor: number; readonly on: string | null; readonly accounts: number };
  readonly bufferMinor: number;
  readonly scenarios: readonly ScenarioForecast[];
}

export interface ForecastPeriodDetail {
  readonly currency: string;
  readonly scenario: ScenarioName;
  readonly period: ForecastPeriod;
}

export interface AgingBucket {
  readonly key: string;
  readonly fromDays: number | null;
  readonly toDays: number | null;
}

export interface AgingSeries {
  readonly baseCurrency: string;
  readonly buckets: readonly AgingBucket[];
  readonly points: readonly {
    readonly on: string;
    readonly base: { readonly amountsMinor: readonly number[]; readonly totalMinor: number } | null;
  }[];
}

export interface MonthMetrics {
  readonly monthEnd: string;
  readonly dso: { readonly inUse: number | null };
  readonly add: number | null;
  readonly cei: { readonly monthly: number | null };
  readonly currentRatio: number | null;
  readonly quickRatio: number | null;
}

export interface Concentration {
  readonly hhi: number;
  readonly top1Share: number;
  readonly top5Share: number;
  readonly customerCount: number;
  readonly level: 'none' | 'amber' | 'red';
  readonly top: readonly { readonly customerId: string; readonly amountMinor: number; readonly share: number }[];
}

export interface Metrics {
  readonly baseCurrency: string;
  readonly months: readonly MonthMetrics[];
  readonly concentration: { readonly openAr: Concentration };
}

export interface CustomerRow {
  readonly customerId: string;
  readonly code: string;
  readonly name: string;
  readonly openMinor: number;
  readonly overdueMinor: number;
  readonly limitMinor: number | null;
  readonly typicalDaysLate: number | null;
  readonly onTimeShare: number | null;
}

export interface CustomerPage {
  readonly asOf: string;
  readonly baseCurrency: string;
  readonly customer: { id: string; code: string; name: string; country: string; termsDays: number };
  readonly behaviour: {
    readonly count: number;
    readonly shrunkWeightedDbt: number | null;
    readonly delay: { readonly p10: number; readonly median: number; readonly p90: number } | null;
    readonly onTimeShare: number | null;
    readonly trend: { readonly change: number | null };
    readonly lastSettledOn: string | null;
  };
  readonly openItems: readonly {
    invoiceId: string;
    number: string;
    currency: string;
    issuedOn: string;
    dueOn: string;
    openMinor: number;
    isDisputed: boolean;
    expectedOn: string;
    expectedP10: string;
    expectedP90: string;
  }[];
  readonly openBaseMinor: number;
  readonly overdueBaseMinor: number;
  readonly history: readonly { number: string; dueOn: string; settledOn: string; daysLate: number }[];
}

/** What the dashboard reads of GET /api/v1/credit/scores (drivers carry a `message` once the API translates them). */
export interface CreditCustomer {
  readonly customerId: string;
  readonly code?: string;
  readonly name?: string;
  readonly score?: number | null;
  readonly grade?: string | null;
  readonly pd?: number | null;
  readonly isHold?: boolean;
  readonly isOverLimit?: boolean;
  readonly isReviewDue?: boolean;
  readonly reviewDueOn?: string | null;
  readonly drivers?: readonly { readonly code: string; readonly message?: string }[];
}

export interface ImportReport {
  readonly kind: string;
  readonly file: string;
  readonly rowsRead: number;
  readonly inserted: number;
  readonly updated: number;
  readonly unchanged: number;
  readonly problems: readonly {
    row: number | null;
    column: string | null;
    value: string | null;
    code: string;
    message: string;
  }[];
  readonly committed: boolean;
}
