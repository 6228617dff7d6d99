/**
 * The report reads every label, definition and rate through the metric registry
 * (src/domain/metrics.ts); this module is the one place it does, so the screen never defines a
 * metric itself.
 */
import { deliveryMetrics } from '../domain/metrics';
import type { MetricCounts } from '../domain/report';

export interface MetricInfo {
  id: string;
  label: string;
  definition: string;
}

// PROVISIONAL: replaced by the registry's count metrics when it lands.
const COUNTS: Record<string, MetricInfo> = Object.fromEntries(
  (
    [
      ['targeted', 'Targeted', 'records that reached a channel activity'],
      ['excluded', 'Excluded', 'targeted records not sent'],
      ['sent', 'Sent', 'messages with a first attempt'],
      ['retries', 'Retries', 'further attempts'],
      ['delivered', 'Delivered', 'delivered messages'],
      ['hard-bounces', 'Hard bounces', 'hard bounces'],
      ['soft-bounces', 'Soft bounces', 'soft bounces'],
      ['errors', 'Errors', 'errors'],
      ['opens', 'Opens', 'opens'],
      ['unique-opens', 'Unique opens', 'unique openers'],
      ['clicks', 'Clicks', 'clicks'],
      ['unique-clicks', 'Unique clicks', 'unique clickers'],
      ['unsubscribes', 'Unsubscribes', 'unsubscribes'],
      ['complaints', 'Complaints', 'complaints'],
      ['opt-outs', 'Opt-outs', 'opt-outs'],
      ['extracted', 'Extracted', 'direct mail extracted'],
      ['conversions', 'Conversions', 'conversions'],
    ] as const
  ).map(([id, label, definition]) => [id, { id, label, definition }]),
);

const NEW_IDS: Record<string, string> = { bounced: 'hard-bounces', opened: 'unique-opens', clicked: 'unique-clicks', unsubscribed: 'unsubscribes', complained: 'complaints', 'opted-out': 'opt-outs' };
const RATES: Record<string, MetricInfo & { numerator: string; denominator: string }> = Object.fromEntries(
  deliveryMetrics.map((m) => [m.name, { id: m.name, label: m.label, definition: m.definition, numerator: NEW_IDS[m.numerator] ?? m.numerator, denominator: NEW_IDS[m.denominator] ?? m.denominator }]),
);

/** Count metric ids in the registry's order. */
export const countMetricIds: readonly string[] = Object.keys(COUNTS);
/** Rate metric ids in the registry's order. */
export const rateMetricIds: readonly string[] = Object.keys(RATES);

/** A metric (count or rate) by id; an unknown id reads as itself, so nothing is hidden. */
export function metricInfo(id: string): MetricInfo {
  return COUNTS[id] ?? RATES[id] ?? { id, label: id, definition: '' };
}

/** A rate over counts: null when a count is missing or the denominator is 0 (shown "—"). */
export function rateOf(id: string, counts: MetricCounts): number | null {
  const rate = RATES[id];
  if (!rate) return null;
  const top = counts[rate.numerator];
  const bottom = counts[rate.denominator];
  if (top === undefined || bottom === undefined || bottom === 0) return null;
  return top / bottom;
}

/** Whether a rate applies to counts (both its counts are there). */
export function rateApplies(id: string, counts: MetricCounts): boolean {
  const rate = RATES[id];
  return rate !== undefined && counts[rate.numerator] !== undefined && counts[rate.denominator] !== undefined;
}
