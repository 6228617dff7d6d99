import type { RunLogLine } from '../engine/runs/simulated-run';
import { rowsToCsv } from '../domain/csv';

/** What the execution log shows: one activity or all, lines holding a text, errors only. */
export interface LogFilter {
  activityId: string;
  text: string;
  errorsOnly: boolean;
}

export const NO_LOG_FILTER: LogFilter = { activityId: '', text: '', errorsOnly: false };

/** The lines of a run's log that pass the filter (the text matched, case ignored, on label, type, warnings and errors). */
export function filterLog(lines: readonly RunLogLine[], filter: LogFilter): RunLogLine[] {
  const text = filter.text.trim().toLowerCase();
  return lines.filter(
    (l) =>
      (filter.activityId === '' || l.activityId === filter.activityId) &&
      (!filter.errorsOnly || l.errors.length > 0) &&
      (text === '' || [l.label, l.type, l.activityId, ...l.warnings, ...l.errors].some((s) => s.toLowerCase().includes(text))),
  );
}

const LOG_COLUMNS = ['activity_id', 'label', 'type', 'start', 'end', 'records_in', 'records_out', 'duration_minutes', 'warnings', 'errors'] as const;

/** The log lines as CSV (RFC 4180), one row per line; several warnings or errors joined by "; ". */
export function logCsv(lines: readonly RunLogLine[]): string {
  return rowsToCsv(
    LOG_COLUMNS,
    lines.map((l) => ({
      activity_id: l.activityId,
      label: l.label,
      type: l.type,
      start: l.start,
      end: l.end,
      records_in: l.recordsIn,
      records_out: l.recordsOut,
      duration_minutes: l.durationMinutes,
      warnings: l.warnings.join('; '),
      errors: l.errors.join('; '),
    })),
  );
}

/** A duration in minutes as a person reads it: "0 min", "45 min", "3 h 20 min", "2 d 1 h". */
export function formatDuration(minutes: number): string {
  if (minutes < 60) return `${minutes} min`;
  const d = Math.floor(minutes / 1440);
  const h = Math.floor((minutes % 1440) / 60);
  const m = minutes % 60;
  if (d > 0) return `${d} d${h ? ` ${h} h` : ''}`;
  return `${h} h${m ? ` ${m} min` : ''}`;
}
