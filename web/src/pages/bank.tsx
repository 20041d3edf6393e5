import { type FormEvent, useState } from 'react';
import { checkSplit, type SplitRow } from '../../../src/core/cash-application/split.js';
import { apiPost, apiUpload } from '../api.js';
import type { GetAnswer, WriteAnswer } from '../api-types.js';
import { SaveProblemBox, useSave } from '../components/save-state.js';
import { Card, ErrorBox, Loading } from '../components/states.js';
import { formatDate, formatMoney } from '../format.js';
import { type MessageKey, useLocale, useT } from '../i18n/index.js';
import { may } from '../permissions.js';
import { useGet, useRefreshAll } from '../query.js';
import { useMe } from '../session.js';

type Imported = WriteAnswer<'/api/v1/bank-statements', 'post'>;
type MatchRun = WriteAnswer<'/api/v1/cash-application/runs', 'post'>;
type Proposal = GetAnswer<'/api/v1/cash-application/review'>[number];

/** Bank statements (import, list), matching incoming payments, and the review queue with its reasons in words. */
export default function BankPage() {
  const t = useT();
  const locale = useLocale();
  const me = useMe();
  const statements = useGet('/api/v1/bank-statements');
  const queue = useGet('/api/v1/cash-application/review');
  const { isBusy, problem, save, retryRefresh } = useSave(useRefreshAll());
  const [file, setFile] = useState<File | null>(null);
  const [imported, setImported] = useState<Imported | null>(null);
  const [matched, setMatched] = useState<MatchRun | null>(null);
  const canImport = may(me, 'import');
  const canWrite = may(me, 'write:data');
  const upload = (e: FormEvent) => {
    e.preventDefault();
    if (!file) return;
    void save(
      () => apiUpload<Imported>('/api/v1/bank-statements?dryRun=false', file),
      (answer) => setImported(answer),
    );
  };
  const run = () =>
    void save(
      () => apiPost<MatchRun>('/api/v1/cash-application/runs', {}),
      (answer) => setMatched(answer),
    );
  const [splitting, setSplitting] = useState<string | null>(null);
  const decide = (
    p: Proposal,
    decision: 'accept' | 'reject' | 'split',
    allocations?: Array<{ number: string; amountMinor: number }>,
  ) =>
    void save(
      () =>
        apiPost('/api/v1/cash-application/decisions', {
          proposalId: p.proposalId,
          decision,
          ...(allocations ? { allocations } : {}),
        }),
      () => setSplitting(null),
    );
  const money = (minor: number | null, currency: string) =>
    minor === null ? '—' : formatMoney(minor, currency, locale);
  return (
    <div className="page">
      <h1>{t('bank.title')}</h1>
      {canImport && (
        <Card title={t('bank.upload')} className="wide">
          <p className="muted small">{t('bank.uploadHint')}</p>
          <form className="inline-form" onSubmit={upload} aria-label={t('bank.upload')}>
            <label>
              {t('bank.file')}
              <input type="file" name="file" required onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
            </label>
            <button type="submit" className="primary" disabled={isBusy || !file}>
              {t('bank.import')}
            </button>
          </form>
          {imported && (
            <p role="status">
              {t('bank.imported', {
                count: imported.statements.length,
                lines: imported.statements.reduce((s, x) => s + x.newLines, 0),
              })}
            </p>
          )}
          {imported?.warnings.map((w) => (
            <p key={`${w.statement}:${w.line}:${w.code}`} className="warning">
              {t(w.code as MessageKey, { ...w })}
            </p>
          ))}
        </Card>
      )}
      <SaveProblemBox problem={problem} onRetry={retryRefresh} />
      <Card title={t('bank.statements')} className="wide">
        {statements.isPending && <Loading />}
        {statements.isError && <ErrorBox error={statements.error} onRetry={() => void statements.refetch()} />}
        {statements.isSuccess && statements.data.length === 0 && <p className="muted">{t('bank.none')}</p>}
        {statements.isSuccess && statements.data.length > 0 && (
          <table data-testid="bank-statements">
            <thead>
              <tr>
                <th>{t('bank.account')}</th>
                <th>{t('bank.period')}</th>
                <th className="num">{t('bank.opening')}</th>
                <th className="num">{t('bank.closing')}</th>
                <th className="num">{t('bank.lines')}</th>
                <th>{t('bank.format')}</th>
              </tr>
            </thead>
            <tbody>
              {statements.data.map((s) => (
                <tr key={s.id}>
                  <td translate="no">{s.account}</td>
                  <td>{[s.periodFrom, s.periodTo].map((d) => (d ? formatDate(d, locale) : '…')).join(' – ')}</td>
                  <td className="num">{money(s.openingMinor, s.currency)}</td>
                  <td className="num">{money(s.closingMinor, s.currency)}</td>
                  <td className="num">{s.lines}</td>
                  <td>{t(`bank.format.${s.format}` as MessageKey)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Card>
      {canWrite && (
        <Card title={t('bank.match')} className="wide">
          <p className="muted small">{t('bank.matchHint')}</p>
          <button type="button" className="primary" onClick={run} disabled={isBusy}>
            {t('bank.run')}
          </button>
          {matched && (
            <p role="status">
              {t('bank.matched', {
                lines: matched.lines,
                applied: matched.applied.length,
                review: matched.review.length,
                unmatched: matched.unmatched.length,
              })}
            </p>
          )}
        </Card>
      )}
      <Card title={t('bank.review')} className="wide">
        {queue.isPending && <Loading />}
        {queue.isError && <ErrorBox error={queue.error} onRetry={() => void queue.refetch()} />}
        {queue.isSuccess && queue.data.length === 0 && <p className="muted">{t('bank.reviewNone')}</p>}
        {queue.isSuccess && queue.data.length > 0 && (
          <table data-testid="bank-review">
            <thead>
              <tr>
                <th>{t('bank.payment')}</th>
                <th>{t('bank.payer')}</th>
                <th className="num">{t('bank.amount')}</th>
                <th>{t('bank.invoices')}</th>
                <th className="num">{t('bank.confidence')}</th>
                <th>{t('bank.why')}</th>
                {canWrite && <th />}
              </tr>
            </thead>
            <tbody>
              {queue.data.map((p) => (
                <tr key={p.proposalId ?? p.lineId}>
                  <td translate="no">
                    {p.payment}
                    <br />
                    <span className="muted small">{formatDate(p.receivedOn, locale)}</span>
                  </td>
                  <td>{p.payer ?? '—'}</td>
                  <td className="num">{money(p.amountMinor, p.currency)}</td>
                  <td translate="no">
                    {[...p.invoices, ...p.bills]
                      .map((i) => `${i.number} ${money(i.amountMinor, p.currency)}`)
                      .join(', ')}
                  </td>
                  <td className="num">{Math.round(p.confidence * 100)} %</td>
                  <td>
                    <ul className="reasons">
                      {p.reasons.map((r) => (
                        <li key={`${r.code}:${r.value ?? ''}`}>{t(r.code as MessageKey, { ...r })}</li>
                      ))}
                    </ul>
                  </td>
                  {canWrite && (
                    <td>
                      <button type="button" onClick={() => decide(p, 'accept')} disabled={isBusy}>
                        {t('bank.accept')}
                      </button>{' '}
                      <button
                        type="button"
                        onClick={() => setSplitting(splitting === p.proposalId ? null : p.proposalId)}
                        disabled={isBusy}
                        aria-expanded={splitting === p.proposalId}
                      >
                        {t('bank.split')}
                      </button>{' '}
                      <button type="button" onClick={() => decide(p, 'reject')} disabled={isBusy}>
                        {t('bank.reject')}
                      </button>
                      {splitting === p.proposalId && (
                        <SplitForm
                          proposal={p}
                          isBusy={isBusy}
                          onSplit={(allocations) => decide(p, 'split', allocations)}
                          onCancel={() => setSplitting(null)}
                        />
                      )}
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Card>
    </div>
  );
}

/**
 * Splits one payment over invoices or bills with amounts the user types: checked to the fen
 * (`checkSplit`) before it is sent; the server checks each amount against what is open.
 */
function SplitForm(props: {
  proposal: Proposal;
  isBusy: boolean;
  onSplit: (allocations: Array<{ number: string; amountMinor: number }>) => void;
  onCancel: () => void;
}) {
  const t = useT();
  const locale = useLocale();
  const p = props.proposal;
  const proposed = [...p.invoices, ...p.bills];
  const [rows, setRows] = useState<SplitRow[]>(
    proposed.length > 0 ? proposed.map((d) => ({ number: d.number, amount: d.amount })) : [{ number: '', amount: '' }],
  );
  const [shown, setShown] = useState(false);
  const check = checkSplit(p.amountMinor, p.currency, rows);
  const set = (i: number, field: keyof SplitRow, value: string) =>
    setRows(rows.map((r, n) => (n === i ? { ...r, [field]: value } : r)));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setShown(true);
    if (check.ok) props.onSplit(check.allocations);
  };
  const problem = check.ok
    ? null
    : t(`bank.split.${check.code}` as MessageKey, {
        row: check.row,
        value: check.value ?? '',
        expected: check.expected ?? '',
      });
  return (
    <form className="split-form" onSubmit={submit} aria-label={t('bank.split')} data-testid="bank-split">
      {rows.map((r, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: rows are edited in place and have no id of their own.
        <div key={i} className="inline-form">
          <label>
            {t(p.side === 'payable' ? 'bank.split.bill' : 'bank.split.invoice')}
            <input value={r.number} onChange={(e) => set(i, 'number', e.target.value)} name={`number-${i}`} />
          </label>
          <label>
            {t('bank.amount')}
            <input
              value={r.amount}
              inputMode="decimal"
              onChange={(e) => set(i, 'amount', e.target.value)}
              name={`amount-${i}`}
            />
          </label>
        </div>
      ))}
      <p className="muted small">
        {t('bank.split.total', {
          total: formatMoney(check.ok ? check.totalMinor : 0, p.currency, locale),
          amount: formatMoney(p.amountMinor, p.currency, locale),
        })}
      </p>
      {shown && problem && (
        <p className="warning" role="alert">
          {problem}
        </p>
      )}
      <button type="button" onClick={() => setRows([...rows, { number: '', amount: '' }])} disabled={props.isBusy}>
        {t('bank.split.add')}
      </button>{' '}
      <button type="submit" className="primary" disabled={props.isBusy}>
        {t('bank.split.save')}
      </button>{' '}
      <button type="button" onClick={props.onCancel}>
        {t('bank.split.cancel')}
      </button>
    </form>
  );
}
