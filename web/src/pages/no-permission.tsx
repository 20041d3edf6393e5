import { Card } from '../components/states.js';
import { useT } from '../i18n/index.js';

/** A page the caller's role may not use: said plainly (the API would refuse it too). */
export function NoPermission() {
  const t = useT();
  return (
    <div className="page" data-testid="no-permission">
      <Card>
        <p>{t('error.forbidden')}</p>
      </Card>
    </div>
  );
}
