export type { CurrencyCode } from './currency.js';
export { currencyCodes, isCurrencyCode, minorUnits } from './currency.js';
export type { FxRate } from './fx.js';
export { convert, FxTable } from './fx.js';
export type { Money } from './money.js';
export {
  add,
  allocate,
  allocateMinor,
  compare,
  formatMinor,
  isNegative,
  isZero,
  MoneyError,
  money,
  multiply,
  negate,
  parseMinor,
  splitEvenly,
  subtract,
  sum,
  toMajor,
  zero,
} from './money.js';
export type { RoundingMode } from './rounding.js';
export { roundWith } from './rounding.js';
