import { useSortable } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import { Button, Menu, MenuItem, MenuTrigger, Popover, Separator, Text } from 'react-aria-components';
import { ArrowDown, ArrowUp, Calculator, CircleAlert, CircleSlash, CircleX, Copy, FolderInput, GripVertical, Loader2, MoreHorizontal, MousePointerClick, Trash2 } from 'lucide-react';
import type { Condition, ConditionGroup } from '../domain/rule';
import { findEntity } from '../domain/data-model';
import { labelOf } from '../domain/rule-paths';
import { FIELD_PROMPT } from '../domain/rule-validation';
import { AttributeEditor } from './AttributeEditor';
import { withPath } from './attribute-edits';
import { FieldPicker } from './FieldPicker';
import { CollectionEditor } from './CollectionEditor';
import { DeliveryEditor } from './DeliveryEditor';
import { GroupEditor } from './GroupEditor';
import { SavedFilterEditor } from './SavedFilterEditor';
import { useModeler } from './modeler-context';
import { conditionKey } from './useConditionCounts';
import { isNotCountedHere } from './column-guard';
import { groupDepthBlock, useGroupLevel } from './group-level';
import { duplicateCondition, moveCondition, removeCondition, setCombinator, updateCondition, wrapInGroup } from './tree-edits';

const numberFormat = new Intl.NumberFormat('en');
const kindNames = { attribute: 'Condition', collection: 'Related records', delivery: 'Message results', 'saved-filter': 'Saved filter', group: 'Group' } as const;

/** One condition of a group: drag handle, its editor, its count and problems, and its actions. */
export function ConditionRow({ condition, entity, index, siblings }: { condition: Condition; entity: string; index: number; siblings: number }) {
  const { edit, problemsById, counts, countOne, services, idPrefix, model, columns, rootEntity } = useModeler();
  const sortable = useSortable({ id: condition.id });
  const problems = problemsById.get(condition.id) ?? [];
  const errors = problems.filter((p) => p.severity === 'error');
  // A condition just added asks for its field: a neutral prompt, not a problem made by the marketer.
  const isPrompt = (p: { severity: string; message: string }) => p.severity === 'warning' && p.message === FIELD_PROMPT;
  const prompting = problems.length > 0 && problems.every(isPrompt);
  const count = counts.get(condition.id);
  const stale = count !== undefined && count.key !== conditionKey(condition, entity);
  const messageId = `${idPrefix}-${condition.id}-problems`;
  const name = `${kindNames[condition.kind]} ${index + 1}`;
  const entityDef = findEntity(model, entity);
  // Sub-conditions count records of their collection (purchases), not of the audience: say which.
  const counted = count?.state === 'done' ? `${numberFormat.format(count.value ?? 0)} ${entityDef ? labelOf(entityDef).toLowerCase() : entity}` : undefined;
  // Inside a collection condition two units meet (profiles that have purchases, purchases that
  // match): there the chip shows its unit, not only its accessible name.
  const showsUnit = condition.kind === 'collection' || entity !== rootEntity;
  const uncounted = count?.state === 'error' ? `${isNotCountedHere(count.error) ? 'Not counted here' : 'Cannot count'}: ${count.error ?? ''}` : undefined;
  // "Put in a group" adds a level below the group this condition is in.
  const wrapBlocked = groupDepthBlock(useGroupLevel());
  const onChange = (next: Condition) => edit((rule) => updateCondition(rule, condition.id, () => next));

  const actions: Record<string, () => void> = {
    up: () => edit((r) => moveCondition(r, condition.id, -1)),
    down: () => edit((r) => moveCondition(r, condition.id, 1)),
    duplicate: () => edit((r) => duplicateCondition(r, condition.id).rule),
    wrap: () => edit((r) => wrapInGroup(r, condition.id)),
    count: () => countOne(condition, entity),
    remove: () => edit((r) => removeCondition(r, condition.id)),
  };

  return (
    <div
      ref={sortable.setNodeRef}
      style={{ transform: CSS.Translate.toString(sortable.transform), transition: sortable.transition }}
      className={`qm-cond qm-cond--${condition.kind}${errors.length > 0 ? ' qm-cond--error' : prompting ? ' qm-cond--prompt' : problems.length > 0 ? ' qm-cond--warning' : ''}${sortable.isDragging ? ' qm-cond--dragging' : ''}`}
      role="group"
      aria-label={name}
      aria-describedby={problems.length > 0 ? messageId : undefined}
      data-condition-id={condition.id}
    >
      <div className="qm-cond__head">
        <button type="button" className="qm-handle" aria-label={`Drag to reorder ${name.toLowerCase()}`} {...sortable.attributes} {...sortable.listeners}>
          <GripVertical size={14} aria-hidden />
        </button>
        {condition.kind === 'attribute' ? (
          <FieldPicker
            model={model}
            entity={entity}
            path={condition.path}
            source={condition.source}
            columns={entity === rootEntity ? columns : undefined}
            onChange={(target) => onChange(withPath(model, entity, condition, target, columns))}
          />
        ) : condition.kind === 'group' ? (
          <select className="qm-select qm-select--combinator qm-select--head" aria-label="Match" value={condition.combinator} onChange={(e) => edit((r) => setCombinator(r, condition.id, e.target.value as ConditionGroup['combinator']))}>
            <option value="and">All of these</option>
            <option value="or">Any of these</option>
            <option value="except">The first, except the others</option>
          </select>
        ) : (
          <span className="qm-cond__kind">{kindNames[condition.kind]}</span>
        )}
        {count && (
          <span
            className={`qm-count${stale ? ' qm-count--stale' : ''}${count.state === 'error' ? (isNotCountedHere(count.error) ? ' qm-count--note' : ' qm-count--error') : ''}`}
            title={count.state === 'error' ? uncounted : stale ? `${counted ?? ''} before the last change` : counted}
            aria-label={count.state === 'done' ? `${counted}${stale ? ', before the last change' : ''}` : count.state === 'error' ? uncounted : undefined}
            role={count.state === 'error' ? 'img' : undefined}
            aria-live="polite"
          >
            {count.state === 'loading' && <Loader2 size={12} className="cc-spinner" aria-label="Counting" />}
            {count.state === 'done' && (showsUnit ? counted : numberFormat.format(count.value ?? 0))}
            {/* The reason is on the condition or at Calculate; a mark keeps the field its room. */}
            {count.state === 'error' && <CircleSlash size={12} aria-hidden />}
          </span>
        )}
        <MenuTrigger>
          <Button className="qm-icon-button" aria-label={`Actions of ${name.toLowerCase()}`}>
            <MoreHorizontal size={15} aria-hidden />
          </Button>
          <Popover className="qm-popover qm-popover--menu" placement="bottom end">
            <Menu className="qm-menu" onAction={(key) => actions[String(key)]?.()} disabledKeys={[...(index === 0 ? ['up'] : []), ...(index === siblings - 1 ? ['down'] : []), ...(services ? [] : ['count']), ...(wrapBlocked ? ['wrap'] : [])]}>
              <MenuItem id="up" className="qm-menu__item" textValue="Move up">
                <ArrowUp size={15} aria-hidden /> Move up
              </MenuItem>
              <MenuItem id="down" className="qm-menu__item" textValue="Move down">
                <ArrowDown size={15} aria-hidden /> Move down
              </MenuItem>
              <MenuItem id="duplicate" className="qm-menu__item" textValue="Duplicate">
                <Copy size={15} aria-hidden /> Duplicate
              </MenuItem>
              <MenuItem id="wrap" className="qm-menu__item" textValue="Put in a group" {...(wrapBlocked ? { title: wrapBlocked } : {})}>
                <FolderInput size={15} aria-hidden /> Put in a group
                {wrapBlocked && (
                  <Text slot="description" className="qm-menu__hint">
                    {wrapBlocked}
                  </Text>
                )}
              </MenuItem>
              <MenuItem id="count" className="qm-menu__item" textValue="Count this condition">
                <Calculator size={15} aria-hidden /> Count this condition
              </MenuItem>
              <Separator className="qm-menu__sep" />
              <MenuItem id="remove" className="qm-menu__item qm-menu__item--danger" textValue="Remove">
                <Trash2 size={15} aria-hidden /> Remove
              </MenuItem>
            </Menu>
          </Popover>
        </MenuTrigger>
      </div>
      <div className="qm-cond__body">
        {condition.kind === 'attribute' && <AttributeEditor condition={condition} entity={entity} onChange={onChange} />}
        {condition.kind === 'collection' && <CollectionEditor condition={condition} entity={entity} onChange={onChange} />}
        {condition.kind === 'delivery' && <DeliveryEditor condition={condition} entity={entity} onChange={onChange} />}
        {condition.kind === 'saved-filter' && <SavedFilterEditor condition={condition} entity={entity} onChange={onChange} />}
        {condition.kind === 'group' && <GroupEditor group={condition} entity={entity} nested hideHead />}
      </div>
      {problems.length > 0 && (
        <ul className="qm-cond__problems" id={messageId}>
          {problems.map((p, i) => (
            <li key={i} className={`qm-problem qm-problem--${isPrompt(p) ? 'prompt' : p.severity}`}>
              {p.severity === 'error' ? <CircleX size={13} aria-hidden /> : isPrompt(p) ? <MousePointerClick size={13} aria-hidden /> : <CircleAlert size={13} aria-hidden />}
              <span>{p.message}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
