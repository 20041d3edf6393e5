import { useMemo, useState } from 'react';
import { formatPlain, formatShare } from '../format.js';
import { type MessageKey, useT } from '../i18n/index.js';
import type { CreditCustomer, CustomerRow } from '../types.js';
import { CustomerLink } from './overview-lists.js';

type Key = 'name' | 'openMinor' | 'overdueMinor' | 'typicalDaysLate' | 'onTimeShare' | 'limitMinor' | 'grade';
type Row = CustomerRow & { grade: string | null };

const COLUMNS: readonly { key: Key; label: MessageKey; isNumber: boolean }[] = [
  { key: 'name', label: 'ar.col.customer', isNumber: false },
  { key: 'openMinor', label: 'ar.col.exposure', isNumber: true },
  { key: 'overdueMinor', label: 'ar.col.overdue', isNumber: true },
  { key: 'typicalDaysLate', label: 'ar.col.daysLate', isNumber: true },
  { key: 'onTimeShare', label: 'ar.col.onTime', isNumber: true },
  { key: 'limitMinor', label: 'ar.col.limit', isNumber: true },
  { key: 'grade', label: 'ar.col.grade', isNumber: false },
];

function compare(a: Row, b: Row, key: Key): number {
  const x = a[key];
  const y = b[key];
  if (x === y) return 0;
  if (x === null) return 1; // unknowns last in either direction
  if (y === null) return -1;
  return typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y));
}

/** Every customer, sortable by any column (click or Enter on the header), filterable by name or code. */
export function CustomerTable(props: {
  rows: readonly CustomerRow[];
  currency: string;
  credit: readonly CreditCustomer[] | null;
}) {
  const { rows, currency, credit } = props;
  const t = useT();
  const [sort, setSort] = useState<{ key: Key; isDesc: boolean }>({ key: 'openMinor', isDesc: true });
  const [filter, setFilter] = useState('');
  const grades = useMemo(() => new Map((credit ?? []).map((c) => [c.customerId, c.grade ?? null])), [credit]);
  const hasLimits = rows.some((r) => r.limitMinor !== null);
  const columns = COLUMNS.filter((c) => (c.key === 'grade' ? credit !== null : c.key !== 'limitMinor' || hasLimits));
  const shown = useMemo(() => {
    const f = filter.trim().toLowerCase();
    const list: Row[] = rows
      .filter((r) => !f || r.name.toLowerCase().includes(f) || r.code.toLowerCase().includes(f))
      .map((r) => ({ ...r, grade: grades.get(r.customerId) ?? null }));
    list.sort((a, b) => {
      const c = compare(a, b, sort.key);
      return sort.isDesc && a[sort.key] !== null && b[sort.key] !== null ? -c : c;
    });
    return list;
  }, [rows, filter, sort, grades]);
  const cell = (r: Row, key: Key) => {
    if (key === 'openMinor' || key === 'overdueMinor') return formatPlain(r[key], currency);
    if (key === 'limitMinor') return r.limitMinor === null ? '—' : formatPlain(r.limitMinor, currency);
    if (key === 'typicalDaysLate')
      return r.typicalDaysLate === null ? '—' : t('common.days', { count: r.typicalDaysLate });
    if (key === 'onTimeShare') return r.onTimeShare === null ? '—' : formatShare(r.onTimeShare);
    return r.grade ?? '—';
  };
  return (
    <>
      <label className="filter">
        {t('ar.filter')} <input type="search" value={filter} onChange={(e) => setFilter(e.target.value)} />
      </label>
      <p className="muted small">{t('common.currency', { currency })}</p>
      <div className="table-wrap">
        <table data-testid="customer-table">
          <thead>
            <tr>
              {columns.map((c) => (
                <th
                  key={c.key}
                  scope="col"
                  className={c.isNumber ? 'num' : ''}
                  aria-sort={sort.key === c.key ? (sort.isDesc ? 'descending' : 'ascending') : 'none'}
                >
                  <button
                    type="button"
                    className="sort"
                    title={t('ar.sortBy', { column: t(c.label) })}
                    onClick={() => setSort((s) => ({ key: c.key, isDesc: s.key === c.key ? !s.isDesc : c.isNumber }))}
                  >
                    {t(c.label)} {sort.key === c.key ? (sort.isDesc ? '▼' : '▲') : ''}
                  </button>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {shown.map((r) => (
              <tr key={r.customerId}>
                {columns.map((c) =>
                  c.key === 'name' ? (
                    <td key={c.key}>
                      <CustomerLink id={r.customerId} name={r.name} /> <span className="muted small">{r.code}</span>
                    </td>
                  ) : (
                    <td key={c.key} className={c.isNumber ? 'num' : ''}>
                      {cell(r, c.key)}
                      {c.key === 'limitMinor' && r.limitMinor !== null && r.openMinor > r.limitMinor && (
                        <span className="badge tone-bad"> {t('overview.overLimit')}</span>
                      )}
                    </td>
                  ),
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
