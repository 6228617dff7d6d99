import { describe, expect, test } from 'vitest';
import { deliveryMetrics, metricDef, metricValue, metricsOf } from '../metrics';

describe('delivery metrics', () => {
  const figures = { sent: 200, delivered: 190, failed: 10, bounced: 8, opened: 50, clicked: 10, unsubscribed: 2, complained: 0 };
  test('each rate is its numerator over its denominator', () => {
    expect(metricValue(metricDef('delivery-rate')!, figures)).toBe(0.95);
    expect(metricValue(metricDef('open-rate')!, figures)).toBe(50 / 190);
    expect(metricValue(metricDef('click-rate')!, figures)).toBe(10 / 190);
    expect(metricValue(metricDef('click-to-open-rate')!, figures)).toBe(0.2);
    expect(metricValue(metricDef('bounce-rate')!, figures)).toBe(0.04);
    expect(metricValue(metricDef('complaint-rate')!, figures)).toBe(0);
  });
  test('a rate of nothing, or of a figure the channel does not have, is not given', () => {
    expect(metricValue(metricDef('open-rate')!, { ...figures, delivered: 0 })).toBeUndefined();
    expect(metricsOf(figures).map((m) => m.metric.name)).not.toContain('opt-out-rate');
  });
  test('names are unique and every figure named is one the simulator writes', () => {
    const written = new Set(['sent', 'delivered', 'failed', 'retrying', 'bounced', 'opened', 'clicked', 'unsubscribed', 'complained', 'opted-out', 'extracted']);
    expect(new Set(deliveryMetrics.map((m) => m.name)).size).toBe(deliveryMetrics.length);
    for (const m of deliveryMetrics) {
      expect(written.has(m.numerator)).toBe(true);
      expect(written.has(m.denominator)).toBe(true);
    }
  });
});
