import type { MetricCounts } from '../domain/report';
import { formatCount } from '../canvas/counts/format-count';
import { MetricTerm } from './MetricTerm';
import { metricInfo, rateApplies, rateOf } from './report-metrics';
import { formatRate } from './report-tables';

/**
 * The key figures: each count beside the rates it gives. Grouped as a marketer reads a send: who
 * was targeted, what went out, what came back. A metric the campaign has no value for (no SMS: no
 * opt-outs) is left out.
 */
const GROUPS: { title: string; cards: { counts: string[]; rates: string[] }[] }[] = [
  {
    title: 'Audience',
    cards: [
      { counts: ['targeted'], rates: [] },
      { counts: ['excluded'], rates: ['exclusion-rate'] },
      { counts: ['extracted'], rates: [] },
    ],
  },
  {
    title: 'Sending',
    cards: [
      { counts: ['sent', 'retries'], rates: [] },
      { counts: ['delivered'], rates: ['delivery-rate'] },
      { counts: ['bounces', 'hard-bounces', 'soft-bounces'], rates: ['bounce-rate'] },
      { counts: ['errors'], rates: [] },
    ],
  },
  {
    title: 'Engagement',
    cards: [
      { counts: ['unique-opens', 'opens'], rates: ['open-rate'] },
      { counts: ['unique-clicks', 'clicks'], rates: ['click-rate', 'click-to-open-rate'] },
      { counts: ['unsubscribes'], rates: ['unsubscribe-rate'] },
      { counts: ['complaints'], rates: ['complaint-rate'] },
      { counts: ['opt-outs'], rates: ['opt-out-rate'] },
      { counts: ['conversions'], rates: ['conversion-rate'] },
    ],
  },
];

export function KpiGrid({ totals }: { totals: MetricCounts }) {
  return (
    <section className="report-kpis" aria-labelledby="report-kpis-title">
      <h2 id="report-kpis-title" className="report-section-title">
        Key figures
      </h2>
      {GROUPS.map((group) => {
        const cards = group.cards
          .map((c) => ({ counts: c.counts.filter((id) => totals[id] !== undefined), rates: c.rates.filter((id) => rateApplies(id, totals)) }))
          .filter((c) => c.counts.length > 0);
        if (cards.length === 0) return null;
        return (
          <div key={group.title} className="report-kpis__group">
            <h3 className="report-kpis__group-title">{group.title}</h3>
            <ul className="report-kpis__cards">
              {cards.map((card) => (
                <li key={card.counts[0]} className="report-kpi">
                  {card.counts.map((id, i) => (
                    <Figure key={id} metric={id} value={formatCount(totals[id]!)} main={i === 0} />
                  ))}
                  {card.rates.map((id) => (
                    <Figure key={id} metric={id} value={formatRate(rateOf(id, totals))} />
                  ))}
                </li>
              ))}
            </ul>
          </div>
        );
      })}
    </section>
  );
}

/** One figure: its name (with its definition) and its value, named for assistive technology. */
function Figure({ metric, value, main = false }: { metric: string; value: string; main?: boolean }) {
  return (
    <div role="group" aria-label={`${metricInfo(metric).label}: ${value}`} className={main ? 'report-kpi__figure report-kpi__figure--main' : 'report-kpi__figure'}>
      <MetricTerm metric={metric} />
      <span className="report-kpi__value">{value}</span>
    </div>
  );
}
