import type ExcelJS from 'exceljs';
import type { ForecastResult, ScenarioForecast } from '../../core/forecast/index.js';
import { minorUnits } from '../../core/money/index.js';
import { type Locale, translate } from '../../i18n/index.js';
import { scenarioTitle } from '../scenarios/words.js';
import { forecastLineText, forecastReasonText } from './reason-text.js';

const t = (code: string, locale: Locale, details: Record<string, unknown> = {}) => translate(code, details, locale);

/**
 * Writes the forecast to an Excel workbook: one sheet per scenario with the period grid
 * (numbers in major units, formatted), and a sheet of every source item behind the numbers.
 */
export async function exportForecastXlsx(result: ForecastResult, path: string, locale: Locale): Promise<void> {
  // Loaded when a workbook is written, not with every command that can write one (docs/adr/0014).
  const { Workbook } = (await import('exceljs')).default;
  const wb = new Workbook();
  const scale = 10 ** minorUnits(result.currency);
  const format = scale === 1 ? '#,##0' : `#,##0.${'0'.repeat(Math.log10(scale))}`;
  for (const s of result.scenarios) addScenarioSheet(wb, s, result, locale, scale, format);
  addSourcesSheet(wb, result, locale, scale, format);
  await wb.xlsx.writeFile(path);
}

function addScenarioSheet(
  wb: ExcelJS.Workbook,
  s: ScenarioForecast,
  result: ForecastResult,
  locale: Locale,
  scale: number,
  format: string,
): void {
  const ws = wb.addWorksheet(
    scenarioTitle(s.scenario, locale)
      .slice(0, 31)
      .replace(/[\\/?*[\]:]/g, '_') || s.scenario,
  );
  ws.addRow([
    t('FORECAST_TITLE', locale, { asOf: result.asOf, currency: result.currency, openingOn: result.opening.on ?? '—' }),
  ]);
  const header = [t('FORECAST_COL_PERIOD', locale), ...s.periods.map((p) => `${p.startOn} – ${p.endOn}`)];
  ws.addRow(header).font = { bold: true };
  const row = (label: string, values: number[]) => {
    const r = ws.addRow([label, ...values.map((v) => v / scale)]);
    for (let c = 2; c <= values.length + 1; c++) r.getCell(c).numFmt = format;
    return r;
  };
  row(
    t('FORECAST_COL_OPENING', locale),
    s.periods.map((p) => p.openingMinor),
  );
  for (const direction of ['receipt', 'disbursement'] as const) {
    const keys = [
      ...new Set(
        s.periods.flatMap((p) =>
          p.lines.filter((l) => l.direction === direction && l.totalMinor !== 0).map((l) => l.key),
        ),
      ),
    ];
    for (const key of keys) {
      row(
        `  ${direction === 'receipt' ? '+' : '−'} ${forecastLineText(key, locale)}`,
        s.periods.map((p) => p.lines.find((l) => l.key === key && l.direction === direction)?.totalMinor ?? 0),
      );
    }
    row(
      t(direction === 'receipt' ? 'FORECAST_COL_RECEIPTS' : 'FORECAST_COL_DISBURSEMENTS', locale),
      s.periods.map((p) => (direction === 'receipt' ? p.receiptsMinor : p.disbursementsMinor)),
    ).font = { bold: true };
  }
  row(
    t('FORECAST_COL_CLOSING', locale),
    s.periods.map((p) => p.closingMinor),
  ).font = { bold: true };
  row(
    t('FORECAST_COL_BUFFER', locale),
    s.periods.map((p) => p.bufferMinor),
  );
  row(
    t('FORECAST_COL_HEADROOM', locale),
    s.periods.map((p) => p.headroomMinor),
  );
  ws.getColumn(1).width = 28;
  for (let c = 2; c <= s.periods.length + 1; c++) ws.getColumn(c).width = 16;
}

function addSourcesSheet(
  wb: ExcelJS.Workbook,
  result: ForecastResult,
  locale: Locale,
  scale: number,
  format: string,
): void {
  const ws = wb.addWorksheet('sources');
  ws.addRow([
    t('FORECAST_COL_SCENARIO', locale),
    t('FORECAST_COL_PERIOD', locale),
    t('FORECAST_COL_LINE', locale),
    t('FORECAST_COL_SOURCE', locale),
    t('FORECAST_COL_COUNTERPARTY', locale),
    result.currency,
    t('FORECAST_COL_EXPECTED', locale),
    t('FORECAST_COL_REASON', locale),
  ]).font = { bold: true };
  for (const s of result.scenarios) {
    for (const p of s.periods) {
      for (const l of p.lines) {
        for (const src of l.sources) {
          const r = ws.addRow([
            scenarioTitle(s.scenario, locale),
            p.startOn,
            `${t(`FORECAST_DIRECTION_${l.direction}`, locale)}: ${forecastLineText(l.key, locale)}`,
            src.number,
            src.counterparty,
            src.amountMinor / scale,
            src.expectedOn,
            forecastReasonText(src, locale),
          ]);
          r.getCell(6).numFmt = format;
        }
      }
    }
  }
}
