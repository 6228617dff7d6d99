import type { CollectionCondition } from '../domain/rule';
import { aggregateFunctions } from '../domain/rule';
import { aggregateLabels, aggregateOperators, isNumeric } from '../domain/rule-operators';
import { collectionChoices, labelOf, walkPath } from '../domain/rule-paths';
import { DraftInput } from './DraftInput';
import { GroupEditor } from './GroupEditor';
import { useModeler } from './modeler-context';
import { AggregateOptions } from './ConditionOptions';

type Aggregate = NonNullable<CollectionCondition['aggregate']>;

const quantifierLabels = { exists: 'Has at least one', 'not-exists': 'Has no', aggregate: 'Count or total of' } as const;

function parseNumber(t: string): number | null {
  const n = Number(t.trim().replace(',', '.'));
  return t.trim() === '' || !Number.isFinite(n) ? null : n;
}

/**
 * "Has at least one purchase such that…", "has no booking…", "total amount of purchases such
 * that… is at least 100": a one-to-many collection, its sub-conditions, and an optional aggregate.
 */
export function CollectionEditor({ condition, entity, onChange }: { condition: CollectionCondition; entity: string; onChange: (next: CollectionCondition) => void }) {
  const { model } = useModeler();
  const choices = collectionChoices(model, entity);
  const key = condition.path.join('.');
  const walked = walkPath(model, entity, condition.path, 'collection');
  const target = walked.ok ? walked.entity : undefined;
  const agg: Aggregate = condition.aggregate ?? { fn: 'count', operator: 'gte', value: null };
  const setAgg = (patch: Partial<Aggregate>) => onChange({ ...condition, aggregate: { ...agg, ...patch } });
  const fields = target ? target.fields.filter((f) => (agg.fn === 'count-distinct' ? true : isNumeric(f))) : [];

  return (
    <div className="qm-attr">
      <div className="qm-attr__line">
        <select
          className="qm-select"
          aria-label="Has, has no, or count"
          value={condition.quantifier}
          onChange={(e) => {
            const quantifier = e.target.value as CollectionCondition['quantifier'];
            onChange({ ...condition, quantifier, ...(quantifier === 'aggregate' && !condition.aggregate ? { aggregate: agg } : {}) });
          }}
        >
          {(Object.keys(quantifierLabels) as CollectionCondition['quantifier'][]).map((q) => (
            <option key={q} value={q}>
              {quantifierLabels[q]}
            </option>
          ))}
        </select>
        <select
          className="qm-select qm-select--grow"
          aria-label="Collection"
          value={choices.some((c) => c.path.join('.') === key) ? key : ''}
          onChange={(e) => onChange({ ...condition, path: e.target.value.split('.'), where: { ...condition.where, children: [] }, ...(condition.aggregate ? { aggregate: { ...agg, field: undefined } as Aggregate } : {}) })}
        >
          {!choices.some((c) => c.path.join('.') === key) && <option value="">Choose…</option>}
          {choices.map((c) => (
            <option key={c.path.join('.')} value={c.path.join('.')}>
              {c.labels.join(' › ')}
            </option>
          ))}
        </select>
      </div>
      {condition.quantifier === 'aggregate' && target && (
        <div className="qm-attr__line qm-attr__line--wrap">
          <select className="qm-select" aria-label="Compute" value={agg.fn} onChange={(e) => setAgg({ fn: e.target.value as Aggregate['fn'] })}>
            {aggregateFunctions.map((fn) => (
              <option key={fn} value={fn}>
                {aggregateLabels[fn]}
              </option>
            ))}
          </select>
          {agg.fn !== 'count' && (
            <select className="qm-select qm-select--grow" aria-label={`Field of ${labelOf(target).toLowerCase()}`} value={agg.field ?? ''} onChange={(e) => setAgg({ field: e.target.value })}>
              <option value="">Field…</option>
              {fields.map((f) => (
                <option key={f.name} value={f.name}>
                  {labelOf(f)}
                </option>
              ))}
            </select>
          )}
          {agg.fn === 'count' && <span className="qm-value__joiner">{labelOf(target).toLowerCase()}</span>}
          <select className="qm-select" aria-label="Comparison" value={agg.operator} onChange={(e) => setAgg({ operator: e.target.value as Aggregate['operator'] })}>
            {aggregateOperators.map((o) => (
              <option key={o.id} value={o.id}>
                {o.label}
              </option>
            ))}
          </select>
          <DraftInput className="qm-input qm-input--number" inputMode="decimal" aria-label="Number to compare with" placeholder="Number" value={agg.value === null || agg.value === undefined ? '' : String(agg.value)} onCommit={(t) => setAgg({ value: parseNumber(t) })} />
          {agg.operator === 'between' && (
            <>
              <span className="qm-value__joiner">and</span>
              <DraftInput className="qm-input qm-input--number" inputMode="decimal" aria-label="Upper bound" placeholder="Number" value={agg.value2 === null || agg.value2 === undefined ? '' : String(agg.value2)} onCommit={(t) => setAgg({ value2: parseNumber(t) })} />
            </>
          )}
        </div>
      )}
      {condition.quantifier === 'aggregate' && target && <AggregateOptions condition={condition} entity={entity} onChange={onChange} />}
      {target && (
        <div className="qm-sub">
          <p className="qm-sub__title">{condition.where.children.length === 0 ? `Any ${labelOf(target).toLowerCase()}` : `Only ${labelOf(target).toLowerCase()} where`}</p>
          <GroupEditor group={condition.where} entity={target.name} nested />
        </div>
      )}
    </div>
  );
}
