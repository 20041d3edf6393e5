import {
  examinationWindow,
  type LcCheckItem,
  type LcPaymentTimeline,
  type LcUnsecuredReason,
  type LetterOfCredit,
  lcChecklist,
  lcSecurity,
  paymentTimeline,
  presentationDeadline,
} from '../../core/lc/index.js';
import { fail, ok, type Result } from '../../core/shared/index.js';
import { diffDays, type LocalDate } from '../../core/time/index.js';
import type { Db } from '../../db/connection.js';
import {
  getLetterOfCredit,
  listLettersOfCredit,
  type StoredLetterOfCredit,
} from '../../db/stores/letters-of-credit.js';
import { getOrganisation } from '../../db/stores/organisations.js';
import { readForecastSettings } from '../forecast/settings.js';

/** One credit with every figure the core derives from it, as of a date. */
export interface LetterOfCreditView {
  readonly lc: LetterOfCredit;
  readonly presentationDeadline: LocalDate;
  /** Days from the as-of date to the deadline (negative: past it). */
  readonly daysToDeadline: number;
  /** The examination window of the actual presentation; null before presentation. */
  readonly examination: { readonly from: LocalDate; readonly to: LocalDate } | null;
  readonly timeline: LcPaymentTimeline;
  readonly checklist: readonly LcCheckItem[];
  readonly isSecured: boolean;
  readonly unsecuredReasons: readonly LcUnsecuredReason[];
}

function view(s: StoredLetterOfCredit, asOf: LocalDate, cal: Parameters<typeof presentationDeadline>[0]) {
  const deadline = presentationDeadline(cal, s.lc);
  const checklist = lcChecklist(cal, s.lc, s.answers);
  const security = lcSecurity(s.lc, checklist, asOf);
  return {
    lc: s.lc,
    presentationDeadline: deadline,
    daysToDeadline: diffDays(asOf, deadline),
    examination: s.lc.presentedOn === null ? null : examinationWindow(cal, s.lc.presentedOn),
    timeline: paymentTimeline(cal, s.lc),
    checklist,
    isSecured: security.isSecured,
    unsecuredReasons: security.reasons,
  };
}

/**
 * The organisation's letters of credit with their deadlines, examination windows, payment
 * timelines, checklists and security, on the organisation's banking calendar (the forecast's
 * calendar setting: China's public holidays and 调休 by default).
 *
 * @example
 * const r = await getLettersOfCredit(db, { orgId: 'demo', asOf: '2026-12-08' });
 * if (r.ok) r.value[0]; // { lc: { number: 'ILC2026-0917', … }, presentationDeadline: '2026-09-29', isSecured: true, … }
 */
export async function getLettersOfCredit(
  db: Db,
  params: { orgId: string; asOf: LocalDate; id?: string },
): Promise<Result<LetterOfCreditView[]>> {
  const org = await getOrganisation(db, { orgId: params.orgId });
  if (!org) return fail('ORGANISATION_NOT_FOUND', { orgId: params.orgId });
  const settings = readForecastSettings(org);
  if (!settings.ok) return settings;
  const cal = settings.value.calendar;
  if (params.id !== undefined) {
    const one = await getLetterOfCredit(db, { orgId: org.id, id: params.id });
    if (!one) return fail('LC_NOT_FOUND', { id: params.id });
    return ok([view(one, params.asOf, cal)]);
  }
  const all = await listLettersOfCredit(db, { orgId: org.id });
  return ok(all.map((s) => view(s, params.asOf, cal)));
}
