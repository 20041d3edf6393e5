import {
  type DistressModel,
  fitPdCalibration,
  type PdCalibration,
  type ScorecardResult,
  scoreCustomer,
} from '../../core/credit/index.js';
import { fail, ok, type Result } from '../../core/shared/index.js';
import { isLocalDate } from '../../core/time/index.js';
import type { Db } from '../../db/connection.js';
import { saveCreditScores } from '../../db/stores/credit.js';
import { type BookCustomer, type CreditBook, loadCreditBook } from './load-book.js';
import { loadScorecardDistressModel } from './model-file.js';
import { bookBehaviour, calibrationHistory, creditSettings, scorecardInput } from './prepare.js';

export interface CustomerCreditScore extends ScorecardResult {
  readonly code: string;
  readonly name: string;
}

export interface ScoreCustomersResult {
  readonly asOf: string;
  readonly calibration: PdCalibration;
  /** The distress model used in the financial pillar, or why it was not. */
  readonly distressModel: { readonly version: string } | { readonly error: string };
  readonly customers: readonly CustomerCreditScore[];
  readonly saved: number;
}

/** The scored book, for limits, reviews and holds, without storing anything. */
export interface ScoredBook {
  readonly book: CreditBook;
  readonly result: ScoreCustomersResult;
  readonly behaviour: ReturnType<typeof bookBehaviour>;
}

export function findCustomer(book: CreditBook, customer: string): BookCustomer | undefined {
  return book.customers.find((c) => c.id === customer) ?? book.customers.find((c) => c.code === customer);
}

/** Loads the book, builds behaviour once, fits or defaults the PD calibration and scores every customer (or one). */
export async function scoreBook(
  db: Db,
  params: { orgId: string; asOf: string; customerId?: string },
): Promise<Result<ScoredBook>> {
  if (!isLocalDate(params.asOf))
    return fail('VALIDATION_FAILED', { field: 'asOf', value: params.asOf, expected: 'YYYY-MM-DD' });
  const [loaded, modelResult] = await Promise.all([loadCreditBook(db, params), loadScorecardDistressModel()]);
  if (!loaded.ok) return loaded;
  const book = loaded.value;
  let customers = book.customers;
  if (params.customerId !== undefined) {
    const one = findCustomer(book, params.customerId);
    if (!one) return fail('CUSTOMER_NOT_FOUND', { customer: params.customerId });
    customers = [one];
  }
  const settings = creditSettings(book).scorecard;
  const behaviour = bookBehaviour(book, params.asOf);
  const calibration = fitPdCalibration(calibrationHistory(book, behaviour.records, params.asOf));
  const model: DistressModel | null = modelResult.ok ? modelResult.value : null;
  const scored = customers.map((c) => ({
    code: c.code,
    name: c.name,
    ...scoreCustomer(scorecardInput(book, c, behaviour.model, model, params.asOf), params.asOf, settings, calibration),
  }));
  const distressModel = modelResult.ok ? { version: modelResult.value.version } : { error: modelResult.error.code };
  return ok({
    book,
    behaviour,
    result: { asOf: params.asOf, calibration, distressModel, customers: scored, saved: 0 },
  });
}

/**
 * Scores every customer (or one, by id or code) as of a date: grade, PD, 0–100 score, the pillars
 * with their inputs and reasons, and the top negative drivers. Everything is loaded in one round
 * of queries and behaviour is computed once for the book. With `save`, scored customers are stored
 * in credit_scores (one row per customer per as-of date; a rerun replaces it).
 *
 * @example
 * const r = await scoreCustomers(db, { orgId: 'demo', asOf: '2026-11-25', save: true });
 */
export async function scoreCustomers(
  db: Db,
  params: { orgId: string; asOf: string; customerId?: string; save?: boolean },
): Promise<Result<ScoreCustomersResult>> {
  const scored = await scoreBook(db, params);
  if (!scored.ok) return scored;
  const { result } = scored.value;
  if (params.save !== true) return ok(result);
  const rows = result.customers.flatMap((c) =>
    c.score === null || c.pd === null || c.grade === null
      ? []
      : [
          {
            customerId: c.customerId,
            asOf: c.asOf,
            score: c.score,
            grade: c.grade,
            pd: c.pd,
            isIndicative: c.isIndicative,
            detail: {
              pillars: c.pillars,
              weights: c.weights,
              drivers: c.drivers,
              overrides: c.overrides,
              missing: c.missing,
            },
          },
        ],
  );
  await saveCreditScores(db, params.orgId, rows);
  return ok({ ...result, saved: rows.length });
}
