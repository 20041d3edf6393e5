/** ISO 4217 alphabetic code, upper case, e.g. 'CNY'. */
export type CurrencyCode = string;

/**
 * Minor-unit exponents of the currencies CashGuard accepts. A currency not listed here is
 * rejected by `isCurrencyCode`, so a typo such as 'RMB' or 'USDD' is caught at import.
 */
const MINOR_UNITS: Readonly<Record<string, number>> = {
  CNY: 2,
  CNH: 2,
  HKD: 2,
  TWD: 2,
  MOP: 2,
  USD: 2,
  EUR: 2,
  GBP: 2,
  JPY: 0,
  KRW: 0,
  SGD: 2,
  AUD: 2,
  NZD: 2,
  CAD: 2,
  CHF: 2,
  SEK: 2,
  NOK: 2,
  DKK: 2,
  PLN: 2,
  CZK: 2,
  HUF: 2,
  RON: 2,
  RUB: 2,
  INR: 2,
  IDR: 2,
  MYR: 2,
  THB: 2,
  VND: 0,
  PHP: 2,
  PKR: 2,
  BDT: 2,
  LKR: 2,
  AED: 2,
  SAR: 2,
  QAR: 2,
  KWD: 3,
  BHD: 3,
  OMR: 3,
  JOD: 3,
  TRY: 2,
  ILS: 2,
  EGP: 2,
  ZAR: 2,
  NGN: 2,
  KES: 2,
  BRL: 2,
  MXN: 2,
  ARS: 2,
  CLP: 0,
  COP: 2,
  PEN: 2,
  KZT: 2,
  UZS: 2,
  MNT: 2,
};

export function isCurrencyCode(code: string): code is CurrencyCode {
  return Object.hasOwn(MINOR_UNITS, code);
}

/** Number of decimal places of the currency's minor unit (2 for CNY, 0 for JPY). */
export function minorUnits(currency: CurrencyCode): number {
  const units = Object.hasOwn(MINOR_UNITS, currency) ? MINOR_UNITS[currency] : undefined;
  if (units === undefined) throw new RangeError(`unknown currency ${currency}`);
  return units;
}

/** All accepted currency codes, sorted. */
export function currencyCodes(): string[] {
  return Object.keys(MINOR_UNITS).sort();
}
