import { useQueries } from '@tanstack/react-query';
import { Checkbox } from 'react-aria-components';
import { Check } from 'lucide-react';
import type { FieldDef } from '../domain/data-model';
import type { AttributeCondition, CollectionCondition, LinkedEmpty } from '../domain/rule';
import { isEmptinessTest } from '../domain/rule-operators';
import { operatorHelp } from '../domain/rule-operator-help';
import { isEmptyThroughLink, keepsMissingValues, linkedEmptyLabels, missingValueConditions, showsMissingValues, withMissingValues, type MissingValuePart } from '../domain/rule-missing';
import { walkPath } from '../domain/rule-paths';
import { useModeler } from './modeler-context';
import { conditionKey } from './useConditionCounts';

const numberFormat = new Intl.NumberFormat('en');

/**
 * The counts of records without a value, part by part, asked of the engine like any rule (and
 * kept per part: they do not depend on the value compared with). Undefined while not known.
 */
function useMissingCounts(parts: readonly MissingValuePart[], entity: string): (number | undefined)[] {
  const { services, model } = useModeler();
  const results = useQueries({
    queries: parts.map((part) => ({
      queryKey: ['rule-missing-count', model.name, conditionKey(part.condition, entity)],
      queryFn: ({ signal }: { signal: AbortSignal }) => services!.count({ kind: 'group', id: 'missing', combinator: 'and', children: [part.condition] }, entity, signal),
      enabled: services !== undefined,
      staleTime: 5 * 60_000,
      retry: false,
    })),
  });
  return results.map((r) => r.data);
}

/** "16,120 with no account and 3,010 with no industry" (counts once known). */
function partsText(parts: readonly MissingValuePart[], counts: readonly (number | undefined)[]): string {
  const words = parts.map((p, i) => (counts[i] === undefined ? `those ${p.label}` : `${numberFormat.format(counts[i]!)} ${p.label}`));
  return words.length <= 1 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]!}`;
}

function Toggle({ isSelected, onChange, children }: { isSelected: boolean; onChange: (v: boolean) => void; children: string }) {
  return (
    <Checkbox className="qm-check qm-option" isSelected={isSelected} onChange={onChange}>
      <span className="qm-check__box" aria-hidden>
        <Check size={12} />
      </span>
      <span>{children}</span>
    </Checkbox>
  );
}

/** Records without a value: who they are, how many, and one switch to keep or leave them out. */
function MissingValuesSwitch<C extends AttributeCondition | CollectionCondition>({ condition, entity, onChange }: { condition: C; entity: string; onChange: (next: C) => void }) {
  const { model } = useModeler();
  const parts = missingValueConditions(model, entity, condition);
  const counts = useMissingCounts(condition.kind === 'attribute' && condition.source === 'column' ? [] : parts, entity);
  if (parts.length === 0) return null;
  return <Toggle isSelected={keepsMissingValues(condition)} onChange={(keep) => onChange(withMissingValues(condition, keep))}>{`Include ${partsText(parts, counts)}`}</Toggle>;
}

/** "Is empty" through a link: no linked record, a linked record with the field empty, or either. */
function LinkedEmptyChoice({ condition, entity, onChange }: { condition: AttributeCondition; entity: string; onChange: (next: AttributeCondition) => void }) {
  const { model } = useModeler();
  const walked = walkPath(model, entity, condition.path, 'field');
  const parts = missingValueConditions(model, entity, condition);
  const counts = useMissingCounts(parts, entity);
  if (!walked.ok || parts.length !== 2) return null;
  const labels = linkedEmptyLabels(walked.labels.slice(0, -1).join(' › '), walked.labels[walked.labels.length - 1]!);
  const n = (i: number) => (counts[i] === undefined ? '' : ` (${numberFormat.format(counts[i]!)})`);
  const both = counts[0] !== undefined && counts[1] !== undefined ? ` (${numberFormat.format(counts[0] + counts[1])})` : '';
  return (
    <label className="qm-option qm-option--select">
      <span className="qm-value__joiner">Empty means</span>
      <select
        className="qm-select qm-select--grow"
        value={condition.linkedEmpty ?? 'either'}
        onChange={(e) => {
          const { linkedEmpty: _l, ...rest } = condition;
          onChange(e.target.value === 'either' ? rest : { ...rest, linkedEmpty: e.target.value as LinkedEmpty });
        }}
      >
        <option value="either">{labels.either + both}</option>
        <option value="no-record">{labels['no-record'] + n(0)}</option>
        <option value="empty-field">{labels['empty-field'] + n(1)}</option>
      </select>
    </label>
  );
}

/** Under an attribute condition: what its operator takes, Match case, and its records without a value. */
export function AttributeOptions({ condition, field, entity, onChange }: { condition: AttributeCondition; field: FieldDef; entity: string; onChange: (next: AttributeCondition) => void }) {
  const { model } = useModeler();
  const help = operatorHelp(condition, field, model.referenceDate);
  const matchCase = field.type === 'string' && !isEmptinessTest(condition.operator);
  const missing = showsMissingValues(condition);
  const linkedEmpty = isEmptyThroughLink(condition);
  if (!help && !matchCase && !missing && !linkedEmpty) return null;
  return (
    <div className="qm-options">
      {help && <p className="qm-help">{help}</p>}
      {(matchCase || missing || linkedEmpty) && (
        <div className="qm-options__line">
          {matchCase && (
            <Toggle
              isSelected={condition.matchCase === true}
              onChange={(on) => {
                const { matchCase: _m, ...rest } = condition;
                onChange(on ? { ...rest, matchCase: true } : rest);
              }}
            >
              Match case
            </Toggle>
          )}
          {missing && <MissingValuesSwitch condition={condition} entity={entity} onChange={onChange} />}
          {linkedEmpty && <LinkedEmptyChoice condition={condition} entity={entity} onChange={onChange} />}
        </div>
      )}
    </div>
  );
}

/** Under an aggregate: its records without a value and the switch. */
export function AggregateOptions({ condition, entity, onChange }: { condition: CollectionCondition; entity: string; onChange: (next: CollectionCondition) => void }) {
  if (!showsMissingValues(condition)) return null;
  return (
    <div className="qm-options__line">
      <MissingValuesSwitch condition={condition} entity={entity} onChange={onChange} />
    </div>
  );
}
