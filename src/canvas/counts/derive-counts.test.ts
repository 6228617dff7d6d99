import { describe, expect, test } from 'vitest';
import type { CampaignDoc } from '../../domain/campaign';
import { deriveCounts, type CountsSnapshot } from './derive-counts';
import { notEmittedText } from './count-types';
import { fittedCount, formatCompactCount, formatCount } from './format-count';

const doc = {
  id: 'c',
  name: 'c',
  description: '',
  schemaVersion: 1,
  settings: { orientation: 'horizontal', defaultTargetDimension: 'profiles', seed: 42 },
  activities: [
    { id: 'a', type: 'build-audience', label: 'A', position: { x: 0, y: 0 }, config: {}, configVersion: 1 },
    { id: 'b', type: 'end', label: 'B', position: { x: 0, y: 0 }, config: {}, configVersion: 1 },
    { id: 'c', type: 'end', label: 'C', position: { x: 0, y: 0 }, config: {}, configVersion: 1 },
  ],
  transitions: [
    { id: 't1', source: { activityId: 'a', port: 'out' }, target: { activityId: 'b', port: 'in' } },
    { id: 't2', source: { activityId: 'b', port: 'out' }, target: { activityId: 'c', port: 'in' } },
  ],
} as unknown as CampaignDoc;

const snapshot = (over: Partial<CountsSnapshot> = {}): CountsSnapshot => ({
  counts: { t1: 1200 },
  errors: {},
  skipped: {},
  outputs: { a: { out: 1200 } },
  stale: false,
  ...over,
});

describe('counts on the canvas', () => {
  test('everything is loading before the first counts', () => {
    const d = deriveCounts(doc, undefined);
    expect(d.transitions.t1).toEqual({ loading: true });
    expect(d.activities.a).toEqual({ loading: true });
  });

  test('transitions carry their count; unchanged entries keep their identity', () => {
    const first = deriveCounts(doc, snapshot());
    expect(first.transitions.t1).toEqual({ loading: false, count: 1200 });
    const again = deriveCounts(doc, snapshot(), first);
    expect(again.transitions.t1).toBe(first.transitions.t1);
    expect(again.activities.a).toBe(first.activities.a);
    const changed = deriveCounts(doc, snapshot({ counts: { t1: 7 } }), first);
    expect(changed.transitions.t1).not.toBe(first.transitions.t1);
    expect(changed.activities.a).toBe(first.activities.a);
  });

  test('stale counts are marked; a new transition waits for the next answer', () => {
    const d = deriveCounts(doc, snapshot({ stale: true }));
    expect(d.transitions.t1).toEqual({ loading: false, count: 1200, stale: true });
    expect(d.transitions.t2).toEqual({ loading: true });
  });

  test('errors and skipped activities have no count, with the reason', () => {
    const d = deriveCounts(doc, snapshot({ errors: { a: 'Binder Error' }, skipped: { b: 'upstream' } }));
    expect(d.transitions.t1).toEqual({ loading: false, error: 'Binder Error' });
    expect(d.activities.a).toEqual({ loading: false, error: 'Binder Error' });
    expect(d.transitions.t2?.count).toBeUndefined();
    expect(d.transitions.t2?.reason).toMatch(/before this one/);
    const disabled = deriveCounts(doc, snapshot({ skipped: { a: 'disabled' } }));
    expect(disabled.activities.a?.reason).toMatch(/disabled/);
  });

  test('an empty output that is not emitted says so; the activity shows its 0 records', () => {
    const d = deriveCounts(doc, snapshot({ counts: {}, outputs: { a: { out: 0 } }, skipped: { b: 'upstream' } }));
    expect(d.transitions.t1).toEqual({ loading: false, reason: notEmittedText });
    expect(d.activities.a).toEqual({ loading: false, count: 0 });
    const emitted = deriveCounts(doc, snapshot({ counts: { t1: 0 }, outputs: { a: { out: 0 } } }));
    expect(emitted.transitions.t1).toEqual({ loading: false, count: 0 });
  });
});

describe('count formats', () => {
  test('thousands separators; compact only when too long', () => {
    expect(formatCount(1234567)).toBe('1,234,567');
    expect(fittedCount(1234567)).toBe('1,234,567');
    expect(fittedCount(12_345_678)).toBe('12.3M');
    expect(formatCompactCount(9999)).toBe('9,999');
    expect(formatCompactCount(123_456)).toBe('123.5K');
  });
});
