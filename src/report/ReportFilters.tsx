import type { CampaignDoc } from '../domain/campaign';
import type { ReportBucket, ReportFilters as Filters } from '../domain/report';
import { filterOptions } from './filter-options';

// `YYYY-MM-DD HH:MM` (the report's times) <-> `YYYY-MM-DDTHH:MM` (a datetime-local field's value).
const toField = (t?: string) => (t ? t.replace(' ', 'T') : '');
const fromField = (v: string) => (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(v) ? v.slice(0, 16).replace('T', ' ') : undefined);

/**
 * The report's filters: channel activities, one Split branch, a simulated time range, and the time
 * series' bucket. Plain form controls: each works with the keyboard and says its name.
 */
export function ReportFilters({
  doc,
  filters,
  bucket,
  span,
  onChange,
}: {
  doc: CampaignDoc;
  filters: Filters;
  bucket?: ReportBucket;
  span?: { from: string; to: string };
  onChange: (next: { filters: Filters; bucket?: ReportBucket }) => void;
}) {
  const { activities, branches } = filterOptions(doc);
  const chosen = new Set(filters.activities ?? []);
  const set = (patch: Partial<Filters>) => {
    const next: Filters = { ...filters, ...patch };
    for (const k of Object.keys(next) as (keyof Filters)[]) if (next[k] === undefined || (Array.isArray(next[k]) && next[k].length === 0)) delete next[k];
    onChange({ filters: next, ...(bucket ? { bucket } : {}) });
  };
  // No activity chosen means every one: each box then shows checked.
  const isOn = (id: string) => chosen.size === 0 || chosen.has(id);
  const toggle = (id: string, on: boolean) => {
    const next = activities.map((a) => a.id).filter((x) => (x === id ? on : isOn(x)));
    // Every one again (or none, which would show nothing): no filter.
    set({ activities: next.length === activities.length || next.length === 0 ? undefined : next });
  };
  return (
    <form className="report-filters" aria-label="Report filters" onSubmit={(e) => e.preventDefault()}>
      <fieldset className="report-filters__activities">
        <legend>Channel activities</legend>
        {activities.length === 0 && <p className="report-filters__none">None in this campaign.</p>}
        {activities.map((a) => (
          <label key={a.id} className="report-filters__check">
            <input type="checkbox" checked={isOn(a.id)} onChange={(e) => toggle(a.id, e.target.checked)} />
            {a.label}
          </label>
        ))}
      </fieldset>
      {branches.length > 0 && (
        <label className="report-filters__field">
          <span>Split branch</span>
          <select value={filters.branch ?? ''} onChange={(e) => set({ branch: e.target.value || undefined })}>
            <option value="">Every branch</option>
            {branches.map((b) => (
              <option key={b.value} value={b.value}>
                {b.label}
              </option>
            ))}
          </select>
        </label>
      )}
      <label className="report-filters__field">
        <span>From</span>
        <input type="datetime-local" value={toField(filters.from)} min={toField(span?.from)} max={toField(span?.to)} onChange={(e) => set({ from: fromField(e.target.value) })} />
      </label>
      <label className="report-filters__field">
        <span>To</span>
        <input type="datetime-local" value={toField(filters.to)} min={toField(span?.from)} max={toField(span?.to)} onChange={(e) => set({ to: fromField(e.target.value) })} />
      </label>
      <label className="report-filters__field">
        <span>Time series per</span>
        <select value={bucket ?? ''} onChange={(e) => onChange({ filters, ...(e.target.value ? { bucket: e.target.value as ReportBucket } : {}) })}>
          <option value="">Automatic</option>
          <option value="hour">Hour</option>
          <option value="day">Day</option>
        </select>
      </label>
    </form>
  );
}
