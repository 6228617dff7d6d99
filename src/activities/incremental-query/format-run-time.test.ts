import { describe, expect, test } from 'vitest';
import { formatMark, formatRunTime } from './format-run-time';

describe('run history formats', () => {
  test('a mark is the data’s own value: dates as they are, date-times without a fraction', () => {
    expect(formatMark('2025-06-20')).toBe('2025-06-20');
    expect(formatMark('2025-06-30 23:59:00.123')).toBe('2025-06-30 23:59:00');
    expect(formatMark(null)).toBe('none yet');
    expect(formatMark(undefined)).toBe('none yet');
  });

  test('a run time reads as day, month, year and time; an unreadable one stays as given', () => {
    expect(formatRunTime('2026-11-22T10:05:12.000Z')).toMatch(/^2\d Nov 2026, \d\d:05:12$/);
    expect(formatRunTime('not a date')).toBe('not a date');
  });
});
