import { convert, minorUnits, money, roundWith } from '../money/index.js';
import type { LocalDate } from '../time/index.js';
import type { ForwardLeg } from './forward.js';

/**
 * A vanilla option bought from a bank (期权), kept as a simple pay-off: the right on `expiresOn`
 * to buy (call) or sell (put) `notionalMinor` of `currency` against `counterCurrency` at `strike`
 * (1 `currency` = `strike` `counterCurrency`). The premium (counter-currency minor units) was paid
 * on `tradeOn` and is sunk: it is in cash, not in the exposure.
 */
export interface FxOption {
  readonly id: string;
  readonly tradeOn: LocalDate;
  readonly expiresOn: LocalDate;
  readonly type: 'call' | 'put';
  readonly currency: string;
  readonly notionalMinor: number;
  readonly counterCurrency: string;
  readonly strike: number;
  readonly premiumMinor: number;
  readonly counterparty: string;
}

/** Whether the option is in the money at `rate` (1 `currency` = `rate` `counterCurrency`): exercised at expiry. */
export function isInTheMoney(o: Pick<FxOption, 'type' | 'strike'>, rate: number): boolean {
  return o.type === 'call' ? rate > o.strike : rate < o.strike;
}

/**
 * The legs an option settles at expiry when exercised at `rate`, as a forward at the strike would:
 * a call receives the currency and pays the counter amount, a put the reverse; none when out of the money.
 *
 * @example
 * optionLegs({ type: 'put', currency: 'USD', notionalMinor: 100_000_00, counterCurrency: 'CNY', strike: 7.0, … }, 6.5)
 * // [{ currency: 'USD', amountMinor: -100_000_00 }, { currency: 'CNY', amountMinor: 700_000_00 }]
 */
export function optionLegs(o: FxOption, rate: number): readonly ForwardLeg[] {
  if (!isInTheMoney(o, rate)) return [];
  const counter = convert(money(o.notionalMinor, o.currency), o.counterCurrency, o.strike).amountMinor;
  const sign = o.type === 'call' ? 1 : -1;
  return [
    { currency: o.currency, amountMinor: sign * o.notionalMinor },
    { currency: o.counterCurrency, amountMinor: -sign * counter },
  ];
}

/**
 * The intrinsic pay-off at expiry under `rate`, counter-currency minor units (0 out of the money),
 * and the net result after the premium paid.
 *
 * @example
 * optionPayoff({ type: 'call', notionalMinor: 100_000_00, strike: 7.1, premiumMinor: 5_000_00, currency: 'USD', counterCurrency: 'CNY', … }, 7.3)
 * // { isExercised: true, payoffMinor: 20_000_00, netMinor: 15_000_00 }
 */
export function optionPayoff(
  o: FxOption,
  rate: number,
): { isExercised: boolean; payoffMinor: number; netMinor: number } {
  const isExercised = isInTheMoney(o, rate);
  const factor = 10 ** (minorUnits(o.counterCurrency) - minorUnits(o.currency));
  const payoffMinor = isExercised ? roundWith(o.notionalMinor * Math.abs(rate - o.strike) * factor, 'halfEven') : 0;
  return { isExercised, payoffMinor, netMinor: payoffMinor - o.premiumMinor };
}

/** An option is outstanding from its trade date until it expires (it settles on its expiry). */
export function isOptionOutstanding(o: Pick<FxOption, 'tradeOn' | 'expiresOn'>, on: LocalDate): boolean {
  return o.tradeOn <= on && o.expiresOn > on;
}
