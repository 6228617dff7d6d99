import { Button } from 'react-aria-components';
import { Bookmark, Copy, Link2, Trash2 } from 'lucide-react';
import type { ConditionGroup } from '../domain/rule';
import { Dialog } from '../ui/Dialog';
import { countConditions } from './tree-edits';
import { copyOfFilter, type SavedFilter } from './saved-filters';
import { newCondition } from './new-conditions';
import { useSavedFilters } from './useSavedFilters';
import type { DataModel } from '../domain/data-model';

const dateFormat = new Intl.DateTimeFormat('en', { dateStyle: 'medium' });

/**
 * Saved filters of this entity, to apply to the rule: as a copy of its conditions (edited freely
 * afterwards) or as a link (follows later changes of the filter).
 */
export function SavedFiltersDialog({ isOpen, onOpenChange, entity, entityLabel, model, onApply }: { isOpen: boolean; onOpenChange: (open: boolean) => void; entity: string; entityLabel: string; model: DataModel; onApply: (add: (rule: ConditionGroup) => ConditionGroup) => void }) {
  const { filters, problems, remove, isLoading } = useSavedFilters();
  const usable = filters.filter((f) => f.entity === entity);
  const insert = (f: SavedFilter, how: 'copy' | 'link', close: () => void) => {
    const copy = copyOfFilter(f);
    // A filter of one condition is added as that condition, not as a group of one.
    const condition = how === 'link' ? newCondition('saved-filter', model, entity, { filterId: f.id }) : copy.children.length === 1 ? copy.children[0]! : copy;
    onApply((rule) => ({ ...rule, children: [...rule.children, condition] }));
    close();
  };
  return (
    <Dialog title="Saved filters" isOpen={isOpen} onOpenChange={onOpenChange} size="medium">
      {(close) => (
        <>
          {isLoading && <p className="qm-dialog-status">Loading…</p>}
          {problems.map((p) => (
            <p key={p} className="qm-dialog-problem" role="alert">
              {p}
            </p>
          ))}
          {!isLoading && usable.length === 0 && <p className="qm-dialog-status">No saved filter on {entityLabel.toLowerCase()} yet. Use “Save as filter” on a rule to keep it here.</p>}
          <ul className="qm-filters">
            {usable.map((f) => (
              <li key={f.id} className="qm-filters__item">
                <Bookmark size={16} aria-hidden className="qm-filters__icon" />
                <span className="qm-filters__text">
                  <span className="qm-filters__name">{f.name}</span>
                  <span className="qm-filters__meta">
                    {countConditions(f.rule)} condition{countConditions(f.rule) === 1 ? '' : 's'} · saved {dateFormat.format(new Date(f.savedAt))}
                  </span>
                </span>
                <Button className="cc-button qm-small-button" onPress={() => insert(f, 'copy', close)} aria-label={`Add a copy of ${f.name}`}>
                  <Copy size={14} aria-hidden /> Copy
                </Button>
                <Button className="cc-button qm-small-button" onPress={() => insert(f, 'link', close)} aria-label={`Link to ${f.name}`}>
                  <Link2 size={14} aria-hidden /> Link
                </Button>
                <Button className="qm-icon-button" onPress={() => remove.mutate(f.id)} aria-label={`Delete ${f.name}`}>
                  <Trash2 size={14} aria-hidden />
                </Button>
              </li>
            ))}
          </ul>
          {usable.length > 0 && <p className="qm-dialog-status qm-dialog-status--small">A copy adds the filter’s conditions, to edit freely. A link follows later changes of the filter.</p>}
        </>
      )}
    </Dialog>
  );
}
