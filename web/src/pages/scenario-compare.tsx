import { SCENARIOS } from '../api-types.js';
import { Card, ErrorBox, Loading } from '../components/states.js';
import { useT } from '../i18n/index.js';
import { useGet } from '../query.js';
import { useUrlState, useUrlUpdate } from '../url-state.js';
import { useMoney } from '../use-money.js';

/**
 * Saved what-if scenarios side by side with optimistic, base and pessimistic (ADR 0025): the user
 * ticks saved scenarios (kept in the URL as ?compare=…), and sees each one's closing cash per
 * period, minimum cash and first breach, with its assumptions in words.
 */
export function ScenarioCompare(props: { granularity: 'week' | 'month' }) {
  const t = useT();
  const money = useMoney();
  const update = useUrlUpdate();
  const [compareText] = useUrlState('compare', '');
  const picked = compareText.split(',').filter((x) => x.length > 0);
  const saved = useGet('/api/v1/scenarios');
  const forecast = useGet('/api/v1/reports/forecast', {
    query: { granularity: props.granularity, compare: picked.join(',') },
    enabled: picked.length > 0,
    keepPrevious: true,
  });
  const items = saved.data?.items ?? [];
  if (saved.isPending) return <Loading />;
  if (saved.isError) return <ErrorBox error={saved.error} onRetry={() => void saved.refetch()} />;
  const toggle = (id: string) => {
    const next = picked.includes(id) ? picked.filter((x) => x !== id) : [...picked, id];
    update({ compare: next.length > 0 ? next.join(',') : null });
  };
  const data = picked.length > 0 ? forecast.data : undefined;
  const title = (name: string) => {
    const builtIn = SCENARIOS.find((s) => s === name);
    return builtIn ? t(`scenario.${builtIn}`) : name;
  };
  const unit = props.granularity === 'week' ? 'forecast.week' : 'scenarios.month';
  return (
    <Card className="wide">
      <h2>{t('scenarios.compareTitle')}</h2>
      {items.length === 0 ? (
        <p className="muted">{t('scenarios.none')}</p>
      ) : (
        <fieldset className="choice" data-testid="scenario-pick">
          <legend>{t('scenarios.pick')}</legend>
          {items.map((s) => (
            <label key={s.id} className={picked.includes(s.id) ? 'on' : ''}>
              <input type="checkbox" checked={picked.includes(s.id)} onChange={() => toggle(s.id)} />
              {s.name}
            </label>
          ))}
        </fieldset>
      )}
      {forecast.isError && picked.length > 0 && <ErrorBox error={forecast.error} />}
      {data && (
        <>
          <div className="table-wrap grid-scroll">
            <table className="grid" data-testid="scenario-compare">
              <thead>
                <tr>
                  <th scope="col" className="sticky" />
                  <th scope="col" className="num">
                    {t('scenarios.minCash')}
                  </th>
                  <th scope="col">{t('scenarios.firstBreach')}</th>
                  {data.scenarios[0]?.periods.map((p, i) => (
                    <th scope="col" className="num" key={p.startOn}>
                      {t(unit, { n: i + 1 })}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {data.scenarios.map((s) => (
                  <tr key={s.scenario}>
                    <th scope="row" className="sticky">
                      {title(s.scenario)}
                    </th>
                    <td className="num">{money(Math.min(...s.periods.map((p) => p.closingMinor)), data.currency)}</td>
                    <td>{s.firstBreach ? t(unit, { n: s.firstBreach.index + 1 }) : t('scenarios.noBreach')}</td>
                    {s.periods.map((p) => (
                      <td className={`num ${p.isBelowBuffer ? 'tone-bad' : ''}`} key={p.startOn}>
                        {money(p.closingMinor, data.currency)}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {data.saved.map((s) => (
            <div key={s.id} data-testid="scenario-assumptions">
              <h3>{s.name}</h3>
              <ul>
                {s.assumptions.map((a) => (
                  <li key={a}>{a}</li>
                ))}
              </ul>
            </div>
          ))}
        </>
      )}
    </Card>
  );
}
