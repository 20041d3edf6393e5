import type { CurrencyCode } from '../money/index.js';
import type { LocalDate } from '../time/index.js';

/** The SME using CashGuard: a tenant. Every other record belongs to exactly one. */
export interface Organisation {
  readonly id: string;
  readonly name: string;
  readonly baseCurrency: CurrencyCode;
  /** ISO day the organisation's weeks start on: 1 = Monday (default) ... 7 = Sunday. */
  readonly weekStart: number;
  /** Month (1-12) the fiscal year starts in; 1 for Chinese companies. */
  readonly fiscalYearStartMonth: number;
  readonly locale: 'zh-CN' | 'en';
  /** Overrides of DOMAIN.md defaults (aging boundaries, thresholds, ...), by setting key. */
  readonly settings: Readonly<Record<string, unknown>>;
}

/** Size class of a counterparty, as declared (matters for the 条例 late-payment rules). */
export const SIZE_CLASSES = ['micro', 'small', 'medium', 'large', 'government'] as const;
export type SizeClass = (typeof SIZE_CLASSES)[number];

/** A buyer: who owes us money (客户 / 买方). */
export interface Customer {
  readonly id: string;
  /** The customer's code in the user's own books (客户编码); the import key. */
  readonly code: string;
  readonly name: string;
  /** 统一社会信用代码 or a foreign registration number. */
  readonly registrationNo: string | null;
  /** ISO 3166-1 alpha-2, e.g. 'CN'. */
  readonly country: string;
  readonly industry: string | null;
  readonly sizeClass: SizeClass | null;
  readonly defaultTermsDays: number;
  readonly currency: CurrencyCode | null;
  readonly tags: readonly string[];
  readonly email: string | null;
  /** The day we first sold to the customer on credit, if known. */
  readonly sinceOn: LocalDate | null;
}

/** Whom we owe money (供应商). */
export interface Supplier {
  readonly id: string;
  readonly code: string;
  readonly name: string;
  readonly registrationNo: string | null;
  readonly country: string;
  readonly defaultTermsDays: number;
  readonly currency: CurrencyCode | null;
  readonly tags: readonly string[];
}
