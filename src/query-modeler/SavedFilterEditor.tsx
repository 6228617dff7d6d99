import type { SavedFilterCondition } from '../domain/rule';
import { useModeler } from './modeler-context';

/** A reference to a saved filter: the filter's rule applies, as it is when counted. */
export function SavedFilterEditor({ condition, entity, onChange }: { condition: SavedFilterCondition; entity: string; onChange: (next: SavedFilterCondition) => void }) {
  const { savedFilters } = useModeler();
  const usable = savedFilters.filter((f) => f.entity === entity);
  const known = usable.some((f) => f.id === condition.filterId);
  return (
    <div className="qm-attr">
      <label className="qm-inline-label" htmlFor={`sf-${condition.id}`}>
        Matches the saved filter
      </label>
      <select id={`sf-${condition.id}`} className="qm-select qm-select--full" value={known ? condition.filterId : ''} onChange={(e) => onChange({ ...condition, filterId: e.target.value })}>
        <option value="">{usable.length === 0 ? 'No saved filter yet' : 'Choose a filter…'}</option>
        {!known && condition.filterId !== '' && <option value={condition.filterId} disabled>Missing filter</option>}
        {usable.map((f) => (
          <option key={f.id} value={f.id}>
            {f.name}
          </option>
        ))}
      </select>
    </div>
  );
}
