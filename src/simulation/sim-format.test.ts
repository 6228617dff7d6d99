import { describe, expect, it } from 'vitest';
import { channelFunnel, formatRate, formatSimTime, simulatedLabel } from './sim-format';

describe('simulation state line', () => {
  it('names the launch as a weekday, day, month, year and time, with the seed', () => {
    expect(formatSimTime('2025-06-30 09:00:00')).toBe('Mon 30 Jun 2025 09:00');
    expect(simulatedLabel('2025-06-30 09:00:00', 42)).toBe('Simulated from Mon 30 Jun 2025 09:00 · seed 42');
    expect(formatSimTime('2024-02-29 23:05:00')).toBe('Thu 29 Feb 2024 23:05');
  });
  it('keeps a stamp it cannot read as it is', () => {
    expect(formatSimTime('soon')).toBe('soon');
  });
});

describe('channel funnel', () => {
  it('computes delivery, open and click rates from the metric definitions', () => {
    const steps = channelFunnel({ targeted: 120, 'to-send': 100, sent: 100, delivered: 80, 'unique-opens': 20, 'unique-clicks': 4, excluded: 20 });
    expect(steps.map((s) => [s.label, s.count])).toEqual([
      ['Targeted', 120],
      ['To send', 100],
      ['Sent', 100],
      ['Delivered', 80],
      ['Opened', 20],
      ['Clicked', 4],
    ]);
    expect(steps.find((s) => s.key === 'delivered')!.rate!.value).toBe(0.8);
    expect(steps.find((s) => s.key === 'unique-opens')!.rate!.value).toBe(0.25);
    expect(steps.find((s) => s.key === 'unique-clicks')!.rate!.value).toBe(0.05);
  });
  it('leaves out steps without a figure and gives no rate over nothing', () => {
    const steps = channelFunnel({ targeted: 5, 'to-send': 0, sent: 0, delivered: 0 });
    expect(steps.map((s) => s.key)).toEqual(['targeted', 'to-send', 'sent', 'delivered']);
    expect(steps[3]!.rate!.value).toBeNull();
    expect(formatRate(null)).toBe('–');
    expect(formatRate(0.2271)).toBe('22.7%');
  });
});
