/**
 * The report reads every label, definition and rate through the metric registry
 * (src/domain/metrics.ts); this module is the one place it does, so the screen never defines a
 * metric itself.
 */
import { countMetrics, metricById, rateMetric, rateMetrics, rateValue } from '../domain/metrics';
import type { MetricCounts } from '../domain/report';

export interface MetricInfo {
  id: string;
  label: string;
  definition: string;
}

/** Count metric ids in the registry's order. */
export const countMetricIds: readonly string[] = countMetrics.map((m) => m.id);
/** Rate metric ids in the registry's order. */
export const rateMetricIds: readonly string[] = rateMetrics.map((m) => m.id);

/** A metric (count or rate) by id; an unknown id reads as itself, so nothing is hidden. */
export function metricInfo(id: string): MetricInfo {
  const m = metricById(id);
  return m ? { id: m.id, label: m.label, definition: m.definition } : { id, label: id, definition: '' };
}

/** A rate over counts: null when a count is missing or the denominator is 0 (shown "—"). */
export function rateOf(id: string, counts: MetricCounts): number | null {
  const metric = rateMetric(id);
  return metric ? rateValue(metric, counts) : null;
}

/** Whether a rate applies to counts (both its counts are there, whatever their values). */
export function rateApplies(id: string, counts: MetricCounts): boolean {
  const metric = rateMetric(id);
  return metric !== undefined && counts[metric.numerator] !== undefined && counts[metric.denominator] !== undefined;
}
