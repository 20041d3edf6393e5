import type { ReactNode } from 'react';
import { type Locale, setLocale, useLocale, useT } from '../i18n/index.js';
import { navigate, type Route } from '../router.js';
import { setWan, useWan } from '../settings.js';

const PAGES = [
  { page: 'overview', path: '/', key: 'nav.overview' },
  { page: 'forecast', path: '/forecast', key: 'nav.forecast' },
  { page: 'receivables', path: '/receivables', key: 'nav.receivables' },
  { page: 'import', path: '/import', key: 'nav.import' },
] as const;

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
        <option value="zh-CN">中文</option>
        <option value="en">English</option>
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

/** The frame of every page: a skip link, the navigation, the language switch and log-out. */
export function Layout({ route, onLogout, children }: { route: Route; onLogout: () => void; children: ReactNode }) {
  const t = useT();
  const locale = useLocale();
  const active = route.page === 'customer' ? 'receivables' : route.page;
  return (
    <>
      <a className="skip" href="#main">
        {t('app.skip')}
      </a>
      <header className="top">
        <span className="brand">{t('app.name')}</span>
        <nav aria-label="main">
          {PAGES.map((p) => (
            <a
              key={p.page}
              href={p.path}
              aria-current={active === p.page ? 'page' : undefined}
              onClick={(e) => {
                e.preventDefault();
                navigate(p.path);
              }}
            >
              {t(p.key)}
            </a>
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
