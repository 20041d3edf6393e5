import { Card, Loading } from '../components/states.js';
import { formatDate, formatShare } from '../format.js';
import { type MessageKey, useLocale, useT } from '../i18n/index.js';
import { useApi } from '../use-api.js';
import { useMoney } from '../use-money.js';

interface Said {
  readonly code: string;
  readonly message?: string;
}

interface LimitView {
  readonly customerId: string;
  readonly recommendation: {
    readonly currency: string;
    readonly needMinor: number;
    readonly capacityMinor: number | null;
    readonly insurerCapMinor: number | null;
    readonly recommendedMinor: number;
    readonly binding: string;
    readonly reasons: readonly Said[];
  };
  readonly current: { limitMinor: number; binding: string; effectiveFrom: string; approvedBy: string } | null;
  readonly exposure: { totalMinor: number; currency: string };
  readonly utilisation: number | null;
}

interface Onboarding {
  readonly lines: readonly { item: string; status: string; reason: Said }[];
  readonly isComplete: boolean;
  readonly safeLimitMinor: number;
  readonly currency: string;
  readonly safeLimitReason: Said;
}

/** The credit limit: current and recommended, which constraint binds, exposure and utilisation. */
export function LimitCard({ customerId }: { customerId: string }) {
  const t = useT();
  const money = useMoney();
  const locale = useLocale();
  const limits = useApi<{ customers: readonly LimitView[] }>('/api/v1/credit/limits');
  if (limits.state === 'loading') return <Loading />;
  if (limits.state === 'error') return null; // no credit module on this server: the section stays out
  const v = limits.data.customers.find((c) => c.customerId === customerId);
  if (!v) return null;
  const r = v.recommendation;
  const amount = (minor: number | null) => (minor === null ? '—' : money(minor, r.currency));
  const facts: [string, string][] = [
    [t('credit.currentLimit'), v.current ? amount(v.current.limitMinor) : t('credit.noLimit')],
    [
      t('credit.approved'),
      v.current ? `${formatDate(v.current.effectiveFrom, locale)} · ${v.current.approvedBy}` : '—',
    ],
    [t('credit.recommended'), amount(r.recommendedMinor)],
    [t('credit.binding'), t(`credit.binding.${r.binding}` as MessageKey)],
    [t('credit.need'), amount(r.needMinor)],
    [t('credit.capacity'), amount(r.capacityMinor)],
    [t('credit.insurerCap'), amount(r.insurerCapMinor)],
    [t('credit.exposure'), money(v.exposure.totalMinor, v.exposure.currency)],
    [t('credit.utilisation'), v.utilisation === null ? '—' : formatShare(v.utilisation)],
  ];
  return (
    <Card title={t('credit.limitTitle')}>
      <dl className="facts" data-testid="credit-limit">
        {facts.map(([k, val]) => (
          <div key={k}>
            <dt>{k}</dt>
            <dd>{val}</dd>
          </div>
        ))}
      </dl>
      <ul>
        {r.reasons.map((x) => (
          <li key={x.code}>{x.message ?? x.code}</li>
        ))}
      </ul>
    </Card>
  );
}

/** The onboarding checklist: each item's status in words, and the safe limit. */
export function OnboardingCard({ customerId }: { customerId: string }) {
  const t = useT();
  const money = useMoney();
  const o = useApi<Onboarding>(`/api/v1/credit/customers/${encodeURIComponent(customerId)}/onboarding`);
  if (o.state === 'loading') return <Loading />;
  if (o.state === 'error') return null;
  const d = o.data;
  return (
    <Card title={t('credit.onboardingTitle')}>
      <p data-testid="onboarding-status">
        {d.isComplete ? t('credit.onboardingComplete') : t('credit.onboardingIncomplete')} ·{' '}
        {t('credit.safeLimit', { amount: money(d.safeLimitMinor, d.currency) })}
      </p>
      <ul className="checklist">
        {d.lines.map((l) => (
          <li key={l.item}>
            <strong>{t(`credit.status.${l.status}` as MessageKey)}</strong> {l.reason.message ?? l.reason.code}
          </li>
        ))}
      </ul>
    </Card>
  );
}
