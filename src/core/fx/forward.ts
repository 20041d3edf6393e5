import { convert, money } from '../money/index.js';
import type { LocalDate } from '../time/index.js';

/**
 * A forward contract (远期结汇 / 远期购汇): on `valueOn` we `direction` (sell or buy) `amountMinor`
 * of `currency` against `counterCurrency` at `rate` (1 `currency` = `rate` `counterCurrency`),
 * agreed on `tradeOn` with a bank (`counterparty`).
 */
export interface FxForward {
  readonly id: string;
  readonly tradeOn: LocalDate;
  readonly valueOn: LocalDate;
  readonly direction: 'sell' | 'buy';
  readonly currency: string;
  readonly amountMinor: number;
  readonly counterCurrency: string;
  readonly rate: number;
  readonly counterparty: string;
}

/** One side of a forward's settlement: a signed amount (+ received, − paid) in one currency. */
export interface ForwardLeg {
  readonly currency: string;
  readonly amountMinor: number;
}

/**
 * The two legs a forward settles on its value date: what is paid in one currency and received in
 * the other, the counter amount converted at the contract rate (half-even, through `convert`).
 *
 * @example
 * forwardLegs({ direction: 'sell', currency: 'USD', amountMinor: 100_000_00, counterCurrency: 'CNY', rate: 7.1, ... })
 * // [{ currency: 'USD', amountMinor: -100_000_00 }, { currency: 'CNY', amountMinor: 710_000_00 }]
 */
export function forwardLegs(f: FxForward): readonly [ForwardLeg, ForwardLeg] {
  const counter = convert(money(f.amountMinor, f.currency), f.counterCurrency, f.rate).amountMinor;
  const sign = f.direction === 'sell' ? -1 : 1;
  return [
    { currency: f.currency, amountMinor: sign * f.amountMinor },
    { currency: f.counterCurrency, amountMinor: -sign * counter },
  ];
}

/**
 * A forward is outstanding on `on` while its value date is still ahead: it settles (and its legs
 * become cash) on the value date itself.
 *
 * @example
 * isForwardOutstanding({ valueOn: '2026-12-31', ... }, '2026-12-30') // true
 */
export function isForwardOutstanding(f: Pick<FxForward, 'valueOn' | 'tradeOn'>, on: LocalDate): boolean {
  return f.tradeOn <= on && f.valueOn > on;
}
