import {
  ALERT_CATEGORIES,
  ALERT_LEVELS,
  type AlertLevel,
  type AlertSubscription,
  alertCategory,
  checkSubscription,
  levelRank,
  resolveSmtpSettings,
} from '../../core/alerts/index.js';
import type { Organisation } from '../../core/model/index.js';
import { fail, ok, type Result } from '../../core/shared/index.js';
import type { LocalDate } from '../../core/time/index.js';
import type { Db } from '../../db/connection.js';
import { loadAlertSubscriptions, saveAlertSubscription } from '../../db/stores/alert-subscriptions.js';
import { loadAlerts, type StoredAlert } from '../../db/stores/alerts.js';
import { claimJobRun, finishJobRun, releaseJobRun } from '../../db/stores/job-runs.js';
import { getOrganisation } from '../../db/stores/organisations.js';
import { type Locale, translate } from '../../i18n/index.js';
import type { Clock } from '../clock.js';
import { wordAlert } from './format.js';
import { type Mailer, smtpMailer } from './senders.js';

type Settable = Pick<AlertSubscription, 'minLevel' | 'categories' | 'digest' | 'locale'>;

/** A member's subscription, or what it is before they choose: nothing e-mailed, no digest, the organisation's language. */
export async function readSubscription(db: Db, params: { orgId: string; userId: string }): Promise<Result<Settable>> {
  const org = await getOrganisation(db, { orgId: params.orgId });
  if (!org) return fail('ORGANISATION_NOT_FOUND', { orgId: params.orgId });
  const own = (await loadAlertSubscriptions(db, { orgId: params.orgId })).find((s) => s.userId === params.userId);
  if (own) return ok({ minLevel: own.minLevel, categories: own.categories, digest: own.digest, locale: own.locale });
  return ok({
    minLevel: null,
    categories: [...ALERT_CATEGORIES],
    digest: false,
    locale: org.locale === 'en' ? 'en' : 'zh-CN',
  });
}

/** Sets a member's own subscription, checked (`checkSubscription`). */
export async function setSubscription(
  db: Db,
  params: { orgId: string; userId: string; at: string },
  input: { minLevel: unknown; categories: unknown; digest: unknown; locale: unknown },
): Promise<Result<Settable>> {
  const checked = checkSubscription(input);
  if (!checked.ok) return checked;
  await saveAlertSubscription(db, {
    orgId: params.orgId,
    at: params.at,
    subscription: { userId: params.userId, ...checked.value },
  });
  return ok(checked.value);
}

export interface Digest {
  readonly subject: string;
  readonly text: string;
  readonly open: Readonly<Record<AlertLevel, number>>;
  readonly raisedToday: number;
  readonly resolvedToday: number;
}

/** At most this many alerts are told one by one in a digest; the rest are counted. */
const DIGEST_LINES = 20;

/**
 * The daily digest of an organisation as of a day, in a language: what is open by level, what is
 * new today and what was resolved, then the most serious open alerts one line each (of the
 * categories given), each with why and what to do.
 *
 * @example
 * const d = await composeDigest(db, { orgId: 'demo', asOf: '2026-12-08', locale: 'zh-CN' });
 * if (d.ok) d.value.subject; // '【每日预警摘要】… 严重 2 · 警告 5 …'
 */
export async function composeDigest(
  db: Db,
  params: { orgId: string; asOf: LocalDate; locale: Locale; categories?: readonly string[] },
): Promise<Result<Digest>> {
  const org = await getOrganisation(db, { orgId: params.orgId });
  if (!org) return fail('ORGANISATION_NOT_FOUND', { orgId: params.orgId });
  return ok(digestOf(org, await loadAlerts(db, { orgId: params.orgId }), params));
}

/** The digest from the organisation's stored alerts (read once for all of its members). */
function digestOf(
  org: Organisation,
  stored: readonly StoredAlert[],
  params: { asOf: LocalDate; locale: Locale; categories?: readonly string[] },
): Digest {
  const t = (code: string, data: Record<string, unknown> = {}) => translate(code, data, params.locale);
  const wanted = (rule: string) => params.categories === undefined || params.categories.includes(alertCategory(rule));
  const all = stored.filter((a) => wanted(a.rule));
  const open = all.filter((a) => a.status !== 'resolved');
  const count = Object.fromEntries(ALERT_LEVELS.map((l) => [l, open.filter((a) => a.level === l).length])) as Record<
    AlertLevel,
    number
  >;
  const raisedToday = open.filter((a) => a.firstSeenOn === params.asOf).length;
  const resolvedToday = all.filter(
    (a) => a.status === 'resolved' && (a.resolvedAt ?? '').startsWith(params.asOf),
  ).length;
  const top = [...open].sort((a, b) => levelRank(b.level) - levelRank(a.level)).slice(0, DIGEST_LINES);
  const counts = t('ALERT_DIGEST_COUNTS', { ...count, raised: raisedToday, resolved: resolvedToday });
  const lines = top.map(
    (a) =>
      `${t(`ALERT_LEVEL_${a.level}`)} · ${t(`ALERT_RULE_${a.rule}`)}: ${wordAlert(a.reason, params.locale, org.baseCurrency)}\n  → ${wordAlert(a.action, params.locale, org.baseCurrency)}`,
  );
  const more = open.length > top.length ? [t('ALERT_DIGEST_MORE', { count: open.length - top.length })] : [];
  const subject = t('ALERT_DIGEST_SUBJECT', { organisation: org.name, asOf: params.asOf, ...count });
  const body = open.length === 0 ? [counts, '', t('ALERT_DIGEST_NOTHING')] : [counts, '', ...lines, ...more];
  return { subject, text: body.join('\n'), open: count, raisedToday, resolvedToday };
}

/**
 * Sends the day's digest to every member who asked for one, each once a day (claimed in
 * `job_runs` as 'digest:<user>': a run repeated after a restart sends nothing twice). Without SMTP
 * settings nothing is sent. Answers how many were sent.
 */
export async function sendDigests(
  db: Db,
  params: { orgId: string; runOn: LocalDate; clock: Clock; runner: string; mailer?: Mailer },
): Promise<Result<number>> {
  const org = await getOrganisation(db, { orgId: params.orgId });
  if (!org) return fail('ORGANISATION_NOT_FOUND', { orgId: params.orgId });
  const smtp = resolveSmtpSettings(org.settings['alerts.smtp']);
  if (!smtp.ok) return smtp;
  const mailer = params.mailer ?? (smtp.value ? smtpMailer(smtp.value) : null);
  if (!mailer) return ok(0);
  let sent = 0;
  let stored: StoredAlert[] | undefined;
  for (const s of await loadAlertSubscriptions(db, { orgId: params.orgId })) {
    if (!s.digest) continue;
    const key = { orgId: params.orgId, job: `digest:${s.userId}`, runOn: params.runOn };
    const now = params.clock.now().toISOString();
    const claimed = await claimJobRun(db, { ...key, runner: params.runner, now, staleBefore: '0000' });
    if (!claimed) continue;
    stored ??= await loadAlerts(db, { orgId: params.orgId });
    const digest = digestOf(org, stored, {
      asOf: params.runOn,
      locale: s.locale,
      // No category chosen (only a digest wanted): every one.
      ...(s.categories.length > 0 ? { categories: s.categories } : {}),
    });
    try {
      await mailer({ to: [s.email], subject: digest.subject, text: digest.text });
    } catch (e) {
      await releaseJobRun(db, { ...key, runner: params.runner });
      throw e;
    }
    await finishJobRun(db, { ...key, runner: params.runner, now: params.clock.now().toISOString(), summary: '{}' });
    sent++;
  }
  return ok(sent);
}
