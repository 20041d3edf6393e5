import { fail, ok, type Result } from '../shared/index.js';
import { levelRank } from './evaluate.js';
import type { TransitionAction } from './lifecycle.js';
import { type AlertCategory, alertCategory } from './subscriptions.js';
import { ALERT_LEVELS, type AlertLevel } from './types.js';

/**
 * Where alerts are sent (organisation settings key 'alerts.channels'): e-mail over the
 * organisation's SMTP settings ('alerts.smtp'), the group bots of 企业微信 (WeCom), 钉钉 (DingTalk,
 * signed) and 飞书 (Feishu/Lark, signed), and a generic JSON webhook signed with HMAC-SHA256.
 */
export const CHANNEL_KINDS = ['email', 'wecom', 'dingtalk', 'feishu', 'webhook'] as const;
export type ChannelKind = (typeof CHANNEL_KINDS)[number];

export interface AlertChannel {
  /** Stable name of the channel (it keys the outbox: renaming it sends again). */
  readonly id: string;
  readonly kind: ChannelKind;
  /** Alerts at this level or above are sent (design default: warning). */
  readonly minLevel: AlertLevel;
  /** The bot's or the receiver's address (not for e-mail). */
  readonly url?: string;
  /** The signing secret (钉钉 加签, 飞书 签名校验, the generic webhook). */
  readonly secret?: string;
  /** E-mail recipients. */
  readonly to?: readonly string[];
  /** Only alerts of these categories (a person's subscription); every category when absent. */
  readonly categories?: readonly AlertCategory[];
  /** The language its messages are written in (a person's subscription); the organisation's when absent. */
  readonly locale?: 'zh-CN' | 'en';
}

/** Changes that tell people something new: raised, escalated, reopened, a critical one left unacknowledged. Acknowledging tells nobody. */
const NOTIFYING: ReadonlySet<TransitionAction> = new Set(['raised', 'escalated', 'reopened', 'unacknowledged']);

/**
 * Whether a change of an alert is sent to a channel.
 *
 * @example
 * shouldNotify({ action: 'raised', level: 'critical' }, { id: 'ops', kind: 'dingtalk', minLevel: 'warning' }) // true
 */
export function shouldNotify(
  t: { action: TransitionAction; level: AlertLevel; rule?: string },
  channel: AlertChannel,
): boolean {
  return (
    NOTIFYING.has(t.action) &&
    levelRank(t.level) >= levelRank(channel.minLevel) &&
    (channel.categories === undefined || t.rule === undefined || channel.categories.includes(alertCategory(t.rule)))
  );
}

const isText = (v: unknown, max: number): v is string => typeof v === 'string' && v.length > 0 && v.length <= max;
const isHttpUrl = (v: unknown): v is string => isText(v, 2000) && /^https?:\/\/[^\s]+$/.test(v);
const isEmail = (v: unknown): v is string => isText(v, 254) && /^[^\s@]+@[^\s@]+$/.test(v);

/**
 * The organisation's channels, checked whole: each needs an id, a known kind, a level, and what
 * its kind needs (an http(s) address for bots and webhooks, a secret for the signed ones,
 * recipients for e-mail). A bad entry is `INVALID_SETTING` naming it (`alerts.channels.1.url`).
 *
 * @example
 * resolveAlertChannels([{ id: 'ops', kind: 'webhook', url: 'https://erp.example/hook', secret: 's', minLevel: 'critical' }])
 */
export function resolveAlertChannels(value: unknown): Result<AlertChannel[]> {
  if (value === undefined) return ok([]);
  const bad = (field: string, v: unknown, expected: string) =>
    fail('INVALID_SETTING', {
      field: `alerts.channels${field}`,
      value: JSON.stringify(v)?.slice(0, 200) ?? '',
      expected,
    });
  if (!Array.isArray(value) || value.length > 20) return bad('', value, 'a list of at most 20 channels');
  const ids = new Set<string>();
  const out: AlertChannel[] = [];
  for (const [i, raw] of value.entries()) {
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return bad(`.${i}`, raw, 'a channel object');
    const c = raw as Record<string, unknown>;
    const known = new Set(['id', 'kind', 'minLevel', 'url', 'secret', 'to']);
    const unknown = Object.keys(c).find((k) => !known.has(k));
    if (unknown !== undefined) return bad(`.${i}.${unknown}`, c[unknown], [...known].join(', '));
    if (!isText(c.id, 50) || ids.has(c.id)) return bad(`.${i}.id`, c.id, 'a name of its own (1-50 characters)');
    ids.add(c.id);
    if (!CHANNEL_KINDS.includes(c.kind as ChannelKind)) return bad(`.${i}.kind`, c.kind, CHANNEL_KINDS.join(', '));
    const minLevel = c.minLevel ?? 'warning';
    if (!ALERT_LEVELS.includes(minLevel as AlertLevel)) return bad(`.${i}.minLevel`, minLevel, ALERT_LEVELS.join(', '));
    const kind = c.kind as ChannelKind;
    if (kind === 'email') {
      if (!Array.isArray(c.to) || c.to.length === 0 || c.to.length > 50 || !c.to.every(isEmail))
        return bad(`.${i}.to`, c.to, 'a list of e-mail addresses');
    } else if (!isHttpUrl(c.url)) return bad(`.${i}.url`, c.url, 'an http(s) address');
    const isSigned = kind === 'dingtalk' || kind === 'feishu' || kind === 'webhook';
    if (isSigned && !isText(c.secret, 200)) return bad(`.${i}.secret`, '…', 'the signing secret');
    out.push({
      id: c.id,
      kind,
      minLevel: minLevel as AlertLevel,
      ...(typeof c.url === 'string' ? { url: c.url } : {}),
      ...(typeof c.secret === 'string' ? { secret: c.secret } : {}),
      ...(Array.isArray(c.to) ? { to: c.to as string[] } : {}),
    });
  }
  return ok(out);
}

/** SMTP settings of the organisation ('alerts.smtp'), for the e-mail channel. */
export interface SmtpSettings {
  readonly host: string;
  readonly port: number;
  readonly secure: boolean;
  readonly from: string;
  readonly user?: string;
  readonly pass?: string;
}

/** The organisation's SMTP settings, checked; null when none are set. */
export function resolveSmtpSettings(value: unknown): Result<SmtpSettings | null> {
  if (value === undefined) return ok(null);
  const bad = (field: string, expected: string) =>
    fail('INVALID_SETTING', { field: `alerts.smtp.${field}`, value: '', expected });
  if (typeof value !== 'object' || value === null) return bad('', 'an object');
  const s = value as Record<string, unknown>;
  if (!isText(s.host, 255)) return bad('host', 'a host name');
  if (!(typeof s.port === 'number' && Number.isInteger(s.port) && s.port > 0 && s.port < 65536))
    return bad('port', '1-65535');
  if (!isEmail(s.from)) return bad('from', 'an e-mail address');
  if (s.user !== undefined && !isText(s.user, 255)) return bad('user', 'a user name');
  if (s.pass !== undefined && !isText(s.pass, 255)) return bad('pass', 'a password');
  return ok({
    host: s.host,
    port: s.port,
    secure: s.secure === true,
    from: s.from,
    ...(typeof s.user === 'string' ? { user: s.user } : {}),
    ...(typeof s.pass === 'string' ? { pass: s.pass } : {}),
  });
}
