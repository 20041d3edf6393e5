import { useEffect, useState } from 'react';
import type { CustomerRow } from '../api-types.js';
import { ErrorBox, Loading, Pager } from '../components/states.js';
import { formatPlain, formatShare } from '../format.js';
import { type MessageKey, useT } from '../i18n/index.js';
import { useGet } from '../query.js';
import { usePageNumber, useUrlState, useUrlUpdate } from '../url-state.js';
import { CustomerLink } from './overview-lists.js';

type Key = 'name' | 'openMinor' | 'overdueMinor' | 'typicalDaysLate' | 'onTimeShare' | 'limitMinor' | 'grade';
const KEYS: readonly Key[] = [
  'name',
  'openMinor',
  'overdueMinor',
  'typicalDaysLate',
  'onTimeShare',
  'limitMinor',
  'grade',
];
export const PAGE_SIZE = 15;
/** Up to this many customers the grades come unasked; a larger book scores itself only when asked (it takes long). */
const AUTO_GRADES = 1_000;

const COLUMNS: readonly { key: Key; label: MessageKey; isNumber: boolean }[] = [
  { key: 'name', label: 'ar.col.customer', isNumber: false },
  { key: 'openMinor', label: 'ar.col.exposure', isNumber: true },
  { key: 'overdueMinor', label: 'ar.col.overdue', isNumber: true },
  { key: 'typicalDaysLate', label: 'ar.col.daysLate', isNumber: true },
  { key: 'onTimeShare', label: 'ar.col.onTime', isNumber: true },
  { key: 'limitMinor', label: 'ar.col.limit', isNumber: true },
  { key: 'grade', label: 'ar.col.grade', isNumber: false },
];

/**
 * The customers, sorted, filtered and paged by the server (the book may hold ten thousand); sort,
 * order, filter and page live in the URL. The rows come first without credit grades (scoring the
 * book takes longer) and the grades follow when the scores are in.
 */
export function CustomerTable({ onShown }: { onShown?: () => void }) {
  const t = useT();
  const [sort] = useUrlState<Key>('sort', 'openMinor', KEYS);
  const [order] = useUrlState<'asc' | 'desc'>('order', 'desc', ['asc', 'desc']);
  const [q] = useUrlState<string>('q', '');
  const [page, setPage] = usePageNumber();
  const [asked] = useUrlState<'' | '1'>('grades', '', ['', '1']);
  const update = useUrlUpdate();
  const [typed, setTyped] = useState(q);
  // The filter reaches the URL (and the server) once typing pauses.
  useEffect(() => {
    if (typed.trim() === q) return;
    const timer = setTimeout(() => update({ q: typed.trim() || null, page: null }), 250);
    return () => clearTimeout(timer);
  }, [typed, q, update]);
  const query = { sort, order, q, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE } as const;
  const plain = useGet('/api/v1/reports/customers', { query, keepPrevious: true, enabled: sort !== 'grade' });
  const wantsGrades =
    sort === 'grade' || asked === '1' || (plain.data !== undefined && plain.data.total <= AUTO_GRADES);
  const graded = useGet('/api/v1/reports/customers', {
    query: { ...query, grades: 'true' },
    keepPrevious: true,
    enabled: wantsGrades,
  });
  const rows = graded.data ?? plain.data;
  const isShown = rows !== undefined;
  useEffect(() => {
    if (isShown) onShown?.();
  }, [isShown, onShown]);
  const error = plain.error ?? (sort === 'grade' ? graded.error : null);
  const onSort = (c: (typeof COLUMNS)[number]) => {
    const isDesc = sort === c.key ? order !== 'desc' : c.isNumber;
    update({ sort: c.key === 'openMinor' ? null : c.key, order: isDesc ? null : 'asc', page: null });
  };
  if (error) return <ErrorBox error={error} onRetry={() => void plain.refetch()} />;
  if (!rows) return <Loading />;
  const columns = COLUMNS.filter((c) => (c.key === 'limitMinor' ? rows.hasLimits : true));
  const cell = (r: CustomerRow, key: Key) => {
    if (key === 'openMinor' || key === 'overdueMinor') return formatPlain(r[key], rows.currency);
    if (key === 'limitMinor') return r.limitMinor === null ? '—' : formatPlain(r.limitMinor, rows.currency);
    if (key === 'typicalDaysLate')
      return r.typicalDaysLate === null ? '—' : t('common.days', { count: r.typicalDaysLate });
    if (key === 'onTimeShare') return r.onTimeShare === null ? '—' : formatShare(r.onTimeShare);
    return rows.hasGrades ? (r.grade ?? '—') : wantsGrades ? '…' : '';
  };
  return (
    <>
      <div className="table-tools">
        <label className="filter">
          {t('ar.filter')} <input type="search" name="q" value={typed} onChange={(e) => setTyped(e.target.value)} />
        </label>
        <span className="muted small">
          {t('ar.count', { count: rows.total })} · {t('common.currency', { currency: rows.currency })}
        </span>
        {!wantsGrades && (
          <button type="button" className="small-button" onClick={() => update({ grades: '1' })}>
            {t('ar.showGrades')}
          </button>
        )}
      </div>
      <div className="table-wrap">
        <table data-testid="customer-table" aria-busy={plain.isFetching || graded.isFetching}>
          <thead>
            <tr>
              {columns.map((c) => (
                <th
                  key={c.key}
                  scope="col"
                  className={c.isNumber ? 'num' : ''}
                  aria-sort={sort === c.key ? (order === 'desc' ? 'descending' : 'ascending') : 'none'}
                >
                  <button
                    type="button"
                    className="sort"
                    title={t('ar.sortBy', { column: t(c.label) })}
                    onClick={() => onSort(c)}
                  >
                    {t(c.label)} {sort === c.key ? (order === 'desc' ? '▼' : '▲') : ''}
                  </button>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.items.map((r) => (
              <tr key={r.customerId}>
                {columns.map((c) =>
                  c.key === 'name' ? (
                    <td key={c.key} className="name-cell">
                      <CustomerLink id={r.customerId} name={r.name} />{' '}
                      <span className="muted small" translate="no">
                        {r.code}
                      </span>
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
        {rows.total === 0 && <p className="muted">{t('ar.noMatch')}</p>}
      </div>
      <Pager page={page} pageSize={PAGE_SIZE} total={rows.total} onPage={setPage} testId="customer-pager" />
    </>
  );
}
