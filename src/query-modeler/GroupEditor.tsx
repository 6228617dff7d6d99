import { SortableContext, verticalListSortingStrategy } from '@dnd-kit/sortable';
import type { ConditionGroup } from '../domain/rule';
import { AddConditionMenu } from './AddConditionMenu';
import { ConditionRow } from './ConditionRow';
import { useModeler } from './modeler-context';
import { setCombinator } from './tree-edits';
import { GroupLevelContext, useGroupLevel } from './group-level';

const combinatorWords = { and: 'and', or: 'or', except: 'except' } as const;

/**
 * A group of conditions: how they combine, the conditions (sortable by drag or keyboard), and the
 * add menu. Nested groups and collection sub-conditions render another GroupEditor.
 */
export function GroupEditor({ group, entity, nested, hideHead }: { group: ConditionGroup; entity: string; nested?: boolean; /** The combinator is chosen in the group's row instead. */ hideHead?: boolean }) {
  const { edit, idPrefix } = useModeler();
  const selectId = `${idPrefix}-${group.id}-combinator`;
  // The rule's own group is level 1 (whatever encloses its editor); what renders inside this one
  // sees this group's level.
  const parentLevel = useGroupLevel();
  const level = nested ? parentLevel + 1 : 1;
  return (
    <GroupLevelContext.Provider value={level}>
      <div className={`qm-group qm-group--${group.combinator}${nested ? ' qm-group--nested' : ''}`}>
        {group.children.length > 1 && !hideHead && (
          <div className="qm-group__head">
            <label htmlFor={selectId} className="qm-group__label">
              Match
            </label>
            <select id={selectId} className="qm-select qm-select--combinator" value={group.combinator} onChange={(e) => edit((r) => setCombinator(r, group.id, e.target.value as ConditionGroup['combinator']))}>
              <option value="and">all of these</option>
              <option value="or">any of these</option>
              <option value="except">the first, except the others</option>
            </select>
          </div>
        )}
        <SortableContext items={group.children.map((c) => c.id)} strategy={verticalListSortingStrategy}>
          <div className="qm-group__list">
            {group.children.map((child, i) => (
              <GroupChild key={child.id} first={i === 0} combinator={group.combinator}>
                <ConditionRow condition={child} entity={entity} index={i} siblings={group.children.length} />
              </GroupChild>
            ))}
          </div>
        </SortableContext>
        {!nested && group.children.length === 0 && <p className="qm-empty">No conditions yet: every record matches.</p>}
        <AddConditionMenu groupId={group.id} entity={entity} nested={nested} />
      </div>
    </GroupLevelContext.Provider>
  );
}

/** A child with the word that joins it to the one before ("and", "or", "except"). */
function GroupChild({ first, combinator, children }: { first: boolean; combinator: ConditionGroup['combinator']; children: React.ReactNode }) {
  return (
    <>
      {!first && (
        <div className={`qm-joiner qm-joiner--${combinator}`} aria-hidden>
          <span>{combinatorWords[combinator]}</span>
        </div>
      )}
      {children}
    </>
  );
}
