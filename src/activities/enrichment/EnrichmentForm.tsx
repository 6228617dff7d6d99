import { useMemo } from 'react';
import { Trash2 } from 'lucide-react';
import type { ActivityFormProps } from '../ui-registry';
import { emptyJoinRule } from '../../domain/rule-join';
import { enrichmentConfigSchema, type EnrichmentConfig } from './definition';
import { aliasFor, aliasProblems, enrichmentColumns } from './enrichment-columns';
import { CollectionCard } from './CollectionCard';
import { JoinCard } from './JoinCard';
import { emptyRule } from '../../domain/rule';
import { collectionChoices } from '../../domain/rule-paths';
import { useRuleServices } from '../../query-modeler/useRuleServices';
import { FieldMessages } from '../../inspector/fields/FieldMessages';
import { SelectField } from '../../inspector/fields/SelectField';
import { TextField } from '../../inspector/fields/TextField';
import { UnreadableSettings } from '../../inspector/fields/UnreadableSettings';
import { freshId, removeItem, replaceItem } from '../../inspector/fields/list-edits';
import { recordValueOptions } from '../../inspector/fields/value-choices';
import { useActivityFormData } from '../../inspector/fields/useActivityFormData';
import { useKnownColumns } from '../../query-modeler/useKnownColumns';
import { isFileDimension } from '../working-table';
import '../../inspector/fields/fields.css';
import './enrichment-form.css';

/**
 * Settings of Enrichment: attributes (own and through links), columns from collections (an
 * aggregate or the first lines), joins with other inbound tables, and the columns that result.
 */
export function EnrichmentForm({ activity, onConfigChange }: ActivityFormProps) {
  const parsed = enrichmentConfigSchema.safeParse(activity.config);
  const data = useActivityFormData(activity);
  const joinSets = useActivityFormData(activity, 'join').inbound;
  const { services } = useRuleServices();
  const inbound = data.inbound[0];
  const dimension = inbound?.dimension && !isFileDimension(inbound.dimension) ? inbound.dimension : undefined;
  const existing = useKnownColumns(activity.id, inbound?.transition.id);
  const attributeOptions = useMemo(() => recordValueOptions(data.model, dimension, []), [data.model, dimension]);
  const leftOptions = useMemo(() => recordValueOptions(data.model, inbound?.dimension, existing), [data.model, inbound?.dimension, existing]);
  if (!parsed.success) return <UnreadableSettings onReset={() => onConfigChange(enrichmentConfigSchema.parse({}))} />;
  const config = parsed.data;
  const update = (patch: Partial<EnrichmentConfig>, group?: string) => onConfigChange({ ...config, ...patch }, group);
  const ids = [...config.attributes, ...config.collections, ...config.joins].map((x) => x.id);
  const problems = aliasProblems(config, existing.map((c) => c.name));
  const added = enrichmentColumns(config);
  const collections = data.model && dimension ? collectionChoices(data.model, dimension) : [];

  return (
    <div className="ff-form">
      {!inbound && <p className="ff-hint">Connect the records to enrich to this activity’s input.</p>}
      {inbound?.dimension && isFileDimension(inbound.dimension) && (
        <FieldMessages problems={[{ severity: 'warning', message: 'The records come from a file: only joins apply. Map them onto a dimension with a Reconciliation to add attributes or collections.' }]} />
      )}

      <section className="ff-section" aria-label="Attributes">
        <h4 className="ff-section__title">Attributes</h4>
        <p className="ff-hint">Fields of the records, or of a record they link to (their account, a product).</p>
        <ul className="ff-list">
          {config.attributes.map((a, i) => (
            <li key={a.id} className="ff-card" aria-label={`Attribute ${a.alias || i + 1}`}>
              <div className="ff-card__head">
                <h5 className="ff-card__title">{attributeOptions.find((o) => o.value === a.path.join('.'))?.label ?? a.path.join('.')}</h5>
                <button type="button" className="ff-icon-button ff-icon-button--danger" aria-label={`Remove attribute ${a.alias || i + 1}`} onClick={() => update({ attributes: removeItem(config.attributes, i) })}>
                  <Trash2 size={15} aria-hidden />
                </button>
              </div>
              <SelectField label={`Attribute ${i + 1}`} value={a.path.join('.')} options={attributeOptions} onChange={(p) => update({ attributes: replaceItem(config.attributes, i, { ...a, path: p.split('.') }) })} />
              <TextField
                label={`Column ${i + 1}`}
                value={a.alias}
                onChange={(alias) => update({ attributes: replaceItem(config.attributes, i, { ...a, alias }) }, `attribute-alias-${a.id}`)}
                problems={problems.has(a.alias) ? [{ severity: 'error', message: problems.get(a.alias)! }] : []}
              />
            </li>
          ))}
        </ul>
        <SelectField
          label="Add an attribute"
          hideLabel
          value=""
          placeholder="Add an attribute…"
          options={attributeOptions}
          disabled={!dimension}
          onChange={(p) => p !== '' && update({ attributes: [...config.attributes, { id: freshId('attr', ids), path: p.split('.'), alias: aliasFor(p.split('.')) }] })}
        />
      </section>

      <section className="ff-section" aria-label="From collections">
        <h4 className="ff-section__title">From collections</h4>
        <p className="ff-hint">Lists of records linked to each one (purchases, bookings): an aggregate or the first lines.</p>
        {data.model && dimension && (
          <ul className="ff-list">
            {config.collections.map((c, i) => (
              <CollectionCard
                key={c.id}
                item={c}
                model={data.model!}
                entity={dimension}
                services={services}
                aliasProblem={c.mode === 'aggregate' ? problems.get(c.alias) : [...problems.entries()].find(([k]) => k.startsWith(`${c.alias}_`))?.[1]}
                onChange={(next, group) => update({ collections: replaceItem(config.collections, i, next) }, group)}
                onRemove={() => update({ collections: removeItem(config.collections, i) })}
              />
            ))}
          </ul>
        )}
        <SelectField
          label="Add from a collection"
          hideLabel
          value=""
          placeholder="Add from a collection…"
          options={collections.map((c) => ({ value: c.path.join('.'), label: c.labels.join(' › ') }))}
          disabled={collections.length === 0}
          onChange={(p) => {
            if (p === '') return;
            const id = freshId('coll', ids);
            update({ collections: [...config.collections, { id, path: p.split('.'), alias: `${aliasFor(p.split('.'))}_count`, mode: 'aggregate', where: emptyRule(`${id}-where`), count: 1, fields: [], aggregate: { fn: 'count' } }] });
          }}
        />
      </section>

      <section className="ff-section" aria-label="Joins">
        <h4 className="ff-section__title">Joined tables</h4>
        <p className="ff-hint">Columns of another working table connected to the “Tables to join” input, e.g. a loaded file.</p>
        <ul className="ff-list">
          {config.joins.map((j, i) => (
            <JoinCard
              key={j.id}
              item={j}
              sets={joinSets}
              leftOptions={leftOptions}
              aliasProblems={problems}
              problems={data.problemsAt(`joins[${i}]`)}
              activityId={activity.id}
              onChange={(next, group) => update({ joins: replaceItem(config.joins, i, next) }, group)}
              onRemove={() => update({ joins: removeItem(config.joins, i) })}
            />
          ))}
        </ul>
        <SelectField
          label="Add a join"
          hideLabel
          value=""
          placeholder={joinSets.length === 0 ? 'No table connected to join' : 'Join with…'}
          options={joinSets.map((s) => ({ value: s.transition.id, label: s.name }))}
          disabled={joinSets.length === 0}
          onChange={(transitionId) => transitionId !== '' && update({ joins: [...config.joins, { id: freshId('join', ids), transitionId, mode: 'keys', keys: [{ left: '', right: '' }], rule: emptyJoinRule(), multiple: 'first', columns: [] }] })}
        />
      </section>

      <section className="ff-section" aria-label="Resulting columns">
        <h4 className="ff-section__title">Resulting columns</h4>
        {added.length === 0 ? (
          <p className="ff-hint">No column added yet.</p>
        ) : (
          <p className="ff-columns" aria-label="Columns added">
            {added.map((c, i) => (
              <code key={`${c}-${i}`}>{c || '(unnamed)'}</code>
            ))}
          </p>
        )}
        <p className="ff-hint">Usable downstream: Split sort, Deduplication, Combine on columns, previews.</p>
        <FieldMessages problems={data.problems.filter((p) => p.path === undefined && p.code !== 'missing-input')} />
      </section>
    </div>
  );
}
