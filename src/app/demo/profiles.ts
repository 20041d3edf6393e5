import type { Customer, SizeClass } from '../../core/model/index.js';
import type { Rng } from '../../core/shared/random.js';
import { fromEpochDay } from '../../core/time/index.js';
import {
  CITIES,
  chineseCompanyName,
  creditCode,
  DOMESTIC_INDUSTRIES,
  FOREIGN_COUNTRIES,
  foreignCompanyName,
  foreignRegistration,
} from './names.js';
import { type DemoOptions, pad } from './options.js';

/** How a customer pays; the first nine customers carry the named behaviours of the demo story. */
export type Behaviour = 'top' | 'prompt' | 'normal' | 'late' | 'very_late' | 'seasonal' | 'deteriorating' | 'insolvent';

export interface CustomerProfile {
  readonly index: number;
  readonly customer: Customer;
  readonly behaviour: Behaviour;
  readonly currency: string;
  /** Relative share of sales before activity is taken into account. */
  readonly salesWeight: number;
  /** Median days paid after the due date, and the lognormal spread around it. */
  readonly delayMedian: number;
  readonly delaySigma: number;
  /** Pays all that falls due in a month on the 25th (月结): one receipt for several invoices. */
  readonly isBatcher: boolean;
  /** Probability that an invoice is paid in two parts. */
  readonly partialRate: number;
  /** Number of invoices of the last months left disputed and unpaid. */
  readonly disputes: number;
  /** First and last epoch day on which the customer is invoiced. */
  readonly firstDay: number;
  readonly lastDay: number;
}

/** Fixed sales shares of the named customers; the others share the rest. */
const NAMED: readonly (readonly [Behaviour, number])[] = [
  ['top', 0.22],
  ['prompt', 0.02],
  ['late', 0.025],
  ['seasonal', 0.02],
  ['deteriorating', 0.035],
  ['insolvent', 0.03],
  ['normal', 0],
  ['normal', 0],
  ['normal', 0],
];
export const NAMED_SHARE = NAMED.reduce((s, [, w]) => s + w, 0);

function randomBehaviour(rng: Rng): Behaviour {
  const r = rng.next();
  return r < 0.42 ? 'prompt' : r < 0.8 ? 'normal' : r < 0.96 ? 'late' : 'very_late';
}

function delayFor(behaviour: Behaviour, rng: Rng): [number, number] {
  switch (behaviour) {
    case 'prompt':
      return [rng.uniform(-2, 2), 0.5];
    case 'late':
      return [rng.uniform(25, 55), 0.35];
    case 'very_late':
      return [rng.uniform(60, 110), 0.3];
    case 'top':
      return [12, 0.4];
    case 'insolvent':
      return [rng.uniform(15, 25), 0.4];
    default:
      return [rng.uniform(4, 14), 0.6];
  }
}

function activity(index: number, behaviour: Behaviour, opts: DemoOptions, rng: Rng): [number, number] {
  const { startDay, endDay } = opts;
  if (behaviour === 'insolvent') return [startDay, endDay - 75];
  if (index < NAMED.length) return [startDay, endDay];
  const r = rng.next();
  if (r < 0.2) return [rng.int(startDay + 30, endDay - 90), endDay];
  if (r < 0.27) return [startDay, rng.int(startDay + 200, endDay - 120)];
  return [startDay, endDay];
}

function sizeClassOf(weight: number): SizeClass {
  return weight > 0.02 ? 'large' : weight > 0.006 ? 'medium' : weight > 0.002 ? 'small' : 'micro';
}

/** One customer's profile, drawn from its own forked stream so later customers never change it. */
export function buildProfile(index: number, opts: DemoOptions, rng: Rng, usedNames: Set<string>): CustomerProfile {
  const named = NAMED[index];
  const behaviour = named ? named[0] : randomBehaviour(rng);
  const isForeign = index >= NAMED.length && rng.bernoulli(0.08);
  const salesWeight = named?.[1] || rng.lognormal(0, 1.1) * 0.004;
  const [firstDay, lastDay] = activity(index, behaviour, opts, rng);
  const [delayMedian, delaySigma] = delayFor(behaviour, rng);
  const id = `${opts.idPrefix}c-${pad(index + 1, 4)}`;
  const base = isForeign ? foreignParty(rng) : domesticParty(rng, behaviour);
  base.name = uniqueName(base, usedNames, rng, index);
  const terms = behaviour === 'top' ? 90 : base.industry === 'construction' ? 90 : rng.pick(base.terms);
  const customer: Customer = {
    id,
    code: `KH${pad(index + 1, 5)}`,
    name: base.name,
    registrationNo: base.registrationNo,
    country: base.country,
    industry: base.industry,
    sizeClass: sizeClassOf(salesWeight),
    defaultTermsDays: terms,
    currency: base.currency,
    tags: [...(isForeign ? ['export'] : []), ...(behaviour === 'top' ? ['key-account'] : [])],
    email: `finance.${pad(index + 1, 4)}@${isForeign ? 'example.com' : 'example.cn'}`,
    sinceOn: fromEpochDay(firstDay > opts.startDay ? firstDay : opts.startDay - rng.int(60, 2500)),
  };
  return {
    index,
    customer,
    behaviour,
    currency: base.currency,
    salesWeight,
    delayMedian,
    delaySigma,
    // The story customers pay invoice by invoice, so their delays read cleanly.
    isBatcher: index >= NAMED.length && rng.bernoulli(0.3),
    partialRate: behaviour === 'insolvent' ? 0.3 : rng.bernoulli(0.12) ? 0.25 : 0.01,
    disputes: index >= 6 && index < 9 ? 2 : 0,
    firstDay,
    lastDay,
  };
}

/** Redraws a name already taken (a few times, then adds a branch number) and records it as used. */
function uniqueName(base: Party, used: Set<string>, rng: Rng, index: number): string {
  let name = base.name;
  for (let k = 0; used.has(name) && k < 8; k++) name = base.rename(rng);
  if (used.has(name))
    name = base.country === 'CN' ? name.replace('有限公司', `第${index + 1}分公司`) : `${name} ${index + 1}`;
  used.add(name);
  return name;
}

interface Party {
  rename: (rng: Rng) => string;
  name: string;
  registrationNo: string;
  country: string;
  industry: string;
  currency: string;
  terms: readonly number[];
}

function domesticParty(rng: Rng, behaviour: Behaviour): Party {
  const [city, division] = rng.pick(CITIES);
  const industry =
    behaviour === 'late' ? 'construction' : behaviour === 'top' ? 'electronics' : rng.pick(DOMESTIC_INDUSTRIES);
  return {
    rename: (r) => chineseCompanyName(r, city, industry),
    name: chineseCompanyName(rng, city, industry),
    registrationNo: creditCode(rng, division),
    country: 'CN',
    industry,
    currency: 'CNY',
    terms: [30, 30, 45, 60, 60, 90],
  };
}

function foreignParty(rng: Rng): Party {
  const [country, currency, suffix] = rng.pick(FOREIGN_COUNTRIES);
  return {
    rename: (r) => foreignCompanyName(r, suffix),
    name: foreignCompanyName(rng, suffix),
    registrationNo: foreignRegistration(rng, country),
    country,
    industry: rng.pick(['wholesale', 'retail', 'electronics']),
    currency,
    terms: [30, 60, 60, 90],
  };
}
