import type { LocalDate } from '../time/index.js';
import {
  civilFromDays,
  daysFromCivil,
  daysInMonth,
  epochDayUnchecked,
  fromEpochDay,
  toEpochDay,
} from '../time/index.js';
import type { AlertLevel, LadderAction, LadderSettings } from './ladder-settings.js';

/** An open invoice line as the ladder reads it, with the last stage sent for it (from the contact log). */
export interface LadderInvoice {
  readonly invoiceId: string;
  readonly customerId: string;
  readonly number: string;
  readonly currency: string;
  readonly dueOn: LocalDate;
  readonly openMinor: number;
  readonly isDisputed: boolean;
  /** The last stage done for this invoice and when; null when none is recorded. */
  readonly lastStage: { readonly stage: number; readonly on: LocalDate } | null;
  /** A promise to pay it (or the customer's promise): open pauses dunning, broken escalates. */
  readonly promise?:
    | { readonly state: 'open'; readonly until: LocalDate }
    | { readonly state: 'broken'; readonly brokenOn: LocalDate }
    | null;
}

/** A customer's own terms: a VIP gets more time; a pause holds every stage until a date, with a reason. */
export interface CustomerLadderOverride {
  readonly customerId: string;
  readonly isVip: boolean;
  readonly pausedUntil: LocalDate | null;
  readonly pauseReason: string | null;
  /** The customer's payment plan: kept, it pauses dunning; breached, it escalates. */
  readonly plan?:
    | { readonly state: 'on_track' }
    | { readonly state: 'breached'; readonly breachedOn: LocalDate }
    | null;
}

/** One message (or call) per customer per stage, grouping the invoices at that stage. */
export interface DunningAction {
  readonly customerId: string;
  readonly stage: number;
  readonly action: LadderAction;
  readonly alertLevel: AlertLevel;
  /** The earliest day the stage fell due for one of its invoices (on or before asOf). */
  readonly dueSince: LocalDate;
  readonly invoices: readonly {
    readonly invoiceId: string;
    readonly number: string;
    readonly currency: string;
    readonly dueOn: LocalDate;
    readonly openMinor: number;
    readonly daysPastDue: number;
  }[];
  readonly isCreditHoldStage: boolean;
  readonly isHandoverStage: boolean;
  readonly isVip: boolean;
  /** Set when a broken promise or a breached plan moved the stage up a level. */
  readonly escalatedBy: 'broken_promise' | 'plan_breached' | null;
}

/** An invoice the ladder leaves alone today, and why. */
export interface PausedInvoice {
  readonly invoiceId: string;
  readonly customerId: string;
  readonly number: string;
  readonly reason: 'disputed' | 'customer_paused' | 'promised' | 'on_plan';
  readonly until: LocalDate | null;
  readonly note: string | null;
}

export interface LadderPlan {
  readonly asOf: LocalDate;
  readonly actions: readonly DunningAction[];
  readonly paused: readonly PausedInvoice[];
}

/** The last day of the month of an epoch day. */
function endOfMonthDay(day: number): number {
  const [y, m] = civilFromDays(day);
  return daysFromCivil(y, m, daysInMonth(y, m));
}

/**
 * The epoch day each stage falls due for an invoice due on epoch day `due`. A stage counted from
 * the previous one counts from the day that stage was done when it was (else from its own
 * scheduled day). A stage never falls before the one above it; a VIP's stages after the due date
 * come `vipGraceDays` later. Epoch days, not strings: the worklist runs this for every open invoice.
 */
function stageDays(
  due: number,
  last: { stage: number; day: number } | null,
  isVip: boolean,
  settings: LadderSettings,
): number[] {
  const out: number[] = [];
  for (const [k, s] of settings.stages.entries()) {
    const previous = out[k - 1];
    let on: number;
    if (s.mode === 'days_after_previous' && previous !== undefined) {
      on = (last !== null && last.stage === k - 1 ? last.day : previous) + s.days;
    } else {
      on = s.mode === 'end_of_month' ? endOfMonthDay(due + s.days) : due + s.days;
      if (isVip && on > due) on += settings.vipGraceDays;
    }
    out.push(previous === undefined ? on : Math.max(on, previous));
  }
  return out;
}

/**
 * The day each stage falls due for an invoice (see `stageDays`).
 *
 * @example
 * stageDates('2026-03-31', null, false, DEFAULT_LADDER_SETTINGS)[1] // '2026-04-01'
 */
export function stageDates(
  dueOn: LocalDate,
  lastStage: LadderInvoice['lastStage'],
  isVip: boolean,
  settings: LadderSettings,
): LocalDate[] {
  const last = lastStage === null ? null : { stage: lastStage.stage, day: toEpochDay(lastStage.on) };
  return stageDays(toEpochDay(dueOn), last, isVip, settings).map(fromEpochDay);
}

/**
 * The stage an invoice is due for today, or null. With a stage recorded, the next one once its day
 * has come: no level is skipped, however late the invoice is. With none recorded (an invoice that
 * enters the ladder late: imported, or the ladder newly switched on), the stage its dates reached.
 */
export function dueStage(
  invoice: LadderInvoice,
  isVip: boolean,
  asOf: LocalDate,
  settings: LadderSettings,
): { stage: number; since: LocalDate } | null {
  const today = epochDayUnchecked(asOf);
  const last =
    invoice.lastStage === null ? null : { stage: invoice.lastStage.stage, day: toEpochDay(invoice.lastStage.on) };
  const days = stageDays(epochDayUnchecked(invoice.dueOn), last, isVip, settings);
  if (last !== null) {
    const on = days[last.stage + 1];
    return on !== undefined && on <= today ? { stage: last.stage + 1, since: fromEpochDay(on) } : null;
  }
  let reached = -1;
  for (const [k, on] of days.entries()) if (on <= today) reached = k;
  return reached < 0 ? null : { stage: reached, since: fromEpochDay(days[reached] as number) };
}

/**
 * Today's dunning actions (DOMAIN 5.1, 5.4): each open invoice's due stage, grouped into one action
 * per customer per stage; disputed invoices and paused customers wait, with the reason. A stage is
 * marked when it is the credit-hold or the handover stage; the hold itself is the credit module's.
 *
 * @example
 * planDunning(invoices, overrides, '2026-12-08', DEFAULT_LADDER_SETTINGS).actions[0]
 * // { customerId: 'C1', stage: 3, action: 'formal_reminder', invoices: [...], ... }
 */
export function planDunning(
  invoices: readonly LadderInvoice[],
  overrides: readonly CustomerLadderOverride[],
  asOf: LocalDate,
  settings: LadderSettings,
): LadderPlan {
  const byCustomer = new Map(overrides.map((o) => [o.customerId, o]));
  const today = epochDayUnchecked(asOf);
  const groups = new Map<
    string,
    {
      stage: number;
      since: LocalDate;
      customerId: string;
      items: LadderInvoice[];
      escalatedBy: DunningAction['escalatedBy'];
    }
  >();
  const paused: PausedInvoice[] = [];
  for (const inv of invoices) {
    if (inv.openMinor <= 0) continue;
    const o = byCustomer.get(inv.customerId);
    const base = { invoiceId: inv.invoiceId, customerId: inv.customerId, number: inv.number };
    if (inv.isDisputed) {
      paused.push({ ...base, reason: 'disputed', until: null, note: null });
      continue;
    }
    if (o?.pausedUntil != null && o.pausedUntil >= asOf) {
      paused.push({ ...base, reason: 'customer_paused', until: o.pausedUntil, note: o.pauseReason });
      continue;
    }
    if (inv.promise?.state === 'open') {
      paused.push({ ...base, reason: 'promised', until: inv.promise.until, note: null });
      continue;
    }
    if (o?.plan?.state === 'on_track') {
      paused.push({ ...base, reason: 'on_plan', until: null, note: null });
      continue;
    }
    const breach = breachOf(inv, o);
    const due = breach
      ? escalate(inv, breach.on, o?.isVip === true, asOf, settings)
      : dueStage(inv, o?.isVip === true, asOf, settings);
    if (due === null) continue;
    const key = `${inv.customerId}\u0000${due.stage}`;
    const g = groups.get(key);
    if (g) {
      g.items.push(inv);
      if (due.since < g.since) g.since = due.since;
      if (breach) g.escalatedBy = breach.by;
    } else
      groups.set(key, {
        stage: due.stage,
        since: due.since,
        customerId: inv.customerId,
        items: [inv],
        escalatedBy: breach?.by ?? null,
      });
  }
  const actions: DunningAction[] = [...groups.values()].map((g) => {
    const s = settings.stages[g.stage] as LadderSettings['stages'][number];
    return {
      customerId: g.customerId,
      stage: g.stage,
      action: s.action,
      alertLevel: s.alertLevel,
      dueSince: g.since,
      invoices: g.items
        .sort((a, b) => (a.dueOn < b.dueOn ? -1 : a.dueOn > b.dueOn ? 1 : a.number < b.number ? -1 : 1))
        .map((i) => ({
          invoiceId: i.invoiceId,
          number: i.number,
          currency: i.currency,
          dueOn: i.dueOn,
          openMinor: i.openMinor,
          daysPastDue: today - epochDayUnchecked(i.dueOn),
        })),
      isCreditHoldStage: g.stage >= settings.creditHoldStage,
      isHandoverStage: g.stage >= settings.handoverStage,
      isVip: byCustomer.get(g.customerId)?.isVip === true,
      escalatedBy: g.escalatedBy,
    };
  });
  return { asOf, actions, paused };
}

/** A broken promise or a breached plan not yet acted on (no stage recorded since). */
function breachOf(
  inv: LadderInvoice,
  o: CustomerLadderOverride | undefined,
): { on: LocalDate; by: 'broken_promise' | 'plan_breached' } | null {
  const found: { on: LocalDate; by: 'broken_promise' | 'plan_breached' } | null =
    inv.promise?.state === 'broken'
      ? { on: inv.promise.brokenOn, by: 'broken_promise' }
      : o?.plan?.state === 'breached'
        ? { on: o.plan.breachedOn, by: 'plan_breached' }
        : null;
  if (found === null || (inv.lastStage !== null && inv.lastStage.on >= found.on)) return null;
  return found;
}

/**
 * A broken promise escalates: the stage after the one last done (or the one the dates reached),
 * due from the day the promise broke, whatever the ladder's dates say; never past the last stage.
 */
function escalate(
  inv: LadderInvoice,
  brokenOn: LocalDate,
  isVip: boolean,
  asOf: LocalDate,
  settings: LadderSettings,
): { stage: number; since: LocalDate } {
  const current = inv.lastStage?.stage ?? dueStage({ ...inv, lastStage: null }, isVip, asOf, settings)?.stage ?? -1;
  return { stage: Math.min(settings.stages.length - 1, current + 1), since: brokenOn };
}
