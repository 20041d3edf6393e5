import { validatePaymentPlan, validatePromise } from '../../core/collections/index.js';
import {
  type AllocationDraft,
  type DocumentDraft,
  validateAcceptanceBill,
  validateAmounts,
  validateDocument,
  validateFxForward,
  validateFxOption,
  validateFxRate,
  validateLegalEvent,
  validateLetterOfCredit,
  validateParty,
  validateRecurringItem,
  validateSettlement,
  type WriteViolation,
} from '../../core/model/index.js';
import { fail, ok, type Result } from '../../core/shared/index.js';
import type { Db } from '../../db/connection.js';
import { openDocuments } from '../../db/stores/records.js';
import type { RecordKind } from './registry.js';

type Rec = Readonly<Record<string, unknown>>;

const num = (v: unknown) => (typeof v === 'number' ? v : null);
const str = (v: unknown) => (typeof v === 'string' ? v : null);

/** The core write rule of each kind, on the record as it will be stored (API field names = domain names). */
const RULES: ReadonlyMap<string, (r: Rec) => readonly WriteViolation[]> = new Map<
  string,
  (r: Rec) => readonly WriteViolation[]
>([
  ['customers', (r) => validateParty({ defaultTermsDays: num(r.defaultTermsDays), currency: str(r.currency) })],
  ['suppliers', (r) => validateParty({ defaultTermsDays: num(r.defaultTermsDays), currency: str(r.currency) })],
  ['invoices', (r) => validateDocument(r as unknown as DocumentDraft)],
  ['bills', (r) => validateDocument(r as unknown as DocumentDraft)],
  ['fx-rates', (r) => validateFxRate(r as { base: string; quote: string; rate: number })],
  ['fx-forwards', (r) => validateFxForward(r as Parameters<typeof validateFxForward>[0])],
  ['fx-options', (r) => validateFxOption(r as Parameters<typeof validateFxOption>[0])],
  ['letters-of-credit', (r) => validateLetterOfCredit(r as Parameters<typeof validateLetterOfCredit>[0])],
  ['recurring-items', (r) => validateRecurringItem(r as Parameters<typeof validateRecurringItem>[0])],
  ['legal-events', (r) => validateLegalEvent(r as Parameters<typeof validateLegalEvent>[0])],
  ['acceptance-bills', (r) => validateAcceptanceBill(r as Parameters<typeof validateAcceptanceBill>[0])],
  ['credit-lines', (r) => validateAmounts(r, ['limitMinor', 'drawnMinor'])],
  ['credit-limits', (r) => validateAmounts(r, ['limitMinor', 'needMinor', 'capacityMinor', 'insurerCapMinor'])],
  ['financial-statements', (r) => validateAmounts(r, [])],
  ['bank-accounts', (r) => validateAmounts(r, [])],
  ['insurance-policies', (r) => validateAmounts(r, [])],
  [
    'promises-to-pay',
    (r) =>
      validatePromise({
        amountMinor: num(r.amountMinor),
        currency: str(r.currency),
        madeOn: str(r.madeOn),
        promisedOn: str(r.promisedOn),
      }),
  ],
  [
    'payment-plans',
    (r) =>
      validatePaymentPlan({
        totalMinor: num(r.totalMinor),
        currency: str(r.currency),
        agreedOn: str(r.agreedOn),
        instalments: Array.isArray(r.instalments)
          ? (r.instalments as { dueOn?: unknown; amountMinor?: unknown }[])
          : null,
      }),
  ],
]);

function refused(v: WriteViolation): Result<never> {
  return fail(v.code, {
    field: v.field,
    value: v.value,
    ...(v.expected === undefined ? {} : { expected: v.expected }),
  });
}

/**
 * Checks a record about to be created or updated (`record`: the stored record with the body's
 * fields over it) against its kind's core write rule, the rule the importer applies to the same
 * record: the first violation is the refusal, with the rule's code. Receipts and payments are
 * checked with their allocations against what is still open on each document.
 */
export async function checkWriteRules(
  db: Db,
  kind: RecordKind,
  orgId: string,
  record: Rec,
  id: string | null,
): Promise<Result<true>> {
  if (kind.path === 'receipts' || kind.path === 'payments') return checkSettlement(db, kind, orgId, record, id);
  const [first] = RULES.get(kind.path)?.(record) ?? [];
  return first ? refused(first) : ok(true);
}

async function checkSettlement(db: Db, kind: RecordKind, orgId: string, r: Rec, id: string | null) {
  const isAr = kind.path === 'receipts';
  const docField = isAr ? 'invoiceId' : 'billId';
  const allocations = Array.isArray(r.allocations) ? (r.allocations as Rec[]) : [];
  const ids = allocations.map((a) => String(a[docField]));
  const docs = await openDocuments(db, { orgId, table: isAr ? 'invoices' : 'bills', ids, exceptParent: id });
  const drafts: AllocationDraft[] = [];
  for (const a of allocations) {
    const doc = docs.get(String(a[docField]));
    // Unknown documents were refused by the reference check before.
    if (!doc) continue;
    drafts.push({ amountMinor: Number(a.amountMinor), target: { ...doc, reference: doc.id } });
  }
  const settlement = {
    amountMinor: Number(r.amountMinor),
    currency: String(r.currency),
    partyId: str(isAr ? r.customerId : r.supplierId),
  };
  const [first] = validateSettlement(isAr ? 'receipt' : 'payment', settlement, drafts);
  return first ? refused(first) : ok(true as const);
}
