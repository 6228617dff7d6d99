import { describe, expect, test } from 'vitest';
import { filterLog, formatDuration, logCsv, NO_LOG_FILTER } from './run-log';
import type { RunLogLine } from '../engine/runs/simulated-run';

const line = (activityId: string, over: Partial<RunLogLine> = {}): RunLogLine => ({
  activityId,
  label: activityId.toUpperCase(),
  type: 'build-audience',
  start: '2025-06-01T09:00:00',
  end: '2025-06-01T09:00:00',
  recordsIn: 0,
  recordsOut: 5,
  durationMinutes: 0,
  warnings: [],
  errors: [],
  ...over,
});

describe('execution log', () => {
  const lines = [line('q'), line('m', { type: 'email', warnings: ['2 messages not sent (capped 2)'] }), line('w', { errors: ['Wait failed, "bad"'] })];

  test('filters by activity, by text and to errors only', () => {
    expect(filterLog(lines, NO_LOG_FILTER)).toHaveLength(3);
    expect(filterLog(lines, { ...NO_LOG_FILTER, activityId: 'm' }).map((l) => l.activityId)).toEqual(['m']);
    expect(filterLog(lines, { ...NO_LOG_FILTER, text: 'CAPPED' }).map((l) => l.activityId)).toEqual(['m']);
    expect(filterLog(lines, { ...NO_LOG_FILTER, errorsOnly: true }).map((l) => l.activityId)).toEqual(['w']);
    expect(filterLog(lines, { activityId: 'q', text: '', errorsOnly: true })).toEqual([]);
  });

  test('CSV: a header, one quoted row per line, CRLF', () => {
    expect(logCsv([lines[2]!])).toBe(
      'activity_id,label,type,start,end,records_in,records_out,duration_minutes,warnings,errors\r\n' +
        'w,W,build-audience,2025-06-01T09:00:00,2025-06-01T09:00:00,0,5,0,,"Wait failed, ""bad"""\r\n',
    );
  });

  test('durations', () => {
    expect([0, 45, 200, 2940].map(formatDuration)).toEqual(['0 min', '45 min', '3 h 20 min', '2 d 1 h']);
  });
});
