/**
 * The delivery metrics, one definition each (docs/metrics.md): a rate is a numerator figure over a
 * denominator figure of the same channel activity (`CountsResult.figures`, written by the
 * simulator). Views compute and label rates only through this registry.
 */
export interface MetricDef {
  /** Stable name, e.g. `open-rate`. */
  name: string;
  label: string;
  /** Figure counted on top (a name in the activity's figures). */
  numerator: string;
  /** Figure it is a share of. */
  denominator: string;
  /** The definition in words, as docs/metrics.md writes it. */
  definition: string;
}

export const deliveryMetrics: readonly MetricDef[] = [
  { name: 'delivery-rate', label: 'Delivery rate', numerator: 'delivered', denominator: 'sent', definition: 'delivered messages / sent messages' },
  { name: 'bounce-rate', label: 'Bounce rate', numerator: 'bounced', denominator: 'sent', definition: 'hard and soft bounces / sent messages' },
  { name: 'open-rate', label: 'Open rate', numerator: 'opened', denominator: 'delivered', definition: 'unique openers (a click counts as an open) / delivered messages' },
  { name: 'click-rate', label: 'Click-through rate', numerator: 'clicked', denominator: 'delivered', definition: 'unique clickers / delivered messages' },
  { name: 'click-to-open-rate', label: 'Click-to-open rate', numerator: 'clicked', denominator: 'opened', definition: 'unique clickers / unique openers' },
  { name: 'unsubscribe-rate', label: 'Unsubscribe rate', numerator: 'unsubscribed', denominator: 'delivered', definition: 'unsubscribes / delivered messages' },
  { name: 'complaint-rate', label: 'Complaint rate', numerator: 'complained', denominator: 'delivered', definition: 'spam complaints / delivered messages' },
  { name: 'opt-out-rate', label: 'Opt-out rate', numerator: 'opted-out', denominator: 'delivered', definition: 'STOP opt-outs / delivered SMS' },
];

/** A metric by name. */
export function metricDef(name: string): MetricDef | undefined {
  return deliveryMetrics.find((m) => m.name === name);
}

/**
 * The value of a metric (0–1) over an activity's figures; undefined when a figure is missing or
 * the denominator is 0 (a rate of nothing is not 0 %).
 */
export function metricValue(metric: MetricDef, figures: Readonly<Record<string, number>>): number | undefined {
  const top = figures[metric.numerator];
  const bottom = figures[metric.denominator];
  if (top === undefined || bottom === undefined || bottom === 0) return undefined;
  return top / bottom;
}

/** The metrics an activity's figures can give, with their values. */
export function metricsOf(figures: Readonly<Record<string, number>>): { metric: MetricDef; value: number }[] {
  return deliveryMetrics.flatMap((metric) => {
    const value = metricValue(metric, figures);
    return value === undefined ? [] : [{ metric, value }];
  });
}
