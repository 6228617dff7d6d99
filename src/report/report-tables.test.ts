import { describe, expect, it } from 'vitest';
import type { ReportResult } from '../domain/report';
import { breakdownTable, formatCell, funnelTable, splitTable, tableCsv, timelineTable, verdict } from './report-tables';

// A hand-written report: an email that delivered 80 of 100 and one with nothing delivered.
const report: ReportResult = {
  simulated: true,
  launch: '2026-03-02 09:00',
  span: { from: '2026-03-02 09:00', to: '2026-03-03 10:00' },
  totals: { targeted: 130, excluded: 10, sent: 120, delivered: 80, 'unique-opens': 20, 'unique-clicks': 5 },
  breakdowns: [
    {
      id: 'activity',
      rows: [
        { key: 'em_1', label: 'Welcome, "new" people', counts: { targeted: 110, excluded: 10, sent: 100, delivered: 80, 'unique-opens': 20, 'unique-clicks': 5 } },
        { key: 'em_2', label: 'Reminder', counts: { targeted: 20, excluded: 0, sent: 20, delivered: 0, 'unique-opens': 0, 'unique-clicks': 0 } },
      ],
    },
    { id: 'link', rows: [{ key: 'https://x.test/a', label: 'https://x.test/a', counts: { clicks: 7, 'unique-clicks': 5 } }] },
  ],
  splits: [
    {
      splitActivityId: 'split_1',
      label: 'Subject test',
      kind: 'ab',
      branches: [
        { key: 'a', label: 'Subject A', counts: {} },
        { key: 'b', label: 'Subject B', counts: {} },
      ],
      comparisons: [
        { metric: 'open-rate', control: 'a', variant: 'b', controlRate: 0.2, variantRate: 0.25, difference: 0.05, low: 0.012, high: 0.088, significant: true },
        { metric: 'click-rate', control: 'a', variant: 'b', controlRate: 0.05, variantRate: 0.045, difference: -0.005, low: -0.02, high: 0.01, significant: false },
      ],
    },
  ],
  timeline: { bucket: 'hour', points: [{ at: '2026-03-02 09:00', counts: { sent: 120, delivered: 80, 'unique-opens': 12, 'unique-clicks': 2 } }] },
  funnels: [{ key: 'em_1', label: 'Welcome, "new" people', counts: { targeted: 110, sent: 100, delivered: 80, 'unique-opens': 20, 'unique-clicks': 5 } }],
};

describe('report tables', () => {
  it('a breakdown shows the metrics its rows have, rates from the registry, no rate over 0 delivered', () => {
    const t = breakdownTable(report, 'activity');
    expect(t.columns.map((c) => c.key)).toEqual(['label', 'targeted', 'excluded', 'sent', 'delivered', 'unique-opens', 'unique-clicks', 'delivery-rate', 'open-rate', 'click-rate']);
    expect(t.rows[0]).toMatchObject({ 'delivery-rate': 0.8, 'open-rate': 0.25, 'click-rate': 0.0625 });
    // 0 delivered: the open rate is not 0 %, it is nothing.
    expect(t.rows[1]!['open-rate']).toBeNull();
    expect(formatCell(t.rows[1]!['open-rate']!, 'rate')).toBe('—');
    expect(breakdownTable(report, 'link').columns.map((c) => c.key)).toEqual(['label', 'clicks', 'unique-clicks']);
    expect(breakdownTable(report, 'domain').rows).toEqual([]);
  });

  it('writes its CSV as shown: whole counts, rates in percent, nothing left empty, fields quoted', () => {
    const csv = tableCsv(breakdownTable(report, 'activity'));
    expect(csv.split('\r\n')).toEqual([
      'Channel activity,Targeted,Excluded,Sent,Delivered,Unique opens,Unique clicks,Delivery rate (%),Open rate (%),Click-through rate (%)',
      '"Welcome, ""new"" people",110,10,100,80,20,5,80.0,25.0,6.3',
      'Reminder,20,0,20,0,0,0,0.0,,',
      '',
    ]);
    expect(formatCell(1234567, 'count')).toBe('1,234,567');
    expect(formatCell(0.0625, 'rate')).toBe('6.3 %');
  });

  it('the A/B table says each difference in words with its interval', () => {
    const t = splitTable(report.splits[0]!);
    expect(t.title).toBe('A/B comparison: Subject test');
    expect(t.rows.map((r) => [r.variant, r.metric, formatCell(r.difference!, 'points'), r.interval, r.verdict])).toEqual([
      ['Subject B vs Subject A', 'Open rate', '+5.0 pts', '+1.2 to +8.8 pts', 'Significantly higher'],
      ['Subject B vs Subject A', 'Click-through rate', '−0.5 pts', '−2.0 to +1.0 pts', 'No significant difference'],
    ]);
    expect(verdict({ difference: -0.03, significant: true })).toBe('Significantly lower');
    expect(verdict({ difference: null, significant: false })).toBe('Not enough data');
    expect(tableCsv(t).split('\r\n')[1]).toBe('Subject B vs Subject A,Open rate,20.0,25.0,5.0,+1.2 to +8.8 pts,Significantly higher');
  });

  it('a quiet day of the time series is 0, not a line drawn across it', () => {
    const days: ReportResult = { ...report, timeline: { bucket: 'day', points: [{ at: '2026-03-02 00:00', counts: { sent: 5, delivered: 4, 'unique-opens': 1, 'unique-clicks': 0 } }, { at: '2026-03-04 00:00', counts: { sent: 0, delivered: 1, 'unique-opens': 2, 'unique-clicks': 1 } }] } };
    expect(timelineTable(days).rows).toEqual([
      { at: 'Mon 2 Mar 2026', sent: 5, delivered: 4, 'unique-opens': 1, 'unique-clicks': 0 },
      { at: 'Tue 3 Mar 2026', sent: 0, delivered: 0, 'unique-opens': 0, 'unique-clicks': 0 },
      { at: 'Wed 4 Mar 2026', sent: 0, delivered: 1, 'unique-opens': 2, 'unique-clicks': 1 },
    ]);
  });

  it('time series and funnels', () => {
    expect(timelineTable(report).rows).toEqual([{ at: 'Mon 2 Mar 2026 09:00', sent: 120, delivered: 80, 'unique-opens': 12, 'unique-clicks': 2 }]);
    expect(funnelTable(report).columns.map((c) => c.key)).toEqual(['label', 'targeted', 'sent', 'delivered', 'unique-opens', 'unique-clicks']);
  });
});
