import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { decideProposal, importBankStatement, listReviewQueue, runCashApplication } from '../../app/bank/index.js';
import { DomainFailure, fail, ok, type Result } from '../../core/shared/index.js';
import { listStatements } from '../../db/stores/bank-statements.js';
import type { ImportQueue } from '../import-queue.js';
import { type ApiDeps, orgRoute } from '../route.js';
import { localDate, optionalText } from '../schemas/common.js';

const balance = z.string().nullable().describe('signed decimal, e.g. "-27.00"');
const statement = z.object({
  account: z.string(),
  accountId: z.string(),
  isNewAccount: z.boolean(),
  format: z.string(),
  statementRef: z.string().nullable(),
  currency: z.string(),
  periodFrom: z.string().nullable(),
  periodTo: z.string().nullable(),
  lines: z.int(),
  newLines: z.int(),
  opening: balance,
  closing: balance,
  openingMinor: z.int().nullable(),
  closingMinor: z.int().nullable(),
  openingOn: z.string().nullable(),
  closingOn: z.string().nullable(),
  isNew: z.boolean(),
});
const importReport = z.object({
  file: z.string(),
  dryRun: z.boolean(),
  statements: z.array(statement),
  warnings: z.array(
    z.object({ code: z.string(), statement: z.int(), line: z.int(), expected: z.string(), actual: z.string() }),
  ),
  bankBalancesSet: z.int(),
});
const reason = z.object({
  code: z.string(),
  value: z.string().optional(),
  expected: z.string().optional(),
  count: z.int().optional(),
});
const payment = z.object({
  side: z.enum(['receivable', 'payable']),
  lineId: z.string(),
  proposalId: z.string().nullable(),
  receiptId: z.string().nullable(),
  paymentId: z.string().nullable(),
  payment: z.string(),
  bankReference: z.string().nullable(),
  receivedOn: z.string(),
  amount: z.string(),
  amountMinor: z.int(),
  currency: z.string(),
  payer: z.string().nullable(),
  customerId: z.string().nullable(),
  supplierId: z.string().nullable(),
  invoices: z.array(z.object({ invoiceId: z.string(), number: z.string(), amount: z.string(), amountMinor: z.int() })),
  bills: z.array(z.object({ billId: z.string(), number: z.string(), amount: z.string(), amountMinor: z.int() })),
  charge: z.string().nullable(),
  confidence: z.number(),
  reasons: z.array(reason),
});
const matchReport = z.object({
  asOf: z.string(),
  dryRun: z.boolean(),
  lines: z.int(),
  outgoingLines: z.int(),
  applied: z.array(payment),
  review: z.array(payment),
  unmatched: z.array(payment),
});

/** A use case's refusal (a DomainFailure) as the route's Result. */
async function attempt<T>(work: () => Promise<T>): Promise<Result<T>> {
  try {
    return ok(await work());
  } catch (error) {
    if (error instanceof DomainFailure) return fail(error.code, error.details);
    throw error;
  }
}

/** Bank statements (upload and list; the accounts are records, `/api/v1/bank-accounts`) and cash application with its review queue. */
export function registerBankRoutes(
  app: FastifyInstance,
  { db, clock }: ApiDeps,
  options: { readonly queue: ImportQueue },
): void {
  orgRoute(app, clock, {
    method: 'POST',
    url: '/api/v1/bank-statements',
    permission: 'import',
    tags: ['bank'],
    response: importReport,
    summary:
      'Import a bank statement file (multipart field "file": camt, MT940, OFX, bank CSV/Excel); dry run unless dryRun=false',
    querystring: z.strictObject({
      account: optionalText(100).optional(),
      dryRun: z.enum(['true', 'false']).default('true'),
    }),
    handler: async ({ auth, query, req }) => {
      if (!req.isMultipart()) return fail('IMPORT_UPLOAD_MISSING', {});
      return options.queue.run(async () => {
        const file = await req.file();
        if (!file) return fail('IMPORT_UPLOAD_MISSING', {});
        const data = await file.toBuffer();
        return attempt(() =>
          importBankStatement(db, {
            orgId: auth.orgId,
            data,
            fileName: file.filename,
            dryRun: query.dryRun === 'true',
            clock,
            ...(query.account ? { account: query.account } : {}),
          }),
        );
      });
    },
  });
  orgRoute(app, clock, {
    method: 'GET',
    url: '/api/v1/bank-statements',
    permission: 'read',
    tags: ['bank'],
    summary: 'Imported bank statements, newest first',
    querystring: z.strictObject({ account: optionalText(100).optional() }),
    response: z.array(
      z.object({
        id: z.string(),
        accountId: z.string(),
        account: z.string(),
        accountNo: z.string().nullable(),
        format: z.string(),
        statementRef: z.string().nullable(),
        currency: z.string(),
        periodFrom: z.string().nullable(),
        periodTo: z.string().nullable(),
        openingMinor: z.int().nullable(),
        closingMinor: z.int().nullable(),
        lines: z.int(),
        fileName: z.string().nullable(),
        importedAt: z.string(),
      }),
    ),
    handler: async ({ auth, query }) =>
      ok(
        (await listStatements(db, { orgId: auth.orgId, ...(query.account ? { accountId: query.account } : {}) })).map(
          (s) => ({
            id: s.id,
            accountId: s.bank_account_id,
            account: s.account_name,
            accountNo: s.account_no,
            format: s.format,
            statementRef: s.statement_ref,
            currency: s.currency,
            periodFrom: s.period_from,
            periodTo: s.period_to,
            openingMinor: s.opening_minor === null ? null : Number(s.opening_minor),
            closingMinor: s.closing_minor === null ? null : Number(s.closing_minor),
            lines: Number(s.line_count),
            fileName: s.file_name,
            importedAt: s.imported_at,
          }),
        ),
      ),
  });
  orgRoute(app, clock, {
    method: 'POST',
    url: '/api/v1/cash-application/runs',
    permission: 'write:data',
    tags: ['bank'],
    summary: 'Match incoming bank lines to open invoices: sure matches applied, the rest to review',
    querystring: z.strictObject({ asOf: localDate().optional(), dryRun: z.enum(['true', 'false']).default('false') }),
    response: matchReport,
    handler: async ({ auth, query }) =>
      attempt(() =>
        runCashApplication(db, {
          orgId: auth.orgId,
          asOf: query.asOf ?? clock.today(),
          dryRun: query.dryRun === 'true',
        }),
      ),
  });
  orgRoute(app, clock, {
    method: 'GET',
    url: '/api/v1/cash-application/review',
    permission: 'read',
    tags: ['bank'],
    summary: 'The review queue: proposed matches waiting for a person',
    response: z.array(payment),
    handler: async ({ auth }) => ok(await listReviewQueue(db, { orgId: auth.orgId })),
  });
  orgRoute(app, clock, {
    method: 'POST',
    url: '/api/v1/cash-application/decisions',
    permission: 'write:data',
    tags: ['bank'],
    summary: 'Accept, split or reject a proposal of the review queue',
    body: z.strictObject({
      proposalId: z.string().min(1).max(100),
      decision: z.enum(['accept', 'split', 'reject']),
      allocations: z
        .array(z.strictObject({ number: z.string().min(1).max(100), amountMinor: z.int().positive() }))
        .max(50)
        .optional(),
    }),
    response: payment,
    handler: async ({ auth, actor, body }) =>
      attempt(() =>
        decideProposal(db, {
          orgId: auth.orgId,
          proposalId: body.proposalId,
          decision: body.decision,
          by: actor.actor,
          clock,
          ...(body.allocations ? { split: body.allocations } : {}),
        }),
      ),
  });
}
