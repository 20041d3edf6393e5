import { Link } from 'wouter';
import { Card } from '../components/states.js';
import { useT } from '../i18n/index.js';
import { useGet } from '../query.js';
import { LEVEL_TONE, Said, word } from './alert-detail.js';

/** The overview's alert panel: open alerts by level, and the most serious few in one sentence each. */
export function AlertPanel() {
  const t = useT();
  // The most serious first: the first page holds the few shown; the counts are of them all.
  const alerts = useGet('/api/v1/alerts', { query: { status: 'open', limit: 20 } });
  if (!alerts.isSuccess) return null;
  const items = alerts.data.items;
  const count = (level: 'critical' | 'warning' | 'watch' | 'info') => alerts.data.byLevel[level];
  const top = items.filter((a) => a.level === 'critical' || a.level === 'warning').slice(0, 5);
  return (
    <Card title={t('alerts.panel')} className="wide" actions={<Link href="/alerts">{t('alerts.panelAll')}</Link>}>
      <p data-testid="alert-counts">
        {t('alerts.panelCounts', {
          critical: count('critical'),
          warning: count('warning'),
          watch: count('watch'),
          info: count('info'),
        })}
      </p>
      {items.length === 0 ? (
        <p>{t('alerts.none')}</p>
      ) : (
        <ul className="flags" data-testid="alert-panel">
          {top.map((a) => (
            <li key={a.id}>
              <span className={`badge tone-${LEVEL_TONE[a.level] ?? 'good'}`}>{word(t, `ALERT_LEVEL_${a.level}`)}</span>{' '}
              <span className="small">
                <Said text={a.reasonText} alert={a} />
              </span>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
