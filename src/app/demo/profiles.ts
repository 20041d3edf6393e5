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
import {
  drawHabit,
  isBuilderDraw,
  type PaymentHabit,
  ROLE_HABIT,
  ROLE_SALES_SHARE,
  ROLE_SEGMENT,
  ROLES,
  type Role,
  type Segment,
  segmentOf,
} from './segments.js';

export interface CustomerProfile {
  readonly index: number;
  readonly customer: Customer;
  /** The part the customer plays in the demo story (the first nine customers), or null. */
  readonly role: Role | null;
  readonly segment: Segment;
  readonly habit: PaymentHabit;
  readonly currency: string;
  /** Relative share of sales before activity is taken into account. */
  readonly salesWeight: number;
  /** Pays on the 25th of the month (月结): one receipt for several invoices. */
  readonly isBatcher: boolean;
  /** Probability that an invoice is paid in two parts. */
  readonly partialRate: number;
  /** First and last epoch day on which the customer is invoiced. */
  readonly firstDay: number;
  readonly lastDay: number;
}

/** Sum of the story customers' fixed sales shares; the others share the rest. */
export const NAMED_SHARE = Object.values(ROLE_SALES_SHARE).reduce((s, w) => s + w, 0);

function activity(index: number, role: Role | null, opts: DemoOptions, rng: Rng): [number, number] {
  const { startDay, endDay } = opts;
  if (role === 'insolvent') return [startDay, endDay - 75];
  if (index < ROLES.length) return [startDay, endDay];
  const r = rng.next();
  if (r < 0.2) return [rng.int(startDay + 30, endDay - 90), endDay];
  if (r < 0.27) return [startDay, rng.int(startDay + 200, endDay - 120)];
  return [startDay, endDay];
}

/** A customer that pays very late is kept small: its limit caps what it can buy (a quarter of the median share). */
function maxWeight(segment: Segment): number {
  return segment === 'habitual_late' || segment === 'at_risk' ? 0.001 : Number.POSITIVE_INFINITY;
}

function sizeClassOf(weight: number): SizeClass {
  return weight > 0.02 ? 'large' : weight > 0.006 ? 'medium' : weight > 0.002 ? 'small' : 'micro';
}

/**
 * One customer's profile, drawn from its own forked stream so later customers never change it.
 * The draws keep their order from one version to the next (segment, export, size, activity,
 * habit, then the name), so every customer keeps its name and industry.
 */
export function buildProfile(index: number, opts: DemoOptions, rng: Rng, usedNames: Set<string>): CustomerProfile {
  const role = ROLES[index] ?? null;
  const draw = role === null ? rng.next() : 0.5;
  const segment = role === null ? segmentOf(draw) : ROLE_SEGMENT[role];
  const isForeign = role === null && rng.bernoulli(0.08);
  const salesWeight =
    role === null ? Math.min(rng.lognormal(0, 1.1) * 0.004, maxWeight(segment)) : ROLE_SALES_SHARE[role];
  const [firstDay, lastDay] = activity(index, role, opts, rng);
  const habitDraw = role === 'top' ? 0 : rng.next();
  const habit = (role && ROLE_HABIT[role]) ?? drawHabit(segment, habitDraw, rng.fork('habit'));
  const id = `${opts.idPrefix}c-${pad(index + 1, 4)}`;
  const isBuilder = role === 'late' || (role === null && isBuilderDraw(draw));
  const base = isForeign ? foreignParty(rng) : domesticParty(rng, role === 'top' ? 'electronics' : isBuilder);
  base.name = uniqueName(base, usedNames, rng, index);
  const terms = role === 'top' ? 90 : base.industry === 'construction' ? 90 : rng.pick(base.terms);
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
    tags: [...(isForeign ? ['export'] : []), ...(role === 'top' ? ['key-account'] : [])],
    email: `finance.${pad(index + 1, 4)}@${isForeign ? 'example.com' : 'example.cn'}`,
    sinceOn: fromEpochDay(firstDay > opts.startDay ? firstDay : opts.startDay - rng.int(60, 2500)),
  };
  return {
    index,
    customer,
    role,
    segment,
    habit,
    currency: base.currency,
    salesWeight,
    // Monthly statement settlement (月结) is common in Chinese B2B; the story customers pay
    // invoice by invoice, so their delays read cleanly.
    isBatcher: role === null && rng.bernoulli(0.45),
    partialRate: role === 'insolvent' ? 0.3 : rng.bernoulli(0.12) ? 0.25 : 0.01,
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

/** A Chinese company; `industry` true means a builder, a string fixes the industry. */
function domesticParty(rng: Rng, industry: boolean | string): Party {
  const [city, division] = rng.pick(CITIES);
  const chosen = typeof industry === 'string' ? industry : industry ? 'construction' : rng.pick(DOMESTIC_INDUSTRIES);
  return {
    rename: (r) => chineseCompanyName(r, city, chosen),
    name: chineseCompanyName(rng, city, chosen),
    registrationNo: creditCode(rng, division),
    country: 'CN',
    industry: chosen,
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
