import { useMemo } from 'react';
import { Loader2 } from 'lucide-react';
import type { Activity } from '../domain/campaign';
import type { PublishedVersion } from '../domain/lifecycle/versions';
import { diffSummary, diffVersions } from '../domain/lifecycle/version-diff';
import type { ActivityCount } from '../canvas/counts/count-types';
import { formatCount } from '../canvas/counts/format-count';
import { useVersionCounts } from './useVersionCounts';

type Change = 'added' | 'removed' | 'changed' | 'unchanged';
const changeLabels: Record<Change, string> = { added: 'Added', removed: 'Removed', changed: 'Changed', unchanged: 'Same' };
const fieldLabels = { label: 'name', config: 'settings', disabled: 'enabled', type: 'type' } as const;

/**
 * Two versions side by side (docs/lifecycle.md#versions): every activity of either, marked added,
 * removed or changed (and what changed), with its count in each version, both computed by the
 * engine the canvas uses.
 */
export function CompareVersions({ before, after }: { before: PublishedVersion; after: PublishedVersion }) {
  const diff = useMemo(() => diffVersions(before.doc, after.doc), [before, after]);
  const countsBefore = useVersionCounts(before.doc);
  const countsAfter = useVersionCounts(after.doc);
  const rows = useMemo(() => {
    const changed = new Map(diff.changed.map((c) => [c.after.id, c.fields]));
    const added = new Set(diff.added.map((a) => a.id));
    const list: { activity: Activity; change: Change; fields?: readonly string[] }[] = after.doc.activities.map((a) => {
      const fields = changed.get(a.id);
      return added.has(a.id)
        ? { activity: a, change: 'added' }
        : fields
          ? { activity: a, change: 'changed', fields: fields.map((f) => fieldLabels[f]) }
          : { activity: a, change: 'unchanged' };
    });
    for (const a of diff.removed) list.push({ activity: a, change: 'removed' });
    // What changed first, so that it is read before what did not.
    const order: Record<Change, number> = { changed: 0, added: 1, removed: 2, unchanged: 3 };
    return list.sort((x, y) => order[x.change] - order[y.change]);
  }, [diff, after]);

  return (
    <section className="lc-compare" aria-label={`Version ${before.number} compared with version ${after.number}`}>
      <p className="lc-compare__summary">
        <strong>
          Version {before.number} → version {after.number}:
        </strong>{' '}
        {diffSummary(diff)}
      </p>
      <table className="lc-compare__table">
        <thead>
          <tr>
            <th scope="col">Activity</th>
            <th scope="col">Change</th>
            <th scope="col" className="lc-num">
              Count in version {before.number}
            </th>
            <th scope="col" className="lc-num">
              Count in version {after.number}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map(({ activity, change, fields }) => (
            <tr key={activity.id} className={`lc-row--${change}`} data-change={change}>
              <th scope="row">{activity.label}</th>
              <td>
                <span className={`lc-change lc-change--${change}`}>{changeLabels[change]}</span>
                {fields && <span className="lc-muted"> ({fields.join(', ')})</span>}
              </td>
              <td className="lc-num">{change === 'added' ? '—' : <CountCell count={countsBefore?.[activity.id]} loading={!countsBefore} />}</td>
              <td className="lc-num">{change === 'removed' ? '—' : <CountCell count={countsAfter?.[activity.id]} loading={!countsAfter} />}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function CountCell({ count, loading }: { count: ActivityCount | undefined; loading: boolean }) {
  if (loading || count?.loading)
    return (
      <span className="lc-muted">
        <Loader2 size={13} aria-hidden className="cc-spinner" /> counting…
      </span>
    );
  if (count?.count !== undefined) return <>{formatCount(count.count)}</>;
  return (
    <span className="lc-muted" title={count?.error ?? count?.reason}>
      no count
    </span>
  );
}
