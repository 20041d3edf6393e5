import type { Forecast, ForecastPeriod, ScenarioForecast } from '../api-types.js';
import { formatWhole } from '../format.js';
import { lineText, useLocale, useT } from '../i18n/index.js';
import { periodLabelParts } from '../period-labels.js';
import { useWan } from '../settings.js';
import { useMoney } from '../use-money.js';

/** A cell of the grid that has items behind it: one line of one period. */
export interface Cell {
  readonly index: number;
  readonly key: string;
  readonly direction: 'receipt' | 'disbursement';
}

/** A cell as the URL keeps it: 'index:key:direction'. */
export function cellToUrl(c: Cell): string {
  return `${c.index}:${c.key}:${c.direction}`;
}

export function cellFromUrl(text: string): Cell | null {
  const [index, key, direction] = text.split(':');
  const n = Number(index);
  if (!Number.isInteger(n) || n < 0 || !key || (direction !== 'receipt' && direction !== 'disbursement')) return null;
  return { index: n, key, direction };
}

type Row =
  | { kind: 'total'; label: string; value: (p: ForecastPeriod) => number; strong?: boolean }
  | { kind: 'line'; key: string; direction: Cell['direction'] };

function lineKeys(s: ScenarioForecast, direction: Cell['direction']): string[] {
  const keys = new Set<string>();
  for (const p of s.periods)
    for (const l of p.lines) if (l.direction === direction && l.totalMinor !== 0) keys.add(l.key);
  return [...keys];
}

const lineTotal = (p: ForecastPeriod, key: string, direction: string) =>
  p.lines.find((l) => l.key === key && l.direction === direction)?.totalMinor ?? 0;

/** The period grid of one scenario; every line cell with a number opens what is behind it. */
export function ForecastGrid(props: {
  forecast: Forecast;
  scenario: ScenarioForecast;
  selected: Cell | null;
  onSelect: (cell: Cell) => void;
}) {
  const { forecast, scenario, selected, onSelect } = props;
  const t = useT();
  const locale = useLocale();
  const wan = useWan() && locale === 'zh-CN';
  const money = useMoney();
  // Whole units keep thirteen weeks on one screen; the drill-down and the export keep every fen.
  const amount = (minor: number) => (wan ? money(minor, forecast.currency) : formatWhole(minor, forecast.currency));
  const rows: Row[] = [
    { kind: 'total', label: t('forecast.row.opening'), value: (p) => p.openingMinor },
    ...lineKeys(scenario, 'receipt').map((key): Row => ({ kind: 'line', key, direction: 'receipt' })),
    { kind: 'total', label: t('forecast.row.receipts'), value: (p) => p.receiptsMinor, strong: true },
    ...lineKeys(scenario, 'disbursement').map((key): Row => ({ kind: 'line', key, direction: 'disbursement' })),
    { kind: 'total', label: t('forecast.row.disbursements'), value: (p) => p.disbursementsMinor, strong: true },
    { kind: 'total', label: t('forecast.row.closing'), value: (p) => p.closingMinor, strong: true },
    { kind: 'total', label: t('forecast.row.buffer'), value: (p) => p.bufferMinor },
    { kind: 'total', label: t('forecast.row.headroom'), value: (p) => p.headroomMinor },
  ];
  const parts = periodLabelParts(forecast, t, locale);
  const labels = parts.map((p) => p.join(' '));
  return (
    <div className="table-wrap grid-scroll">
      <table className="grid" data-testid="forecast-grid" data-scenario={scenario.scenario}>
        <thead>
          <tr>
            <th scope="col" className="sticky" />
            {parts.map(([head, date], i) => (
              <th scope="col" key={scenario.periods[i]?.startOn ?? i} className="num">
                {head}
                {date && <span className="period-date">{date}</span>}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) =>
            row.kind === 'total' ? (
              <tr key={row.label} className={row.strong ? 'strong' : ''} data-row={row.label}>
                <th scope="row" className="sticky">
                  {row.label}
                </th>
                {scenario.periods.map((p) => {
                  const isClosing = row.label === t('forecast.row.closing');
                  const isLow = isClosing && p.isBelowBuffer;
                  return (
                    <td
                      key={p.index}
                      className={`num ${isLow ? 'tone-bad' : ''}`}
                      data-testid={isClosing ? 'closing' : undefined}
                    >
                      {isLow && (
                        <span className="flag" title={t('forecast.below')}>
                          ▼<span className="sr-only"> {t('forecast.below')}</span>{' '}
                        </span>
                      )}
                      {amount(row.value(p))}
                    </td>
                  );
                })}
              </tr>
            ) : (
              <tr key={`${row.direction}:${row.key}`}>
                <th scope="row" className="sticky line-label">
                  {row.direction === 'receipt' ? '+ ' : '− '}
                  {lineText(t, row.key)}
                </th>
                {scenario.periods.map((p) => {
                  const value = lineTotal(p, row.key, row.direction);
                  const isOn =
                    selected?.index === p.index && selected.key === row.key && selected.direction === row.direction;
                  return (
                    <td key={p.index} className="num">
                      {value === 0 ? (
                        <span className="muted">–</span>
                      ) : (
                        <button
                          type="button"
                          className={`cell ${isOn ? 'on' : ''}`}
                          aria-pressed={isOn}
                          aria-label={`${lineText(t, row.key)} · ${labels[p.index] ?? ''}: ${amount(value)}`}
                          onClick={() => onSelect({ index: p.index, key: row.key, direction: row.direction })}
                        >
                          {amount(value)}
                        </button>
                      )}
                    </td>
                  );
                })}
              </tr>
            ),
          )}
        </tbody>
      </table>
    </div>
  );
}
