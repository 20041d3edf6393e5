import type { ReactNode } from 'react';
import { ApiError, NetworkError } from '../api.js';
import { useT } from '../i18n/index.js';
import { navigate } from '../router.js';

export function Loading() {
  const t = useT();
  return (
    <p className="loading" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" />
      {t('common.loading')}
    </p>
  );
}

/** An API error in the user's language (the API writes the message in the Accept-Language language). */
export function ErrorBox({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const t = useT();
  const message =
    error instanceof ApiError
      ? error.status === 401
        ? t('error.session')
        : error.message
      : error instanceof NetworkError
        ? t('error.network')
        : String(error);
  return (
    <div className="error" role="alert">
      <strong aria-hidden="true">!</strong> <span>{message}</span>
      {error instanceof ApiError && <code className="code">{error.code}</code>}
      {onRetry && (
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
      <button type="button" className="primary" onClick={() => navigate('/import')}>
        {t('empty.action')}
      </button>
    </section>
  );
}

export function Card(props: { title?: string; children: ReactNode; className?: string }) {
  const { title, children, className } = props;
  return (
    <section className={`card ${className ?? ''}`}>
      {title && <h2>{title}</h2>}
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
