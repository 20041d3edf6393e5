import { createHmac } from 'node:crypto';
import { createTransport } from 'nodemailer';
import type { AlertChannel, SmtpSettings } from '../../core/alerts/index.js';
import { translate } from '../../i18n/index.js';

/** What a notification carries (the outbox payload), as every channel reads it. */
export interface NotificationPayload {
  readonly organisation: { readonly id: string; readonly name: string };
  readonly alertId: string;
  readonly change: string;
  readonly level: string;
  readonly rule: string;
  readonly reason: string;
  readonly action: string;
  readonly asOf: string;
  /** The language it is written in (older notifications: the organisation's, Chinese by default). */
  readonly locale?: 'zh-CN' | 'en';
}

/** Sends one notification on one channel; throws with a reason when the receiver refused it. */
export type Sender = (
  channel: AlertChannel,
  payload: NotificationPayload,
  deliveryId: string,
  raw: string,
) => Promise<void>;

const LEVEL_MARK: Readonly<Record<string, string>> = {
  critical: '【严重】',
  warning: '【警告】',
  watch: '【关注】',
  info: '【提示】',
};

/** The text a chat bot posts: level, organisation, why, what to do. */
export function chatText(p: NotificationPayload): string {
  return `${LEVEL_MARK[p.level] ?? ''}${p.organisation.name}\n${p.reason}\n→ ${p.action}`;
}

/**
 * 钉钉 (DingTalk) group bot 加签: sign = base64(HMAC-SHA256(secret, timestamp + "\n" + secret)),
 * sent URL-encoded as `&timestamp=…&sign=…`.
 */
export function dingtalkSign(secret: string, timestamp: number): string {
  return createHmac('sha256', secret).update(`${timestamp}\n${secret}`).digest('base64');
}

/**
 * 飞书 (Feishu/Lark) group bot 签名校验: sign = base64(HMAC-SHA256 keyed by timestamp + "\n" +
 * secret over an empty message), timestamp in seconds, both in the JSON body.
 */
export function feishuSign(secret: string, timestampSeconds: number): string {
  return createHmac('sha256', `${timestampSeconds}\n${secret}`).update('').digest('base64');
}

/** The generic webhook's signature: hex HMAC-SHA256(secret, timestamp + "." + body), header X-CashGuard-Signature. */
export function webhookSignature(secret: string, timestamp: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

async function post(url: string, body: string, headers: Record<string, string> = {}): Promise<string> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body,
    signal: AbortSignal.timeout(10_000),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`HTTP ${res.status} ${text.slice(0, 200)}`);
  return text;
}

/** The bots answer 200 with an error code of their own when they refuse a message. */
function checkBotAnswer(text: string): void {
  let answer: { errcode?: number; code?: number; errmsg?: string; msg?: string } = {};
  try {
    answer = JSON.parse(text) as typeof answer;
  } catch {
    return; // not JSON: a plain 200 is taken as accepted
  }
  const code = answer.errcode ?? answer.code ?? 0;
  if (code !== 0) throw new Error(`refused: ${code} ${answer.errmsg ?? answer.msg ?? ''}`);
}

/** The senders for the HTTP channels and, with SMTP settings, e-mail. `now` signs with the current time. */
export function defaultSender(smtp: SmtpSettings | null, now: () => Date): Sender {
  return async (channel, p, deliveryId, raw) => {
    const url = channel.url ?? '';
    const secret = channel.secret ?? '';
    switch (channel.kind) {
      case 'wecom':
        checkBotAnswer(await post(url, JSON.stringify({ msgtype: 'text', text: { content: chatText(p) } })));
        return;
      case 'dingtalk': {
        const ts = now().getTime();
        const signed = `${url}${url.includes('?') ? '&' : '?'}timestamp=${ts}&sign=${encodeURIComponent(dingtalkSign(secret, ts))}`;
        checkBotAnswer(await post(signed, JSON.stringify({ msgtype: 'text', text: { content: chatText(p) } })));
        return;
      }
      case 'feishu': {
        const ts = Math.floor(now().getTime() / 1000);
        const body = {
          timestamp: String(ts),
          sign: feishuSign(secret, ts),
          msg_type: 'text',
          content: { text: chatText(p) },
        };
        checkBotAnswer(await post(url, JSON.stringify(body)));
        return;
      }
      case 'webhook': {
        const ts = String(Math.floor(now().getTime() / 1000));
        await post(url, raw, {
          'x-cashguard-delivery': deliveryId,
          'x-cashguard-timestamp': ts,
          'x-cashguard-signature': webhookSignature(secret, ts, raw),
        });
        return;
      }
      case 'email': {
        if (!smtp) throw new Error('no SMTP settings (alerts.smtp)');
        await smtpMailer(smtp)({
          to: [...(channel.to ?? [])],
          subject: `${LEVEL_MARK[p.level] ?? ''}${p.organisation.name}: ${p.reason.slice(0, 120)}`,
          text: `${p.reason}\n\n→ ${p.action}\n\n${p.asOf} · ${translate(`ALERT_RULE_${p.rule}`, {}, p.locale ?? 'zh-CN')} · ${deliveryId}`,
          headers: { 'X-CashGuard-Delivery': deliveryId },
        });
        return;
      }
    }
  };
}

/** One e-mail as the organisation sends it (alerts, dunning messages). */
export interface MailMessage {
  readonly to: readonly string[];
  readonly subject: string;
  readonly text: string;
  readonly headers?: Readonly<Record<string, string>>;
}

/** Sends one e-mail; throws with the server's reason when it is refused. */
export type Mailer = (m: MailMessage) => Promise<void>;

/** The organisation's e-mail transport over its SMTP settings ('alerts.smtp'), one connection per message. */
export function smtpMailer(smtp: SmtpSettings): Mailer {
  return async (m) => {
    const transport = createTransport({
      host: smtp.host,
      port: smtp.port,
      secure: smtp.secure,
      ...(smtp.user ? { auth: { user: smtp.user, pass: smtp.pass ?? '' } } : {}),
      // A local or internal relay often has no certificate for its name; STARTTLS is used when offered.
      tls: { rejectUnauthorized: false },
    });
    try {
      await transport.sendMail({
        from: smtp.from,
        to: [...m.to],
        subject: m.subject,
        text: m.text,
        ...(m.headers ? { headers: { ...m.headers } } : {}),
      });
    } finally {
      transport.close();
    }
  };
}
