import { describe, expect, test } from 'vitest';
import { countMetrics, metricById, metrics, rateMetric, rateMetrics, rateValue, ratesOf } from '../metrics';

describe('metric registry', () => {
  const counts = { sent: 200, delivered: 190, bounces: 8, 'unique-opens': 50, 'unique-clicks': 10, unsubscribes: 2, complaints: 0, targeted: 250, excluded: 50 };
  test('each rate is its numerator over its denominator', () => {
    expect(rateValue(rateMetric('delivery-rate')!, counts)).toBe(0.95);
    expect(rateValue(rateMetric('open-rate')!, counts)).toBe(50 / 190);
    expect(rateValue(rateMetric('click-rate')!, counts)).toBe(10 / 190);
    expect(rateValue(rateMetric('click-to-open-rate')!, counts)).toBe(0.2);
    expect(rateValue(rateMetric('bounce-rate')!, counts)).toBe(0.04);
    expect(rateValue(rateMetric('complaint-rate')!, counts)).toBe(0);
    expect(rateValue(rateMetric('exclusion-rate')!, counts)).toBe(0.2);
  });
  test('a rate of nothing, or of a count the channel does not have, is null, never NaN or infinity', () => {
    expect(rateValue(rateMetric('open-rate')!, { ...counts, delivered: 0 })).toBeNull();
    expect(rateValue(rateMetric('click-to-open-rate')!, { 'unique-clicks': 0, 'unique-opens': 0 })).toBeNull();
    expect(ratesOf(counts).map((m) => m.metric.id)).not.toContain('opt-out-rate');
  });
  test('ids are unique and every rate reads count metrics of the registry', () => {
    expect(new Set(metrics.map((m) => m.id)).size).toBe(metrics.length);
    const countIds = new Set(countMetrics.map((m) => m.id));
    for (const m of rateMetrics) {
      expect(countIds.has(m.numerator), m.id).toBe(true);
      expect(countIds.has(m.denominator), m.id).toBe(true);
    }
    for (const id of ['targeted', 'excluded', 'sent', 'retries', 'delivered', 'hard-bounces', 'soft-bounces', 'errors', 'opens', 'unique-opens', 'clicks', 'unique-clicks', 'unsubscribes', 'complaints', 'opt-outs', 'extracted', 'conversions'])
      expect(metricById(id)?.kind, id).toBe('count');
    for (const id of ['delivery-rate', 'bounce-rate', 'open-rate', 'click-rate', 'click-to-open-rate', 'unsubscribe-rate', 'complaint-rate', 'opt-out-rate', 'exclusion-rate', 'conversion-rate'])
      expect(metricById(id)?.kind, id).toBe('rate');
  });
});
