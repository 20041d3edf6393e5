import { Link } from 'wouter';
import { Card } from '../components/states.js';
import { useT } from '../i18n/index.js';

/** Any address the dashboard does not have: said plainly, with a way back. */
export function NotFound() {
  const t = useT();
  return (
    <div className="page" data-testid="not-found">
      <h1>{t('notFound.title')}</h1>
      <Card>
        <p>{t('notFound.body')}</p>
        <Link href="/">{t('notFound.back')}</Link>
      </Card>
    </div>
  );
}
