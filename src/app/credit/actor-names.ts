import { ok, type Result } from '../../core/shared/index.js';
import type { Db } from '../../db/connection.js';
import { type NameOf, nameActors } from '../accounts/index.js';
import type { OrderCheck } from './check-order.js';
import type { CustomerLimitView } from './limits.js';
import type { OnboardingView } from './onboarding.js';

/**
 * Credit answers with a person's name beside each actor id they carry (`approvedBy` and
 * `approvedByName`, ...): the names of one answer are looked up together, in one query, among
 * the organisation's members and tokens (src/app/accounts/actor-names.ts).
 */
type Named<T, K extends string> = T & { readonly [k in `${K}Name`]: string };

function withName<T extends { readonly [k in K]: string }, K extends string>(
  value: T,
  key: K,
  nameOf: NameOf,
): Named<T, K> {
  return { ...value, [`${key}Name`]: nameOf(value[key]) } as Named<T, K>;
}

/** A successful result's value named by `name`; a failure as it is. */
export async function withActorNames<T, U>(result: Promise<Result<T>>, name: (value: T) => Promise<U>) {
  const r = await result;
  return r.ok ? ok(await name(r.value)) : r;
}

/** Limit views with the approver's name beside the current limit's `approvedBy`. */
export async function nameLimitViews<T extends { readonly customers: readonly CustomerLimitView[] }>(
  db: Db,
  orgId: string,
  report: T,
) {
  const nameOf = await nameActors(db, { orgId, actors: report.customers.map((c) => c.current?.approvedBy) });
  const customers = report.customers.map((c) =>
    c.current === null ? c : { ...c, current: withName(c.current, 'approvedBy', nameOf) },
  );
  return { ...report, customers };
}

/** One decision's answer with the name beside its actor field (`approvedBy`, `reviewer`, `checkedBy`). */
export async function nameDecision<T extends { readonly [k in K]: string }, K extends string>(
  db: Db,
  orgId: string,
  value: T,
  key: K,
): Promise<Named<T, K>> {
  return withName(value, key, await nameActors(db, { orgId, actors: [value[key]] }));
}

const recordedBy = (line: OnboardingView['lines'][number]) =>
  line.source === 'recorded' && typeof line.reason.data.by === 'string' ? line.reason.data.by : null;

/** The checklist with `byName` beside `by` in the reason data of each recorded line. */
export async function nameOnboarding(db: Db, orgId: string, view: OnboardingView): Promise<OnboardingView> {
  const nameOf = await nameActors(db, { orgId, actors: view.lines.map(recordedBy) });
  const lines = view.lines.map((l) => {
    const by = recordedBy(l);
    return by === null ? l : { ...l, reason: { ...l.reason, data: { ...l.reason.data, byName: nameOf(by) } } };
  });
  return { ...view, lines };
}

/** An order check with the name of whoever overrode its hold, if anyone did. */
export async function nameOrderCheck(db: Db, orgId: string, check: OrderCheck) {
  if (check.override === null) return { ...check, override: null };
  return { ...check, override: await nameDecision(db, orgId, check.override, 'overriddenBy') };
}
