import multipart from '@fastify/multipart';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { alertsAfterImport } from '../../app/alerts/index.js';
import { type ExternalImportReport, importBureauFile, importCreditReport } from '../../app/external-data/import.js';
import { fail, ok } from '../../core/shared/index.js';
import { pickLocale } from '../../i18n/index.js';
import { IMPORT_KIND_NAMES, type ImportReport, importBuffer, type ReadLimits } from '../../import/index.js';
import type { ImportQueue } from '../import-queue.js';
import { BODY_LIMIT } from '../limits.js';
import { type ApiDeps, orgRoute } from '../route.js';
import { optionalText } from '../schemas/common.js';

const report = z.object({
  kind: z.string(),
  file: z.string(),
  rowsRead: z.int(),
  inserted: z.int(),
  updated: z.int(),
  unchanged: z.int(),
  problems: z.array(
    z.looseObject({
      row: z.int().nullable().describe('row of the file, 1 = the header'),
      column: z.string().nullable(),
      value: z.string().nullable(),
      code: z.string(),
      message: z.string().describe('in the language of Accept-Language'),
    }),
  ),
  committed: z.boolean(),
  source: z
    .string()
    .nullable()
    .optional()
    .describe('credit-report and bureau: 企查查 / 天眼查 / 启信宝, creditsafe / dnb'),
  customer: z
    .object({ id: z.string(), code: z.string(), name: z.string() })
    .nullable()
    .optional()
    .describe('credit-report: the customer matched by credit code or name'),
});

/** The answer: a table import's report, or an external-data import's (kinds credit-report and bureau). */
type ImportAnswer =
  | ImportReport
  | (Omit<ExternalImportReport, 'problems'> & {
      problems: (ExternalImportReport['problems'][number] & { column: string | null })[];
    });

/**
 * Upload a CSV or XLSX file (multipart, field `file`) of one kind: a dry run by default returns
 * the report of what would change and every problem; `dryRun=false` commits when clean.
 * Saved column mappings are not selectable over HTTP yet (the importer would also read a path).
 */
export function registerImportRoutes(
  app: FastifyInstance,
  { db, clock }: ApiDeps,
  options: { readonly queue: ImportQueue; readonly limits: ReadLimits },
): void {
  app.register(multipart, { limits: { fileSize: BODY_LIMIT, files: 1, fields: 10 } });
  orgRoute(app, clock, {
    method: 'POST',
    url: '/api/v1/imports',
    permission: 'import',
    tags: ['imports'],
    response: report,
    summary: 'Import a CSV/XLSX file (multipart field "file"): dry run report, or commit with dryRun=false',
    querystring: z.strictObject({
      kind: z.enum([...IMPORT_KIND_NAMES, 'credit-report', 'bureau']),
      source: optionalText(20)
        .optional()
        .describe('credit-report: 企查查, 天眼查 or 启信宝 when the file does not say'),
      dryRun: z.enum(['true', 'false']).default('true'),
      encoding: optionalText(40).optional(),
      sheet: optionalText(100).optional(),
    }),
    handler: async ({ auth, query, req }) => {
      if (!req.isMultipart()) return fail('IMPORT_UPLOAD_MISSING', {});
      return options.queue.run<ImportAnswer>(async () => {
        const file = await req.file();
        if (!file) return fail('IMPORT_UPLOAD_MISSING', {});
        const data = await file.toBuffer();
        const given = {
          ...(query.encoding ? { encoding: query.encoding } : {}),
          ...(query.sheet ? { sheet: query.sheet } : {}),
        };
        const locale = pickLocale(req.headers['accept-language']);
        if (query.kind === 'credit-report' || query.kind === 'bureau') {
          // External buyer data (docs/adr/0029): workbook of sections or bureau rows, same report shape.
          const params = {
            orgId: auth.orgId,
            fileName: file.filename,
            data,
            today: clock.today(),
            dryRun: query.dryRun === 'true',
            locale,
            ...(query.source ? { source: query.source } : {}),
          };
          const r = query.kind === 'bureau' ? await importBureauFile(db, params) : await importCreditReport(db, params);
          return ok({ ...r, problems: r.problems.map((x) => ({ ...x, column: x.field })) });
        }
        const kind = query.kind;
        const base = {
          orgId: auth.orgId,
          kind,
          fileName: file.filename,
          data,
          locale,
          dryRun: query.dryRun === 'true',
          // Off the event loop whatever the kind and format: the server keeps answering meanwhile.
          worker: true,
          limits: options.limits,
        };
        const report = await importBuffer(db, { ...base, ...given });
        // Alerts follow every committed import; the answer does not wait for them, and a failed
        // run leaves the import as it is (the next run or the daily one evaluates again).
        void alertsAfterImport(db, report, { orgId: auth.orgId, clock }).then(
          (r) => {
            if (r && !r.ok) req.log.warn({ code: r.error.code }, 'alerts after import not run');
          },
          (e: unknown) => req.log.error({ err: e }, 'alerts after import failed'),
        );
        return ok(report);
      });
    },
  });
}
