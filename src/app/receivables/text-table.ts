import { displayWidth, padDisplay } from '../../i18n/format.js';

/**
 * A plain-text table: the first column left-aligned, the others right-aligned, two spaces apart.
 *
 * @example
 * renderTable(['客户', '合计'], [['c1', '100.00']]) // '客户    合计\n----  ------\nc1    100.00'
 */
export function renderTable(headers: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = headers.map((h, i) => Math.max(displayWidth(h), ...rows.map((r) => displayWidth(r[i] ?? ''))));
  const line = (cells: readonly string[]) =>
    cells
      .map((c, i) => padDisplay(c, widths[i] as number, i > 0 ? 'right' : 'left'))
      .join('  ')
      .trimEnd();
  return [line(headers), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

/** A number with fixed decimals, or '—' when there is none. */
export function formatNumber(value: number | null, decimals = 1): string {
  return value === null || !Number.isFinite(value) ? '—' : value.toFixed(decimals);
}
