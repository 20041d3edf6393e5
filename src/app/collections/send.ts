import { randomUUID } from 'node:crypto';
import { resolveSmtpSettings } from '../../core/alerts/index.js';
import { fail, ok, type Result } from '../../core/shared/index.js';
import type { LocalDate } from '../../core/time/index.js';
import type { Db } from '../../db/connection.js';
import {
  insertMessageLog,
  loadEmailedStages,
  type MessageLogRow,
  settleMessageLog,
} from '../../db/stores/collections.js';
import { getOrganisation } from '../../db/stores/organisations.js';
import { withTransaction } from '../../db/transaction.js';
import { type Mailer, smtpMailer } from '../alerts/senders.js';
import { type DunningMessage, previewDunningMessages } from './messages.js';

export type SendSkip = 'NO_EMAIL' | 'ALREADY_SENT' | 'FAILED';

export interface SendLine {
  readonly message: DunningMessage;
  /** 'sent' (or, in a dry run, 'would_send'); otherwise why not. */
  readonly outcome: 'sent' | 'would_send' | SendSkip;
  readonly error?: string;
}

export interface SendReport {
  readonly asOf: LocalDate;
  readonly isDryRun: boolean;
  readonly lines: readonly SendLine[];
}

/** The invoice a message line is for: an instalment 'id#2' is logged against its invoice. */
const invoiceOf = (lineId: string): string => lineId.split('#')[0] as string;

/**
 * Use case 'collections.send': e-mails today's dunning messages over the organisation's SMTP
 * settings (the alerts' transport), in the customer's language, and logs each as a dunning action
 * per invoice (channel 'email') in the customer's timeline. Never the same stage twice to the same
 * customer for the same invoice, across restarts too: the log rows are written before the mail goes
 * (done when the server accepted it, removed when it refused it), so a stop in between leaves the
 * message counted as sent rather than sending it again. A dry run sends and writes nothing.
 */
export async function sendDunningMessages(
  db: Db,
  p: { orgId: string; asOf: LocalDate; now: () => string; isDryRun: boolean; mailer?: Mailer },
): Promise<Result<SendReport>> {
  const preview = await previewDunningMessages(db, { orgId: p.orgId, asOf: p.asOf });
  if (!preview.ok) return preview;
  let mailer = p.mailer;
  if (!mailer && !p.isDryRun) {
    const org = await getOrganisation(db, { orgId: p.orgId });
    const smtp = resolveSmtpSettings(org?.settings['alerts.smtp']);
    if (!smtp.ok) return smtp;
    if (smtp.value === null) return fail('COL_SEND_NO_SMTP', { field: 'alerts.smtp' });
    mailer = smtpMailer(smtp.value);
  }
  const emailed = await loadEmailedStages(db, p.orgId);
  const lines: SendLine[] = [];
  for (const message of preview.value.messages) {
    const invoices = [...new Set(message.figures.lines.map((l) => invoiceOf(l.invoiceId)))];
    const fresh = invoices.filter((id) => !emailed.has(`${message.customerId}|${message.stage}|${id}`));
    if (fresh.length === 0) {
      lines.push({ message, outcome: 'ALREADY_SENT' });
      continue;
    }
    if (message.email === null) {
      lines.push({ message, outcome: 'NO_EMAIL' });
      continue;
    }
    if (p.isDryRun || !mailer) {
      lines.push({ message, outcome: 'would_send' });
      continue;
    }
    const rows: MessageLogRow[] = fresh.map((invoiceId) => ({
      id: randomUUID(),
      customerId: message.customerId,
      invoiceId,
      stage: message.stage,
      action: message.action,
      plannedOn: p.asOf,
      notes: `sending: ${message.subject}`,
    }));
    await withTransaction(db, (tx) => insertMessageLog(tx, p.orgId, rows));
    const ids = rows.map((r) => r.id);
    try {
      await mailer({ to: [message.email], subject: message.subject, text: message.text });
    } catch (e) {
      await settleMessageLog(db, { orgId: p.orgId, ids, doneAt: null, notes: '' });
      lines.push({ message, outcome: 'FAILED', error: e instanceof Error ? e.message : String(e) });
      continue;
    }
    await settleMessageLog(db, { orgId: p.orgId, ids, doneAt: p.now(), notes: `${message.email}: ${message.subject}` });
    for (const id of fresh) emailed.add(`${message.customerId}|${message.stage}|${id}`);
    lines.push({ message, outcome: 'sent' });
  }
  return ok({ asOf: p.asOf, isDryRun: p.isDryRun, lines });
}
