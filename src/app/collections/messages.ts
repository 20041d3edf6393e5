import {
  isMessageAction,
  type LadderAction,
  type MessageFigures,
  type MessageSettings,
  messageFigures,
  resolveLateInterestSettings,
  resolveMessageSettings,
} from '../../core/collections/index.js';
import { fail, ok, type Result } from '../../core/shared/index.js';
import type { LocalDate } from '../../core/time/index.js';
import type { Db } from '../../db/connection.js';
import { loadCustomerContacts, loadReceivingAccounts } from '../../db/stores/collections.js';
import { getOrganisation } from '../../db/stores/organisations.js';
import { formatMoney } from '../../i18n/format.js';
import { type Locale, translate } from '../../i18n/index.js';
import { getWorklist } from './worklist.js';

/** A receiving bank account named in the payment instructions. */
export interface ReceivingAccount {
  readonly holder: string;
  readonly bankName: string | null;
  readonly accountNo: string;
  readonly currency: string;
}

/** One dunning message: one customer, one ladder stage, ready to send or to read. */
export interface DunningMessage {
  readonly customerId: string;
  readonly code: string;
  readonly name: string;
  /** The customer's e-mail address; null: the message can be printed as a letter, not mailed. */
  readonly email: string | null;
  /** The customer has no language of its own in the ledger: the organisation's language. */
  readonly language: Locale;
  readonly rank: number;
  readonly stage: number;
  readonly action: LadderAction;
  readonly figures: MessageFigures;
  readonly account: ReceivingAccount | null;
  readonly subject: string;
  readonly text: string;
}

const objectSetting = (settings: Readonly<Record<string, unknown>>, key: string): Record<string, unknown> => {
  const v = settings[key];
  return typeof v === 'object' && v !== null ? (v as Record<string, unknown>) : {};
};

/**
 * A message's subject and text in one language, from the catalogue templates: greeting, the
 * stage's paragraph, one line per invoice (due date, open amount, days overdue, interest to date),
 * the totals per currency, the interest basis, the payment instructions and the signature.
 */
export function renderMessage(
  m: { figures: MessageFigures; customerName: string; account: ReceivingAccount | null },
  org: { name: string },
  settings: MessageSettings,
  locale: Locale,
): { subject: string; text: string } {
  const t = (code: string, p: Record<string, unknown> = {}) => translate(code, p, locale);
  const f = m.figures;
  const lines = f.lines.map(
    (l) =>
      t('COL_MSG_LINE', { number: l.number, due: l.dueOn, amount: formatMoney(l.openMinor, l.currency) }) +
      (l.daysPastDue > 0 ? t('COL_MSG_LINE_LATE', { days: l.daysPastDue }) : '') +
      (f.showsInterest && l.interestMinor > 0
        ? t('COL_MSG_LINE_INTEREST', { asOf: f.asOf, interest: formatMoney(l.interestMinor, l.currency) })
        : ''),
  );
  const totals: string[] = [];
  for (const x of f.totals) {
    totals.push(t('COL_MSG_TOTAL_OPEN', { amount: formatMoney(x.openMinor, x.currency) }));
    if (x.overdueMinor > 0)
      totals.push(t('COL_MSG_TOTAL_OVERDUE', { amount: formatMoney(x.overdueMinor, x.currency) }));
    if (f.showsInterest && x.interestMinor > 0)
      totals.push(t('COL_MSG_TOTAL_INTEREST', { asOf: f.asOf, amount: formatMoney(x.interestMinor, x.currency) }));
  }
  const hasInterest = f.showsInterest && f.totals.some((x) => x.interestMinor > 0);
  const basis = hasInterest
    ? [
        t(`COL_MSG_INTEREST_BASIS_${settings.interestLaw}`, {
          rate: `${((settings.contractRate ?? 0) * 100).toFixed(2)} %`,
        }),
      ]
    : [];
  const payTo = m.account
    ? t('COL_MSG_PAY_TO', {
        holder: m.account.holder,
        bank: m.account.bankName ?? '',
        account: m.account.accountNo,
        currency: m.account.currency,
      })
    : t('COL_MSG_PAY_TO_INVOICE');
  const text = [
    t('COL_MSG_GREETING', { customer: m.customerName }),
    '',
    t(`COL_MSG_INTRO_${f.action}`),
    '',
    ...lines,
    '',
    ...totals,
    ...basis,
    '',
    payTo,
    t('COL_MSG_CLOSING'),
    '',
    t('COL_MSG_SIGNATURE', { org: org.name }),
  ].join('\n');
  return { subject: t(`COL_MSG_SUBJECT_${f.action}`, { org: org.name }), text };
}

/** The account the instructions name: the configured one, else the first with an account number in the message's currency, else the first with one. */
function pickAccount(
  accounts: Awaited<ReturnType<typeof loadReceivingAccounts>>,
  settings: MessageSettings,
  currency: string | undefined,
  holder: string,
): ReceivingAccount | null {
  const usable = accounts.filter((a) => a.accountNo !== null && a.accountNo !== '');
  const a =
    (settings.bankAccountId !== null ? usable.find((x) => x.id === settings.bankAccountId) : undefined) ??
    usable.find((x) => x.currency === currency) ??
    usable[0];
  return a ? { holder, bankName: a.bankName, accountNo: a.accountNo as string, currency: a.currency } : null;
}

/**
 * Use case 'collections.messages.preview': today's dunning messages, one per customer per stage
 * whose ladder action is a written message (the worklist's grouping), in the worklist's order,
 * each rendered in the customer's language. Optionally one customer's (id or code).
 *
 * @example
 * const r = await previewDunningMessages(db, { orgId: 'demo', asOf: '2026-12-08' });
 * if (r.ok) r.value.messages[0].subject; // '正式催款通知…'
 */
export async function previewDunningMessages(
  db: Db,
  p: { orgId: string; asOf: LocalDate; customer?: string },
): Promise<Result<{ asOf: LocalDate; messages: DunningMessage[] }>> {
  const org = await getOrganisation(db, { orgId: p.orgId });
  if (!org) return fail('NOT_FOUND', {});
  const settings = resolveMessageSettings(objectSetting(org.settings, 'collections.messages'));
  if (!settings.ok) return settings;
  const interest = resolveLateInterestSettings(objectSetting(org.settings, 'collections.interest'));
  if (!interest.ok) return interest;
  const worklist = await getWorklist(db, { orgId: p.orgId, asOf: p.asOf });
  if (!worklist.ok) return worklist;
  const items = worklist.value.items.filter(
    (i) =>
      isMessageAction(i.action) && (p.customer === undefined || i.customerId === p.customer || i.code === p.customer),
  );
  const contacts = await loadCustomerContacts(db, {
    orgId: p.orgId,
    ids: [...new Set(items.map((i) => i.customerId))],
  });
  const accounts = await loadReceivingAccounts(db, p.orgId);
  const messages = items.map((i) => {
    const figures = messageFigures(i, p.asOf, settings.value, interest.value);
    const account = pickAccount(accounts, settings.value, figures.totals[0]?.currency, org.name);
    const c = contacts.get(i.customerId);
    const language = org.locale;
    const rendered = renderMessage({ figures, customerName: i.name, account }, org, settings.value, language);
    return {
      customerId: i.customerId,
      code: i.code,
      name: i.name,
      email: c?.email ?? null,
      language,
      rank: i.rank,
      stage: i.stage,
      action: i.action,
      figures,
      account,
      ...rendered,
    };
  });
  return ok({ asOf: p.asOf, messages });
}
