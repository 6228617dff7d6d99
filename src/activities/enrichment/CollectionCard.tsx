import { Trash2 } from 'lucide-react';
import type { DataModel } from '../../domain/data-model';
import { findEntity } from '../../domain/data-model';
import { aggregateFunctions, emptyRule, type AggregateFunction } from '../../domain/rule';
import { collectionChoices, labelOf } from '../../domain/rule-paths';
import { QueryModeler } from '../../query-modeler/QueryModeler';
import type { RuleServices } from '../../query-modeler/services';
import { ChoiceField } from '../../inspector/fields/ChoiceField';
import { FieldMessages } from '../../inspector/fields/FieldMessages';
import { NumberField } from '../../inspector/fields/NumberField';
import { SelectField } from '../../inspector/fields/SelectField';
import { TextField } from '../../inspector/fields/TextField';
import { ValueList } from '../../inspector/fields/ValueList';
import { countConditions } from '../../query-modeler/tree-edits';
import type { EnrichmentConfig } from './definition';

type Collection = EnrichmentConfig['collections'][number];

const fnLabels: Record<AggregateFunction, string> = { count: 'Number of lines', 'count-distinct': 'Number of distinct values', sum: 'Sum', avg: 'Average', min: 'Minimum', max: 'Maximum' };

/** One column set from a one-to-many collection: its first lines, or an aggregate, over filtered lines. */
export function CollectionCard({ item, onChange, onRemove, model, entity, services, aliasProblem }: { item: Collection; onChange: (c: Collection, group?: string) => void; onRemove: () => void; model: DataModel; entity: string; services: RuleServices | undefined; aliasProblem: string | undefined }) {
  const choices = collectionChoices(model, entity);
  const chosen = choices.find((c) => c.path.join('.') === item.path.join('.'));
  const target = chosen?.target;
  const fieldOptions = (target?.fields ?? []).map((f) => ({ value: f.name, label: labelOf(f) }));
  const numeric = (target?.fields ?? []).filter((f) => f.type === 'integer' || f.type === 'decimal').map((f) => ({ value: f.name, label: labelOf(f) }));
  const title = chosen ? chosen.labels.join(' › ') : 'Collection';
  const fn = item.aggregate?.fn ?? 'count';
  const aggregateOptions = fn === 'sum' || fn === 'avg' ? numeric : fieldOptions;
  return (
    <li className="ff-card" aria-label={`Collection ${item.alias || title}`}>
      <div className="ff-card__head">
        <h5 className="ff-card__title">{title}</h5>
        <button type="button" className="ff-icon-button ff-icon-button--danger" aria-label={`Remove ${item.alias || title}`} onClick={onRemove}>
          <Trash2 size={15} aria-hidden />
        </button>
      </div>
      <SelectField
        label="Collection"
        value={item.path.join('.')}
        placeholder="Choose a collection…"
        options={choices.map((c) => ({ value: c.path.join('.'), label: c.labels.join(' › ') }))}
        onChange={(p) => onChange({ ...item, path: p.split('.'), where: emptyRule(`${item.id}-where`), fields: [], sort: undefined, aggregate: item.mode === 'aggregate' ? { fn: 'count' } : undefined })}
      />
      <ChoiceField<Collection['mode']>
        label="Bring"
        segmented
        value={item.mode}
        onChange={(mode) => {
          // A name the form suggested follows the mode (`purchases_count` / `purchases`); a typed one stays.
          const base = item.path.join('_');
          const alias = item.alias === `${base}_count` || item.alias === base ? (mode === 'aggregate' ? `${base}_count` : base) : item.alias;
          onChange({ ...item, mode, alias, ...(mode === 'aggregate' ? { aggregate: item.aggregate ?? { fn: 'count' } } : {}) });
        }}
        choices={[
          { value: 'aggregate', label: 'An aggregate', hint: 'One column: a count, sum, average, minimum or maximum over the lines.' },
          { value: 'first', label: 'First lines', hint: 'The first lines in an order, one column per line and field.' },
        ]}
      />
      <TextField
        label={item.mode === 'aggregate' ? 'Column name' : 'Column prefix'}
        value={item.alias}
        onChange={(alias) => onChange({ ...item, alias }, `collection-alias-${item.id}`)}
        help={item.mode === 'first' ? `Columns are named ${item.alias || 'prefix'}_1_<field>, ${item.alias || 'prefix'}_2_<field>…` : undefined}
        problems={aliasProblem ? [{ severity: 'error', message: aliasProblem }] : []}
      />
      {item.mode === 'aggregate' ? (
        <div className="ff-row">
          <SelectField
            label="Aggregate"
            value={fn}
            options={aggregateFunctions.map((f) => ({ value: f, label: fnLabels[f] }))}
            onChange={(f) => onChange({ ...item, aggregate: { fn: f as AggregateFunction, ...(f === 'count' ? {} : { field: item.aggregate?.field ?? '' }) } })}
          />
          {fn !== 'count' && <SelectField label="Of" value={item.aggregate?.field ?? ''} placeholder="Choose a field…" options={aggregateOptions} onChange={(field) => onChange({ ...item, aggregate: { fn, field } })} />}
        </div>
      ) : (
        <>
          <NumberField label="Number of lines" value={item.count} integer min={1} max={20} onChange={(count) => onChange({ ...item, count }, `collection-count-${item.id}`)} />
          <ValueList label="Fields of each line" values={item.fields} options={fieldOptions} onChange={(fields) => onChange({ ...item, fields })} />
          <div className="ff-row">
            <SelectField
              label="Order"
              value={item.sort?.field ?? ''}
              options={[{ value: '', label: 'By line key' }, ...fieldOptions]}
              onChange={(field) => onChange({ ...item, sort: field === '' ? undefined : { field, direction: item.sort?.direction ?? 'desc' } })}
            />
            {item.sort && (
              <SelectField
                label="Direction"
                value={item.sort.direction}
                options={[
                  { value: 'desc', label: 'Highest / latest first' },
                  { value: 'asc', label: 'Lowest / earliest first' },
                ]}
                onChange={(d) => onChange({ ...item, sort: { field: item.sort!.field, direction: d as 'asc' | 'desc' } })}
              />
            )}
          </div>
        </>
      )}
      {target && (
        <>
          <span className="insp-field__label">Lines used</span>
          <p className="ff-hint">{countConditions(item.where) === 0 ? `Every line of ${labelOf(target).toLowerCase()}; add conditions to use only some.` : 'Only the lines matching these conditions.'}</p>
          <QueryModeler rule={item.where} onChange={(where) => onChange({ ...item, where })} model={model} entity={target.name} {...(services ? { services } : {})} label={`Filter of ${labelOf(target).toLowerCase()}`} allowExpand={false} />
        </>
      )}
      {!findEntity(model, entity) && <FieldMessages problems={[{ severity: 'warning', message: 'The incoming records are not of a dimension of the data model.' }]} />}
    </li>
  );
}
