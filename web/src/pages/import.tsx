import { type FormEvent, useState } from 'react';
import { apiUpload } from '../api.js';
import type { ImportReport } from '../api-types.js';
import { Card, ErrorBox } from '../components/states.js';
import { type MessageKey, useT } from '../i18n/index.js';
import { useRefreshAll } from '../query.js';

const KINDS = [
  'customers',
  'invoices',
  'receipts',
  'bank-balances',
  'suppliers',
  'bills',
  'payments',
  'credit-notes',
  'fx-rates',
  'financial-statements',
  'legal-events',
  'recurring-items',
] as const;

/** Upload a file, read the dry-run report row by row, then commit when it is clean. */
export default function ImportPage() {
  const t = useT();
  const [kind, setKind] = useState<(typeof KINDS)[number]>('customers');
  const [file, setFile] = useState<File | null>(null);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const refresh = useRefreshAll();
  const run = async (dryRun: boolean) => {
    if (!file) return;
    setBusy(true);
    setError(null);
    try {
      const answer = await apiUpload<ImportReport>(`/api/v1/imports?kind=${kind}&dryRun=${dryRun}`, file);
      // A committed import changes every report: what the pages show is read again.
      if (answer.committed)
        await refresh().catch((e: unknown) => console.warn('pages not read again after the import', e));
      setReport(answer);
    } catch (err) {
      setError(err);
      setReport(null);
    } finally {
      setBusy(false);
    }
  };
  const check = (e: FormEvent) => {
    e.preventDefault();
    void run(true);
  };
  const canCommit = report !== null && !report.committed && report.problems.length === 0 && report.rowsRead > 0;
  return (
    <div className="page">
      <h1>{t('import.title')}</h1>
      <Card className="wide">
        <p className="muted">{t('import.hint')}</p>
        <form className="import-form" onSubmit={check}>
          <label>
            {t('import.kind')}
            <select
              name="kind"
              value={kind}
              onChange={(e) => {
                setKind(e.target.value as (typeof KINDS)[number]);
                setReport(null);
              }}
            >
              {KINDS.map((k) => (
                <option key={k} value={k}>
                  {t(`kind.${k}` as MessageKey)}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('import.file')}
            <input
              type="file"
              name="file"
              accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              onChange={(e) => {
                setFile(e.target.files?.[0] ?? null);
                setReport(null);
              }}
            />
          </label>
          <button type="submit" className="primary" disabled={!file || busy}>
            {busy ? t('import.busy') : t('import.check')}
          </button>
          {canCommit && (
            <button type="button" className="primary" disabled={busy} onClick={() => void run(false)}>
              {t('import.commit', { count: report.rowsRead })}
            </button>
          )}
        </form>
      </Card>
      {error !== null && <ErrorBox error={error} />}
      {report && <Report report={report} />}
    </div>
  );
}

function Report({ report }: { report: ImportReport }) {
  const t = useT();
  const counts = {
    rows: report.rowsRead,
    inserted: report.inserted,
    updated: report.updated,
    unchanged: report.unchanged,
  };
  const n = report.problems.length;
  return (
    <Card className="wide" title={<span translate="no">{report.file}</span>}>
      <div data-testid="import-report" aria-live="polite">
        <p>{t('import.summary', counts)}</p>
        {report.committed && <p className="badge tone-good">✓ {t('import.committed')}</p>}
        {!report.committed && n === 0 && <p className="badge tone-good">✓ {t('import.clean')}</p>}
        {n > 0 && <p className="badge tone-bad">✗ {t('import.problems', { count: n })}</p>}
      </div>
      {n > 0 && (
        <div className="table-wrap">
          <table data-testid="import-problems">
            <thead>
              <tr>
                <th scope="col" className="num">
                  {t('import.col.row')}
                </th>
                <th scope="col">{t('import.col.field')}</th>
                <th scope="col">{t('import.col.value')}</th>
                <th scope="col">{t('import.col.message')}</th>
              </tr>
            </thead>
            <tbody>
              {report.problems.map((p) => (
                <tr key={`${p.row}:${p.column}:${p.code}:${p.value}`}>
                  <td className="num">{p.row ?? '—'}</td>
                  <td translate="no">{p.column ?? '—'}</td>
                  <td translate="no">
                    <code>{p.value ?? ''}</code>
                  </td>
                  <td>{p.message}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Card>
  );
}
