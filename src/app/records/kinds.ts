import {
  BILL_STATUSES,
  INVOICE_STATUSES,
  LEGAL_EVENT_TYPES,
  RECURRING_CATEGORIES,
  SIZE_CLASSES,
} from '../../core/model/index.js';
import type { TableName } from '../../db/bulk.js';
import type { FieldDef } from './fields.js';

/**
 * The business records the API reads and writes generically, one entry per kind. Adding a
 * kind here gives it list (filter, sort, page), get, create, update and delete endpoints, its
 * OpenAPI schemas, tenant checks on every reference and the cross-tenant tests.
 */
export interface KindDef {
  /** URL segment under /api/v1. */
  readonly path: string;
  readonly table: TableName;
  /** API field names of the key; ['id'] means a server-generated id. */
  readonly key: readonly string[];
  readonly fields: Readonly<Record<string, FieldDef>>;
  /** Who may write: 'credit' (credit and collections) or 'data' (every other business record). */
  readonly area: 'data' | 'credit';
  /** Changes are written to the audit log with the record before and after. */
  readonly audited?: boolean;
  /** Fields usable as `?field=value` filters. */
  readonly filters: readonly string[];
  /** The date field `?from=` and `?to=` bound. */
  readonly dateField?: string;
  readonly sortable: readonly string[];
  /** Child rows written and read with the record (allocations). */
  readonly child?: {
    readonly field: string;
    readonly table: TableName;
    readonly parentColumn: string;
    readonly fields: Readonly<Record<string, FieldDef>>;
  };
  /** Fields the server fills: the acting user or the current instant. */
  readonly stamps?: Readonly<Record<string, 'actor' | 'now'>>;
}

const party = { code: 'text', name: 'text', registrationNo: 'text?', country: 'country=', defaultTermsDays: 'int=' };
const statementItems = [
  'revenue',
  'ebit',
  'netIncome',
  'totalAssets',
  'currentAssets',
  'currentLiabilities',
  'totalLiabilities',
  'retainedEarnings',
  'bookEquity',
  'inventory',
  'receivables',
  'cash',
  'marketValueEquity',
];

export const KINDS: readonly KindDef[] = [
  {
    path: 'customers',
    table: 'customers',
    key: ['id'],
    fields: {
      ...party,
      industry: 'text?',
      sizeClass: { enum: SIZE_CLASSES, mode: '?' },
      currency: 'currency?',
      tags: 'tags=',
      email: 'text?',
      sinceOn: 'date?',
    },
    area: 'data',
    filters: ['code', 'currency', 'industry', 'country'],
    sortable: ['code', 'name', 'sinceOn'],
  },
  {
    path: 'suppliers',
    table: 'suppliers',
    key: ['id'],
    fields: { ...party, currency: 'currency?', tags: 'tags=' },
    area: 'data',
    filters: ['code', 'currency', 'country'],
    sortable: ['code', 'name'],
  },
  {
    path: 'invoices',
    table: 'invoices',
    key: ['id'],
    fields: {
      customerId: 'ref:customers',
      number: 'text',
      issuedOn: 'date',
      dueOn: 'date',
      currency: 'currency',
      amountMinor: 'money',
      taxMinor: 'money=',
      status: { enum: INVOICE_STATUSES, mode: '=' },
      isDisputed: 'bool=',
      externalId: 'text?',
      instalments: 'instalments=',
      channel: 'text?',
    },
    area: 'data',
    filters: ['customerId', 'status', 'currency'],
    dateField: 'dueOn',
    sortable: ['number', 'issuedOn', 'dueOn', 'amountMinor'],
  },
  {
    path: 'receipts',
    table: 'receipts',
    key: ['id'],
    fields: {
      number: 'text',
      customerId: 'ref:customers?',
      receivedOn: 'date',
      currency: 'currency',
      amountMinor: 'money',
      reference: 'text?',
      bankAccountId: 'ref:bank_accounts?',
      externalId: 'text?',
    },
    area: 'data',
    filters: ['customerId', 'currency', 'bankAccountId'],
    dateField: 'receivedOn',
    sortable: ['number', 'receivedOn', 'amountMinor'],
    child: {
      field: 'allocations',
      table: 'receipt_allocations',
      parentColumn: 'receipt_id',
      fields: { invoiceId: 'ref:invoices', amountMinor: 'money' },
    },
  },
  {
    path: 'bills',
    table: 'bills',
    key: ['id'],
    fields: {
      supplierId: 'ref:suppliers',
      number: 'text',
      issuedOn: 'date',
      dueOn: 'date',
      currency: 'currency',
      amountMinor: 'money',
      taxMinor: 'money=',
      status: { enum: BILL_STATUSES, mode: '=' },
      externalId: 'text?',
    },
    area: 'data',
    filters: ['supplierId', 'status', 'currency'],
    dateField: 'dueOn',
    sortable: ['number', 'issuedOn', 'dueOn', 'amountMinor'],
  },
  {
    path: 'payments',
    table: 'payments',
    key: ['id'],
    fields: {
      number: 'text',
      supplierId: 'ref:suppliers?',
      paidOn: 'date',
      currency: 'currency',
      amountMinor: 'money',
      reference: 'text?',
      externalId: 'text?',
    },
    area: 'data',
    filters: ['supplierId', 'currency'],
    dateField: 'paidOn',
    sortable: ['number', 'paidOn', 'amountMinor'],
    child: {
      field: 'allocations',
      table: 'payment_allocations',
      parentColumn: 'payment_id',
      fields: { billId: 'ref:bills', amountMinor: 'money' },
    },
  },
  {
    path: 'bank-accounts',
    table: 'bank_accounts',
    key: ['id'],
    fields: { name: 'text', bankName: 'text?', accountNo: 'text?', currency: 'currency' },
    area: 'data',
    filters: ['currency'],
    sortable: ['name'],
  },
  {
    path: 'bank-balances',
    table: 'bank_balances',
    key: ['bankAccountId', 'balanceOn'],
    fields: { bankAccountId: 'ref:bank_accounts', balanceOn: 'date', amountMinor: 'money' },
    area: 'data',
    filters: ['bankAccountId'],
    dateField: 'balanceOn',
    sortable: ['balanceOn', 'amountMinor'],
  },
  {
    path: 'recurring-items',
    table: 'recurring_items',
    key: ['id'],
    fields: {
      name: 'text',
      category: { enum: RECURRING_CATEGORIES },
      direction: { enum: ['inflow', 'outflow'] },
      currency: 'currency',
      amountMinor: 'money',
      rule: 'text',
      startsOn: 'date',
      endsOn: 'date?',
    },
    area: 'data',
    filters: ['category', 'direction', 'currency'],
    sortable: ['name', 'startsOn'],
  },
  {
    path: 'fx-rates',
    table: 'fx_rates',
    key: ['rateOn', 'base', 'quote'],
    fields: { rateOn: 'date', base: 'currency', quote: 'currency', rate: 'rate' },
    area: 'data',
    filters: ['base', 'quote'],
    dateField: 'rateOn',
    sortable: ['rateOn'],
  },
  {
    path: 'financial-statements',
    table: 'financial_statements',
    key: ['customerId', 'periodEnd'],
    fields: {
      customerId: 'ref:customers',
      periodEnd: 'date',
      currency: 'currency',
      ...Object.fromEntries(statementItems.map((item) => [item, 'money?'])),
      source: 'text?',
    },
    area: 'credit',
    filters: ['customerId'],
    dateField: 'periodEnd',
    sortable: ['periodEnd'],
  },
  {
    path: 'legal-events',
    table: 'legal_events',
    key: ['id'],
    fields: {
      customerId: 'ref:customers',
      type: { enum: LEGAL_EVENT_TYPES },
      occurredOn: 'date',
      reference: 'text=',
      amountMinor: 'money?',
      currency: 'currency?',
      source: 'text?',
      description: 'note?',
      resolvedOn: 'date?',
    },
    area: 'credit',
    filters: ['customerId', 'type'],
    dateField: 'occurredOn',
    sortable: ['occurredOn'],
  },
  {
    path: 'credit-lines',
    table: 'credit_lines',
    key: ['id'],
    fields: {
      lender: 'text',
      currency: 'currency',
      limitMinor: 'money',
      drawnMinor: 'money=',
      expiresOn: 'date?',
      renewalOn: 'date?',
      interestRate: 'rate?',
    },
    area: 'data',
    audited: true,
    filters: ['lender', 'currency'],
    sortable: ['lender', 'expiresOn'],
  },
  {
    path: 'credit-limits',
    table: 'credit_limits',
    key: ['id'],
    fields: {
      customerId: 'ref:customers',
      currency: 'currency',
      limitMinor: 'money',
      needMinor: 'money?',
      capacityMinor: 'money?',
      insurerCapMinor: 'money?',
      binding: { enum: ['need', 'capacity', 'insurer', 'manual', 'override_zero'] },
      effectiveFrom: 'date',
      reason: 'note?',
    },
    stamps: { approvedBy: 'actor', approvedAt: 'now' },
    area: 'credit',
    audited: true,
    filters: ['customerId', 'currency'],
    dateField: 'effectiveFrom',
    sortable: ['effectiveFrom'],
  },
  {
    path: 'acceptance-bills',
    table: 'acceptance_bills',
    key: ['id'],
    fields: {
      number: 'text',
      kind: { enum: ['bank', 'commercial'] },
      direction: { enum: ['receivable', 'payable'] },
      currency: 'currency',
      faceMinor: 'money',
      issuedOn: 'date',
      maturesOn: 'date',
      acceptorName: 'text',
      acceptorCustomerId: 'ref:customers?',
      drawerName: 'text',
      customerId: 'ref:customers?',
      endorsements: 'endorsements=',
      status: { enum: ['held', 'endorsed', 'discounted', 'settled', 'dishonoured'], mode: '=' },
      discountedOn: 'date?',
      discountRate: 'rate?',
      plannedDiscountOn: 'date?',
      isWithRecourse: 'bool=',
    },
    area: 'data',
    filters: ['kind', 'direction', 'status', 'customerId'],
    dateField: 'maturesOn',
    sortable: ['number', 'issuedOn', 'maturesOn', 'faceMinor'],
  },
  {
    path: 'insurance-policies',
    table: 'insurance_policies',
    key: ['id'],
    fields: {
      insurer: 'text',
      policyNumber: 'text',
      currency: 'currency',
      startsOn: 'date',
      endsOn: 'date',
      terms: 'terms',
      lossPayee: 'text?',
      lossPayeeType: 'text?',
      financedShare: 'rate?',
    },
    area: 'data',
    audited: true,
    filters: ['insurer'],
    sortable: ['policyNumber', 'startsOn', 'endsOn'],
  },
  {
    path: 'dunning-actions',
    table: 'dunning_actions',
    key: ['id'],
    fields: {
      customerId: 'ref:customers',
      invoiceId: 'ref:invoices?',
      stage: 'int',
      action: 'text',
      plannedOn: 'date',
      doneAt: 'instant?',
      channel: 'text?',
      promisedOn: 'date?',
      notes: 'note?',
    },
    area: 'credit',
    filters: ['customerId', 'invoiceId'],
    dateField: 'plannedOn',
    sortable: ['plannedOn', 'stage'],
  },
];
