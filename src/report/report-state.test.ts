import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { BREAKDOWNS, formatReportState, parseReportState, reportParams, type ReportViewState } from './report-state';

describe('report state in the address', () => {
  it('reads filters, breakdown and bucket', () => {
    expect(parseReportState('activities=em_1%2Csms_2&branch=split_1%2Fa&from=2026-03-02+09%3A00&to=2026-03-03+00%3A00&breakdown=domain&bucket=day')).toEqual({
      filters: { activities: ['em_1', 'sms_2'], branch: 'split_1/a', from: '2026-03-02 09:00', to: '2026-03-03 00:00' },
      breakdown: 'domain',
      bucket: 'day',
    });
  });

  it('leaves out what does not read: the default view', () => {
    expect(parseReportState('branch=nosubset&from=yesterday&breakdown=everything&bucket=week&activities=')).toEqual({ filters: {}, breakdown: 'activity' });
    expect(formatReportState({ filters: {}, breakdown: 'activity' })).toBe('');
  });

  it('asks the engine for the breakdown by email domain only while it is shown', () => {
    expect(reportParams(parseReportState('breakdown=domain&bucket=day'))).toEqual({ filters: {}, bucket: 'day' });
    expect(reportParams(parseReportState(''))).toEqual({ filters: {}, omitDomain: true });
    expect(reportParams(parseReportState('breakdown=link'))).toEqual({ filters: {}, omitDomain: true });
  });

  it('round-trips any state', () => {
    const id = fc.stringMatching(/^[a-z_][a-z0-9_-]{0,8}$/);
    const time = fc.date({ min: new Date('2020-01-01'), max: new Date('2030-01-01'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 16).replace('T', ' '));
    const state = fc.record({
      filters: fc.record(
        { activities: fc.array(id, { minLength: 1, maxLength: 3 }), branch: fc.tuple(id, id).map(([s, b]) => `${s}/${b}`), from: time, to: time },
        { requiredKeys: [] },
      ),
      breakdown: fc.constantFrom(...BREAKDOWNS.map((b) => b.id)),
      bucket: fc.constantFrom('hour' as const, 'day' as const),
    });
    fc.assert(
      fc.property(state, (s: ReportViewState) => {
        expect(parseReportState(formatReportState(s))).toEqual(s);
      }),
    );
  });
});
