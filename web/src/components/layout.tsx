import type { ReactNode } from 'react';
import { Link, useLocation } from 'wouter';
import type { Permission } from '../../../src/app/accounts/roles.js';
import { type Locale, type MessageKey, setLocale, useLocale, useT } from '../i18n/index.js';
import { may } from '../permissions.js';
import { useMe } from '../session.js';
import { setWan, useWan } from '../settings.js';

const PAGES: readonly { path: string; key: MessageKey; needs: Permission }[] = [
  { path: '/', key: 'nav.overview', needs: 'read' },
  { path: '/alerts', key: 'nav.alerts', needs: 'read' },
  { path: '/forecast', key: 'nav.forecast', needs: 'read' },
  { path: '/stress', key: 'nav.stress', needs: 'read' },
  { path: '/receivables', key: 'nav.receivables', needs: 'read' },
  { path: '/collections', key: 'nav.collections', needs: 'read' },
  { path: '/insurance', key: 'nav.insurance', needs: 'read' },
  { path: '/fx', key: 'nav.fx', needs: 'read' },
  { path: '/import', key: 'nav.import', needs: 'import' },
  { path: '/bank', key: 'nav.bank', needs: 'read' },
  { path: '/settings', key: 'nav.settings', needs: 'read' },
  { path: '/team', key: 'nav.team', needs: 'manage:members' },
  { path: '/tokens', key: 'nav.tokens', needs: 'manage:tokens' },
];

export function LanguageSwitch() {
  const t = useT();
  const locale = useLocale();
  return (
    <label className="lang">
      <span className="sr-only">{t('nav.language')}</span>
      <select
        value={locale}
        onChange={(e) => setLocale(e.target.value as Locale)}
        data-testid="language"
        aria-label={t('nav.language')}
      >
        {/* Each language named in itself: a proper name on any page. */}
        <option value="zh-CN" translate="no">
          中文
        </option>
        <option value="en" translate="no">
          English
        </option>
      </select>
    </label>
  );
}

function WanSwitch() {
  const t = useT();
  const wan = useWan();
  return (
    <label className="wan">
      <input type="checkbox" checked={wan} onChange={(e) => setWan(e.target.checked)} /> {t('nav.wan')}
    </label>
  );
}

/** The section of the navigation a path belongs to (a customer page is under receivables). */
function sectionOf(location: string): string {
  if (location.startsWith('/customers/')) return '/receivables';
  return PAGES.find((p) => p.path !== '/' && location.startsWith(p.path))?.path ?? location;
}

/** The frame of every page: a skip link, the navigation the caller's role may use, language and log-out. */
export function Layout({ onLogout, children }: { onLogout: () => void; children: ReactNode }) {
  const t = useT();
  const locale = useLocale();
  const me = useMe();
  const [location] = useLocation();
  const active = sectionOf(location);
  return (
    <>
      <a className="skip" href="#main">
        {t('app.skip')}
      </a>
      <header className="top">
        <span className="brand">{t('app.name')}</span>
        <nav aria-label={t('nav.main')}>
          {PAGES.filter((p) => may(me, p.needs)).map((p) => (
            <Link key={p.path} href={p.path} aria-current={active === p.path ? 'page' : undefined}>
              {t(p.key)}
            </Link>
          ))}
        </nav>
        <div className="tools">
          {locale === 'zh-CN' && <WanSwitch />}
          <LanguageSwitch />
          <button type="button" className="link" onClick={onLogout}>
            {t('nav.logout')}
          </button>
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        {children}
      </main>
    </>
  );
}
