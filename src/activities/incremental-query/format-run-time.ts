/** A run's or a save's time as a person reads it, e.g. "22 Nov 2026, 10:05:12", in the local time zone. */
export function formatRunTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return d.toLocaleString('en-GB', {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  });
}

/**
 * A high-water mark as a person reads it: a date stays a date; a date-time loses its seconds'
 * fraction. Marks are the data's own values (no time zone), so they are shown as they are.
 */
export function formatMark(mark: string | null | undefined): string {
  if (mark === null || mark === undefined) return 'none yet';
  return mark.replace(/\.\d+$/, '');
}
