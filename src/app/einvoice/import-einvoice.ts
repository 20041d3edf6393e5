import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { coreName } from '../../core/cash-application/index.js';
import { validateCreditNote, validateDocument } from '../../core/model/index.js';
import { DomainFailure } from '../../core/shared/index.js';
import { addDays } from '../../core/time/index.js';
import type { Db } from '../../db/connection.js';
import { getOrganisation } from '../../db/stores/organisations.js';
import { withTransaction } from '../../db/transaction.js';
import { BankFileError } from '../../import/bank/index.js';
import { type EInvoice, parseEInvoice } from '../../import/einvoice/parse-einvoice.js';
import { newId } from '../../import/ids.js';

/** What one e-invoice file did. */
export interface EInvoiceOutcome {
  readonly file: string;
  readonly number: string;
  readonly kind: 'invoice' | 'bill' | 'credit-note';
  readonly party: string;
  readonly totalMinor: number;
  /** False when the number was imported before: nothing written. */
  readonly isNew: boolean;
}

interface Party {
  readonly id: string;
  readonly name: string;
  readonly registration_no: string | null;
  readonly default_terms_days: number;
}

const same = (p: Party, taxId: string | null, name: string) =>
  (taxId !== null && p.registration_no === taxId) || coreName(p.name) === coreName(name);

/** The files to read: the one given, or every .xml of a folder. */
/**
 * An e-invoice as an invoice or bill of the party's terms, checked by the write rule every
 * invoice and bill passes (the importer's and the records API's), or refused naming the file.
 */
function checkedDraft(
  e: { readonly issuedOn: string; readonly totalMinor: number; readonly taxMinor: number },
  termsDays: number,
  where: { readonly file: string },
) {
  const draft = {
    issuedOn: e.issuedOn,
    dueOn: addDays(e.issuedOn, termsDays),
    amountMinor: e.totalMinor,
    taxMinor: e.taxMinor,
    currency: 'CNY',
  };
  const v = validateDocument(draft);
  if (v.length > 0)
    throw new DomainFailure({
      code: v[0]?.code ?? 'VALIDATION_FAILED',
      details: { ...where, field: v[0]?.field ?? '' },
    });
  return draft;
}

async function filesOf(path: string): Promise<string[]> {
  const info = await stat(path).catch(() => null);
  if (info === null) throw new DomainFailure({ code: 'FILE_NOT_FOUND', details: { file: path } });
  if (!info.isDirectory()) return [path];
  return (await readdir(path))
    .filter((f) => f.toLowerCase().endsWith('.xml'))
    .sort()
    .map((f) => join(path, f));
}

/**
 * Imports 数电票 XML files (DOMAIN 7.8 rule 1): a sale when the buyer is a customer (by 统一社会信用代码,
 * else name) or the seller is the organisation, a purchase (bill) when the seller is a supplier or the
 * buyer is the organisation. Keyed on the invoice number: one imported before is left as it is. A red-letter
 * invoice is a credit note reversing the blue invoice its remark names. All files in one transaction.
 */
export async function importEInvoices(
  db: Db,
  params: { orgId: string; path: string; dryRun?: boolean },
): Promise<EInvoiceOutcome[]> {
  const files = await filesOf(params.path);
  const parsed: Array<{ file: string; e: EInvoice }> = [];
  for (const file of files) {
    try {
      parsed.push({ file: basename(file), e: parseEInvoice(await readFile(file, 'utf8')) });
    } catch (error) {
      if (error instanceof BankFileError)
        throw new DomainFailure({
          code: error.code,
          details: {
            file: basename(file),
            ...(error.details.field ? { field: error.details.field } : {}),
            ...(error.details.value ? { value: error.details.value } : {}),
          },
        });
      throw error;
    }
  }
  // Blue invoices first: a red-letter one in the same batch then finds the invoice it reverses.
  parsed.sort((a, b) => Number(a.e.isRedLetter) - Number(b.e.isRedLetter));
  const org = await getOrganisation(db, { orgId: params.orgId });
  const orgName = org?.name ?? '';
  const run = async (tx: Db): Promise<EInvoiceOutcome[]> => {
    const customers: Party[] = await tx.kysely
      .selectFrom('customers')
      .select(['id', 'name', 'registration_no', 'default_terms_days'])
      .where('org_id', '=', params.orgId)
      .execute();
    const suppliers: Party[] = await tx.kysely
      .selectFrom('suppliers')
      .select(['id', 'name', 'registration_no', 'default_terms_days'])
      .where('org_id', '=', params.orgId)
      .execute();
    const out: EInvoiceOutcome[] = [];
    for (const { file, e } of parsed) {
      const customer = customers.find((c) => same(c, e.buyerTaxId, e.buyerName));
      const supplier = suppliers.find((s) => same(s, e.sellerTaxId, e.sellerName));
      const isSale = customer !== undefined || (supplier === undefined && coreName(e.sellerName) === coreName(orgName));
      const isPurchase = !isSale && (supplier !== undefined || coreName(e.buyerName) === coreName(orgName));
      if (!isSale && !isPurchase)
        throw new DomainFailure({
          code: 'EINVOICE_PARTY_UNKNOWN',
          details: { file, value: `${e.sellerName} → ${e.buyerName}` },
        });
      const where = { file };
      if (e.isRedLetter) {
        if (!isSale)
          throw new DomainFailure({ code: 'EINVOICE_RED_LETTER_PURCHASE', details: { file, value: e.number } });
        const exists = await tx.kysely
          .selectFrom('credit_notes')
          .select('id')
          .where('org_id', '=', params.orgId)
          .where('number', '=', e.number)
          .executeTakeFirst();
        const original =
          e.reversesNumber === null
            ? undefined
            : await tx.kysely
                .selectFrom('invoices')
                .select(['id', 'customer_id'])
                .where('org_id', '=', params.orgId)
                .where('number', '=', e.reversesNumber)
                .executeTakeFirst();
        const customerId = original?.customer_id ?? customer?.id;
        if (!customerId)
          throw new DomainFailure({ code: 'EINVOICE_PARTY_UNKNOWN', details: { file, value: e.buyerName } });
        const draft = { amountMinor: -e.totalMinor, currency: 'CNY' };
        const v = validateCreditNote(draft);
        if (v.length > 0)
          throw new DomainFailure({
            code: v[0]?.code ?? 'VALIDATION_FAILED',
            details: { ...where, field: v[0]?.field ?? '' },
          });
        if (!exists && !params.dryRun) {
          await tx.kysely
            .insertInto('credit_notes')
            .values({
              org_id: params.orgId,
              id: newId(),
              customer_id: customerId,
              number: e.number,
              issued_on: e.issuedOn,
              currency: 'CNY',
              amount_minor: -e.totalMinor,
              invoice_id: original?.id ?? null,
              reason: '红字发票',
            })
            .execute();
        }
        out.push({
          file,
          number: e.number,
          kind: 'credit-note',
          party: e.buyerName,
          totalMinor: e.totalMinor,
          isNew: !exists,
        });
        continue;
      }
      if (isSale) {
        let party = customer;
        if (!party) {
          party = { id: newId(), name: e.buyerName, registration_no: e.buyerTaxId, default_terms_days: 60 };
          if (!params.dryRun)
            await tx.kysely
              .insertInto('customers')
              .values({
                org_id: params.orgId,
                id: party.id,
                code: e.buyerTaxId ?? e.buyerName,
                name: e.buyerName,
                registration_no: e.buyerTaxId,
                industry: null,
                size_class: null,
                currency: 'CNY',
                email: null,
                since_on: null,
                default_terms_days: 60,
              })
              .execute();
          customers.push(party);
        }
        const exists = await tx.kysely
          .selectFrom('invoices')
          .select('id')
          .where('org_id', '=', params.orgId)
          .where('number', '=', e.number)
          .executeTakeFirst();
        const draft = checkedDraft(e, party.default_terms_days, where);
        if (!exists && !params.dryRun) {
          await tx.kysely
            .insertInto('invoices')
            .values({
              org_id: params.orgId,
              id: newId(),
              customer_id: party.id,
              number: e.number,
              issued_on: draft.issuedOn,
              due_on: draft.dueOn,
              currency: 'CNY',
              amount_minor: draft.amountMinor,
              tax_minor: draft.taxMinor,
              external_id: e.number,
              channel: 'electronic',
            })
            .execute();
        }
        out.push({
          file,
          number: e.number,
          kind: 'invoice',
          party: party.name,
          totalMinor: e.totalMinor,
          isNew: !exists,
        });
        continue;
      }
      let party = supplier;
      if (!party) {
        party = { id: newId(), name: e.sellerName, registration_no: e.sellerTaxId, default_terms_days: 30 };
        if (!params.dryRun)
          await tx.kysely
            .insertInto('suppliers')
            .values({
              org_id: params.orgId,
              id: party.id,
              code: e.sellerTaxId ?? e.sellerName,
              name: e.sellerName,
              registration_no: e.sellerTaxId,
              currency: 'CNY',
              default_terms_days: 30,
            })
            .execute();
        suppliers.push(party);
      }
      const exists = await tx.kysely
        .selectFrom('bills')
        .select('id')
        .where('org_id', '=', params.orgId)
        .where('number', '=', e.number)
        .executeTakeFirst();
      const draft = checkedDraft(e, party.default_terms_days, where);
      if (!exists && !params.dryRun) {
        await tx.kysely
          .insertInto('bills')
          .values({
            org_id: params.orgId,
            id: newId(),
            supplier_id: party.id,
            number: e.number,
            issued_on: draft.issuedOn,
            due_on: draft.dueOn,
            currency: 'CNY',
            amount_minor: draft.amountMinor,
            tax_minor: draft.taxMinor,
            external_id: e.number,
          })
          .execute();
      }
      out.push({ file, number: e.number, kind: 'bill', party: party.name, totalMinor: e.totalMinor, isNew: !exists });
    }
    return out;
  };
  return params.dryRun ? run(db) : withTransaction(db, run);
}
