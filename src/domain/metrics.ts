/**
 * The metric registry: every delivery number Campaign Canvas shows has one definition, here, and
 * docs/metrics.md lists them (a test keeps the two in step). A count metric is a formula over the
 * simulation's event tables, as data: the engine turns it into SQL in one place
 * (src/engine/report/metric-sql.ts) for the channel figures, the report and the command line. A
 * rate is one count metric over another; its value over nothing is null ("—"), never NaN.
 */

/** Columns of the feedback table a count formula may test (docs/simulation.md#events). */
export type FeedbackColumn = 'status' | 'failure_type' | 'failure_reason' | 'sent_at';
/** Columns of the tracking table a count formula may test. */
export type TrackingColumn = 'event' | 'url';

/**
 * A test on one column: the values it may hold (`null` standing for NULL), or whether it is set.
 * The tests of a formula's `where` all hold (AND).
 */
export type ColumnTest = readonly (string | null)[] | 'present' | 'absent';

export type CountFormula =
  | {
      table: 'feedback';
      /** `count`: feedback rows (one per message); `sum-retries`: the attempts after the first. */
      aggregate: 'count' | 'sum-retries';
      where: Partial<Record<FeedbackColumn, ColumnTest>>;
      /** When the metric's event happens (the first of these columns that is set): for time filters and the timeline. */
      time: readonly ('sent_at' | 'status_at')[];
    }
  | {
      table: 'tracking';
      /** `count`: tracking rows (every open, every click); `distinct-messages`: messages with one at least. */
      aggregate: 'count' | 'distinct-messages';
      where: Partial<Record<TrackingColumn, ColumnTest>>;
      time: readonly 'at'[];
    };

interface MetricBase {
  /** Stable id, used by the report, its address, the CSV and the command line. */
  id: string;
  label: string;
  /** The definition in words, as docs/metrics.md writes it. */
  definition: string;
}

export interface CountMetric extends MetricBase {
  kind: 'count';
  formula: CountFormula;
  /** Channels it applies to (others have no such number, not 0); absent: every channel. */
  channels?: readonly Channel[];
}

export type Channel = 'email' | 'sms' | 'push' | 'direct-mail';
const messaging: readonly Channel[] = ['email', 'sms', 'push'];

export interface RateMetric extends MetricBase {
  kind: 'rate';
  /** Count metric ids. */
  numerator: string;
  denominator: string;
}

export type Metric = CountMetric | RateMetric;

const excludedStatuses = ['exclude', 'denylist', 'duplicate'] as const;
const feedback = (aggregate: 'count' | 'sum-retries', where: Partial<Record<FeedbackColumn, ColumnTest>>, time: readonly ('sent_at' | 'status_at')[] = ['status_at']): CountFormula => ({
  table: 'feedback',
  aggregate,
  where,
  time,
});
const tracking = (aggregate: 'count' | 'distinct-messages', event: readonly string[]): CountFormula => ({ table: 'tracking', aggregate, where: { event }, time: ['at'] });

export const countMetrics: readonly CountMetric[] = [
  { kind: 'count', id: 'targeted', label: 'Targeted', definition: 'messages the channel activity prepared, one per targeted record (or linked record), excluded ones included', formula: feedback('count', {}, ['sent_at', 'status_at']) },
  { kind: 'count', id: 'excluded', label: 'Excluded', definition: 'targeted messages not sent, for an eligibility reason (no address, no consent, denylist, capping…)', formula: feedback('count', { status: excludedStatuses }) },
  { kind: 'count', id: 'sent', label: 'Sent', definition: 'messages with a first attempt; retries are not counted', formula: feedback('count', { sent_at: 'present' }, ['sent_at']) },
  { kind: 'count', id: 'retries', label: 'Retries', definition: 'attempts after the first, over all messages', formula: feedback('sum-retries', {}), channels: messaging },
  { kind: 'count', id: 'delivered', label: 'Delivered', definition: 'messages accepted by the recipient’s provider, after retries if any', formula: feedback('count', { status: ['delivered'] }), channels: messaging },
  { kind: 'count', id: 'bounces', label: 'Bounces', definition: 'hard and soft bounces', formula: feedback('count', { status: ['bounce'], failure_type: ['hard', 'soft'] }), channels: messaging },
  { kind: 'count', id: 'hard-bounces', label: 'Hard bounces', definition: 'messages that failed permanently (invalid recipient, recipient refused)', formula: feedback('count', { status: ['bounce'], failure_type: ['hard'] }), channels: messaging },
  { kind: 'count', id: 'soft-bounces', label: 'Soft bounces', definition: 'messages that failed temporarily and were still failing after the last retry', formula: feedback('count', { status: ['bounce'], failure_type: ['soft'] }), channels: messaging },
  { kind: 'count', id: 'errors', label: 'Errors', definition: 'messages that failed without a bounce: a provider error, or a failure a retry cannot fix (message too large)', formula: feedback('count', { status: ['bounce', 'error'], failure_type: ['ignored', null] }), channels: messaging },
  { kind: 'count', id: 'opens', label: 'Opens', definition: 'every open recorded, a message opened twice counting twice', formula: tracking('count', ['open']), channels: ['email', 'push'] },
  { kind: 'count', id: 'unique-opens', label: 'Unique opens', definition: 'messages opened at least once; a click counts as an open', formula: tracking('distinct-messages', ['open', 'click']), channels: messaging },
  { kind: 'count', id: 'clicks', label: 'Clicks', definition: 'every click on a tracked link', formula: tracking('count', ['click']), channels: messaging },
  { kind: 'count', id: 'unique-clicks', label: 'Unique clicks', definition: 'messages with at least one click', formula: tracking('distinct-messages', ['click']), channels: messaging },
  { kind: 'count', id: 'unsubscribes', label: 'Unsubscribes', definition: 'messages whose recipient unsubscribed', formula: tracking('distinct-messages', ['unsubscribe']), channels: ['email'] },
  { kind: 'count', id: 'complaints', label: 'Complaints', definition: 'messages reported as spam', formula: tracking('distinct-messages', ['complaint']), channels: ['email'] },
  { kind: 'count', id: 'opt-outs', label: 'Opt-outs', definition: 'SMS answered STOP', formula: tracking('distinct-messages', ['opt-out']), channels: ['sms'] },
  { kind: 'count', id: 'extracted', label: 'Extracted', definition: 'direct-mail messages written to the mailing file', formula: feedback('count', { status: ['sent'] }), channels: ['direct-mail'] },
  { kind: 'count', id: 'conversions', label: 'Conversions', definition: 'messages whose recipient converted within the attribution window', formula: tracking('distinct-messages', ['conversion']), channels: messaging },
];

const rate = (id: string, label: string, numerator: string, denominator: string, definition: string): RateMetric => ({ kind: 'rate', id, label, numerator, denominator, definition });

export const rateMetrics: readonly RateMetric[] = [
  rate('delivery-rate', 'Delivery rate', 'delivered', 'sent', 'delivered / sent'),
  rate('bounce-rate', 'Bounce rate', 'bounces', 'sent', 'hard and soft bounces / sent'),
  rate('open-rate', 'Open rate', 'unique-opens', 'delivered', 'unique opens / delivered (a click counts as an open)'),
  rate('click-rate', 'Click-through rate', 'unique-clicks', 'delivered', 'unique clicks / delivered'),
  rate('click-to-open-rate', 'Click-to-open rate', 'unique-clicks', 'unique-opens', 'unique clicks / unique opens'),
  rate('unsubscribe-rate', 'Unsubscribe rate', 'unsubscribes', 'delivered', 'unsubscribes / delivered'),
  rate('complaint-rate', 'Complaint rate', 'complaints', 'delivered', 'spam complaints / delivered'),
  rate('opt-out-rate', 'Opt-out rate', 'opt-outs', 'delivered', 'STOP opt-outs / delivered (SMS)'),
  rate('exclusion-rate', 'Exclusion rate', 'excluded', 'targeted', 'excluded / targeted'),
  rate('conversion-rate', 'Conversion rate', 'conversions', 'targeted', 'conversions / targeted'),
];

export const metrics: readonly Metric[] = [...countMetrics, ...rateMetrics];

/** A metric by id. */
export function metricById(id: string): Metric | undefined {
  return metrics.find((m) => m.id === id);
}

/** Whether a count metric applies to a channel (a direct mail has no opens: no number, not 0). */
export function appliesTo(metric: CountMetric, channel: string): boolean {
  return metric.channels === undefined || (metric.channels as readonly string[]).includes(channel);
}

export function countMetric(id: string): CountMetric | undefined {
  return countMetrics.find((m) => m.id === id);
}

export function rateMetric(id: string): RateMetric | undefined {
  return rateMetrics.find((m) => m.id === id);
}

/**
 * The value of a rate (0–1) over counts by metric id: null when a count is missing or the
 * denominator is 0 (a rate of nothing is not 0 %).
 */
export function rateValue(metric: RateMetric, counts: Readonly<Record<string, number>>): number | null {
  const top = counts[metric.numerator];
  const bottom = counts[metric.denominator];
  if (top === undefined || bottom === undefined || bottom === 0 || !Number.isFinite(top) || !Number.isFinite(bottom)) return null;
  return top / bottom;
}

/** The rates an activity's figures can give, with their values (rates over nothing left out). */
export function ratesOf(counts: Readonly<Record<string, number>>): { metric: RateMetric; value: number }[] {
  return rateMetrics.flatMap((metric) => {
    const value = rateValue(metric, counts);
    return value === null ? [] : [{ metric, value }];
  });
}
