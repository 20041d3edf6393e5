import type { DistressReason, DistressScore } from '../../core/credit/distress/index.js';
import { type Locale, translate } from '../../i18n/index.js';

/** `retainedEarnings` → `RETAINED_EARNINGS` (catalogue keys are SCREAMING_SNAKE). */
const snake = (name: string): string => name.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toUpperCase();

/** A feature code (`EBIT_TA`, `ATTR29`) in words, e.g. 'EBIT / total assets'. */
export function distressFeatureName(code: string, locale: Locale): string {
  return translate(`DISTRESS_RATIO_${code}`, {}, locale);
}

/** A statement item (`retainedEarnings`) in words, e.g. 'retained earnings'. */
export function distressItemName(name: string, locale: Locale): string {
  return translate(`DISTRESS_ITEM_${snake(name)}`, {}, locale);
}

/** Mid-sentence, a name starts in lower case unless it starts with an abbreviation ('EBIT') or a person's name. */
const midSentence = (text: string): string =>
  /^[A-Z][a-z]/.test(text) && !/^Altman\b/.test(text) ? text[0]?.toLowerCase() + text.slice(1) : text;

function list(codes: string, nameOf: (code: string) => string, locale: Locale): string {
  const names = codes
    .split(',')
    .filter((c) => c !== '')
    .map((c, i) => (i === 0 ? nameOf(c) : midSentence(nameOf(c))));
  return names.join(translate('DISTRESS_LIST_SEPARATOR', {}, locale));
}

/** Plain figures as people read them: three significant digits, no exponent for usual sizes. */
function figure(x: number): string {
  const abs = Math.abs(x);
  if (abs >= 1000 || abs === 0) return String(Math.round(x));
  if (abs < 0.001) return x.toExponential(1);
  return String(Number(x.toPrecision(3)));
}

/**
 * One reason of a distress score as a sentence in the reader's language, e.g.
 * 'EBIT / total assets is low: -0.12 (typical 0.0778)' / '息税前利润/总资产偏低：-0.12（一般为 0.0778）'.
 */
export function describeDistressReason(reason: DistressReason, locale: Locale): string {
  const data: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(reason.data)) {
    if (key === 'feature' && typeof value === 'string') data[key] = distressFeatureName(value, locale);
    else if (key === 'features' && typeof value === 'string')
      data[key] = list(value, (c) => distressFeatureName(c, locale), locale);
    else if (key === 'items' && typeof value === 'string')
      data[key] = list(value, (c) => distressItemName(c, locale), locale);
    else if (typeof value === 'number' && key !== 'weight' && !Number.isInteger(value)) data[key] = figure(value);
    else data[key] = value ?? '—';
  }
  return translate(reason.code, data, locale);
}

/** Every reason of a score in words. */
export function describeDistressReasons(score: Pick<DistressScore, 'reasons'>, locale: Locale): string[] {
  return score.reasons.map((r) => describeDistressReason(r, locale));
}

const DRIVER_CODES: Readonly<Partial<Record<DistressReason['code'], string>>> = {
  DISTRESS_FEATURE_LOW: 'LOW',
  DISTRESS_FEATURE_HIGH: 'HIGH',
  DISTRESS_FEATURE_RISKY: 'RISKY',
  DISTRESS_FEATURE_MISSING: 'MISSING',
  DISTRESS_OUT_OF_RANGE_BLENDED: 'OUT_OF_RANGE',
  DISTRESS_ITEMS_MISSING: 'ITEMS_MISSING',
};

/**
 * The reasons of a distress score as the scorecard carries them (its financial pillar takes plain
 * strings): `LOW:EBIT_TA`, `HIGH:TL_TA`, `RISKY:ATTR9`, `MISSING:ATTR21`, `OUT_OF_RANGE`, `ITEMS_MISSING`.
 * `describeDistressDrivers` reads them back into words.
 */
export function distressDriverTokens(score: Pick<DistressScore, 'reasons'>): string[] {
  return score.reasons.flatMap((r) => {
    const token = DRIVER_CODES[r.code];
    if (token === undefined) return [];
    return [typeof r.data.feature === 'string' ? `${token}:${r.data.feature}` : token];
  });
}

/** Tokens of an older model version, kept in stored score history: `LOW_EBIT_TA(0.1)`, `MISSING_X`. */
const LEGACY = /^(LOW|HIGH|MISSING)_([A-Z0-9_]+?)(\(.*\))?$/;

function describeToken(token: string, locale: Locale): string {
  const legacy = LEGACY.exec(token);
  const [kind, feature] = legacy ? [legacy[1] ?? '', legacy[2] ?? ''] : token.split(':');
  const data = feature === undefined ? {} : { feature: distressFeatureName(feature, locale) };
  return translate(`DISTRESS_DRIVER_${kind}`, data, locale);
}

/**
 * The scorecard's distress drivers (tokens joined by ', ', as the financial pillar writes them)
 * in words, e.g. 'EBIT / total assets low, total liabilities / total assets high'.
 */
export function describeDistressDrivers(drivers: string, locale: Locale): string {
  const tokens = drivers.split(', ').filter((t) => t !== '');
  return tokens
    .map((t, i) => (i === 0 ? describeToken(t, locale) : midSentence(describeToken(t, locale))))
    .join(translate('DISTRESS_LIST_SEPARATOR', {}, locale));
}
