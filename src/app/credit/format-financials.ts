import { renderTable } from '../../i18n/format.js';
import { type Locale, translate } from '../../i18n/index.js';
import { describeDistressReason } from './distress-reasons.js';
import type { FinancialsEvaluation, FinancialsPrediction, ScoredFinancials } from './score-financials.js';

const percent = (p: number): string => `${(p * 100).toFixed(2)}%`;

function csvCell(text: string): string {
  return /[",;\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** A prediction's reasons in words. */
export function predictionReasons(p: FinancialsPrediction, locale: Locale): string[] {
  return p.reasons.map((r) => describeDistressReason(r, locale));
}

/** `id,score,grade,pd,top_reasons`, one line per prediction; reasons in words, joined by '; ' and quoted. */
export function formatPredictionsCsv(predictions: readonly FinancialsPrediction[], locale: Locale): string {
  const lines = predictions.map((p) =>
    [
      csvCell(p.id),
      p.score.toFixed(1),
      p.grade,
      Number(p.pd.toPrecision(6)).toString(),
      csvCell(predictionReasons(p, locale).join('; ')),
    ].join(','),
  );
  return `${['id,score,grade,pd,top_reasons', ...lines].join('\n')}\n`;
}

/** The predictions as a table for the terminal, headers and reasons in the reader's language. */
export function formatPredictionsTable(predictions: readonly FinancialsPrediction[], locale: Locale): string {
  const head = [
    'FINANCIALS_COL_ID',
    'FINANCIALS_COL_SCORE',
    'FINANCIALS_COL_GRADE',
    'FINANCIALS_COL_PD',
    'FINANCIALS_COL_REASONS',
  ];
  const rows = predictions.map((p) => [
    p.id,
    p.score.toFixed(1),
    p.grade,
    percent(p.pd),
    predictionReasons(p, locale).join('; '),
  ]);
  return renderTable([head.map((k) => translate(k, {}, locale)), ...rows], [1, 3]);
}

/** The predictions as JSON for programs: reasons in words and as codes with their data. */
export function predictionsJson(predictions: readonly FinancialsPrediction[], locale: Locale): unknown[] {
  return predictions.map((p) => ({ ...p, reasons: predictionReasons(p, locale), reasonCodes: p.reasons }));
}

/** How Altman Z′ and Z″ rank the same companies (none when the AUC is undefined). */
function altmanLine(e: FinancialsEvaluation, locale: Locale): string[] {
  if (Number.isNaN(e.auc)) return [];
  const fixed = (x: number) => (Number.isNaN(x) ? '—' : x.toFixed(3));
  const data = {
    zPrime: fixed(e.zPrime.auc),
    zPrimeCount: e.zPrime.computable,
    zDoublePrime: fixed(e.zDoublePrime.auc),
    zDoublePrimeCount: e.zDoublePrime.computable,
    count: e.count,
  };
  return [translate('FINANCIALS_EVALUATION_ALTMAN', data, locale)];
}

function evaluationLines(e: FinancialsEvaluation, locale: Locale): string[] {
  const data = {
    count: e.count,
    defaults: e.defaults,
    auc: e.auc.toFixed(3),
    brier: e.brier.toFixed(4),
    meanPd: percent(e.meanPd),
    observed: percent(e.observedRate),
  };
  const summary = translate(
    Number.isNaN(e.auc) ? 'FINANCIALS_EVALUATION_ONE_CLASS' : 'FINANCIALS_EVALUATION',
    data,
    locale,
  );
  const head = [
    'FINANCIALS_COL_DECILE',
    'FINANCIALS_COL_COMPANIES',
    'FINANCIALS_COL_MEAN_PD',
    'FINANCIALS_COL_OBSERVED',
  ];
  const rows = e.calibration.map((b, g) => [
    String(g + 1),
    String(b.count),
    percent(b.meanPd),
    percent(b.observedRate),
  ]);
  return [
    summary,
    ...altmanLine(e, locale),
    translate('FINANCIALS_CALIBRATION_TITLE', {}, locale),
    renderTable([head.map((k) => translate(k, {}, locale)), ...rows], [0, 1, 2, 3]),
  ];
}

/**
 * What a person should know beside the predictions, in their language: which model scored the
 * file (and how many rows fell back to the statement-items model), columns the file lacks, and
 * either the evaluation against the file's outcomes or that there were none to evaluate against.
 */
export function formatFinancialsNotes(scored: ScoredFinancials, locale: Locale): string[] {
  const lines = [
    translate(
      'FINANCIALS_MODEL_USED',
      {
        model: scored.model.version,
        layout: translate(`FINANCIALS_LAYOUT_${scored.layout.replace('-', '_').toUpperCase()}`, {}, locale),
        count: scored.predictions.length,
      },
      locale,
    ),
  ];
  const others = scored.predictions.filter((p) => p.model !== scored.model.version);
  if (others.length > 0)
    lines.push(translate('FINANCIALS_FALLBACK_USED', { count: others.length, model: others[0]?.model ?? '' }, locale));
  if (scored.absentColumns.length > 0)
    lines.push(translate('FINANCIALS_COLUMNS_ABSENT', { columns: scored.absentColumns.join(', ') }, locale));
  if (scored.evaluation === null) return [...lines, translate('FINANCIALS_NO_LABELS', {}, locale)];
  if (scored.unlabelled > 0) lines.push(translate('FINANCIALS_SOME_UNLABELLED', { count: scored.unlabelled }, locale));
  return [...lines, ...evaluationLines(scored.evaluation, locale)];
}
