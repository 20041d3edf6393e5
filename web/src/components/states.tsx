import type { ReactNode } from 'react';
import { Link } from 'wouter';
import { ApiError, NetworkError } from '../api.js';
import { type TFunction, useT } from '../i18n/index.js';

export function Loading() {
  const t = useT();
  return (
    <p className="loading" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" />
      {t('common.loading')}
    </p>
  );
}

/**
 * What went wrong, in the user's language: the API's own message (written in the Accept-Language
 * language), or the page's words for a lost session, a missing record or a network failure. The
 * code stays out of sight (it is in the answer for programs).
 */
export function errorText(error: unknown, t: TFunction): string {
  if (error instanceof ApiError) {
    if (error.status === 401 && error.code === 'UNAUTHENTICATED') return t('error.session');
    if (error.status === 404) return t('error.notFound');
    return error.message;
  }
  if (error instanceof NetworkError) return t('error.network');
  return t('error.unexpected');
}

/** Whether asking again may help: not for a refusal (4xx), which says what to change instead. */
function isWorthRetrying(error: unknown): boolean {
  return !(error instanceof ApiError && error.status < 500);
}

/** An error box; the retry button only where retrying can help. */
export function ErrorBox({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const t = useT();
  return (
    <div className="error" role="alert">
      <strong aria-hidden="true">!</strong> <span>{errorText(error, t)}</span>
      {onRetry && isWorthRetrying(error) && (
        <button type="button" className="link" onClick={onRetry}>
          {t('common.retry')}
        </button>
      )}
    </div>
  );
}

/** A new organisation with no data: how to bring it in. */
export function EmptyData() {
  const t = useT();
  return (
    <section className="empty card">
      <h2>{t('empty.title')}</h2>
      <p>{t('empty.body')}</p>
      <Link href="/import" className="button primary">
        {t('empty.action')}
      </Link>
    </section>
  );
}

export function Card(props: { title?: ReactNode; children: ReactNode; className?: string; actions?: ReactNode }) {
  const { title, children, className, actions } = props;
  return (
    <section className={`card ${className ?? ''}`}>
      {(title || actions) && (
        <div className="card-head">
          {title && <h2>{title}</h2>}
          {actions}
        </div>
      )}
      {children}
    </section>
  );
}

/** A headline figure with a label and an optional line of detail. */
export function Kpi(props: { label: string; value: string; detail?: string | undefined; tone?: string | undefined }) {
  const { label, value, detail, tone } = props;
  return (
    <div className={`kpi ${tone ? `tone-${tone}` : ''}`}>
      <div className="kpi-label">{label}</div>
      <div className="kpi-value">{value}</div>
      {detail && <div className="kpi-detail">{detail}</div>}
    </div>
  );
}

/** Previous / next page of a list, with where the reader is ('21–40 of 10,000'). */
export function Pager(props: {
  page: number;
  pageSize: number;
  total: number;
  onPage: (page: number) => void;
  testId?: string;
}) {
  const { page, pageSize, total, onPage, testId } = props;
  const t = useT();
  const pages = Math.max(1, Math.ceil(total / pageSize));
  if (total <= pageSize) return null;
  const from = (page - 1) * pageSize + 1;
  const to = Math.min(total, page * pageSize);
  return (
    <nav className="pager" aria-label={t('pager.label')} data-testid={testId}>
      <button type="button" disabled={page <= 1} onClick={() => onPage(page - 1)}>
        ← {t('pager.previous')}
      </button>
      <span className="muted small">{t('pager.position', { from, to, total, page, pages })}</span>
      <button type="button" disabled={page >= pages} onClick={() => onPage(page + 1)}>
        {t('pager.next')} →
      </button>
    </nav>
  );
}
