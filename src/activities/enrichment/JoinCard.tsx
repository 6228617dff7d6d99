import { Plus, Trash2, X } from 'lucide-react';
import { Button } from 'react-aria-components';
import type { InboundSet } from '../../inspector/fields/useActivityFormData';
import { useKnownColumns } from '../../query-modeler/useKnownColumns';
import { SelectField, type SelectOption } from '../../inspector/fields/SelectField';
import { TextField } from '../../inspector/fields/TextField';
import { removeItem, replaceItem } from '../../inspector/fields/list-edits';
import type { EnrichmentConfig } from './definition';
import { ChoiceField } from '../../inspector/fields/ChoiceField';
import { JoinRuleEditor } from '../../query-modeler/JoinRuleEditor';
import type { Problem } from '../../domain/problems';

type Join = EnrichmentConfig['joins'][number];

/**
 * A join with another inbound working table: pairs of values that must match (a key join) or an
 * advanced rule, what to do when several rows match, and the columns to bring, each under an alias.
 */
export function JoinCard({ item, sets, leftOptions, onChange, onRemove, aliasProblems, problems = [], activityId }: { activityId: string; item: Join; sets: readonly InboundSet[]; leftOptions: readonly SelectOption[]; onChange: (j: Join, group?: string) => void; onRemove: () => void; aliasProblems: Map<string, string>; problems?: readonly Problem[] }) {
  const set = sets.find((s) => s.transition.id === item.transitionId);
  const columns = useKnownColumns(activityId, set?.transition.id);
  const right = columns.map((c) => ({ value: c.name, label: c.name }));
  const title = set ? `Join with ${set.name}` : 'Join';
  return (
    <li className="ff-card" aria-label={title}>
      <div className="ff-card__head">
        <h5 className="ff-card__title">{title}</h5>
        <button type="button" className="ff-icon-button ff-icon-button--danger" aria-label={`Remove the join with ${set?.name ?? 'this table'}`} onClick={onRemove}>
          <Trash2 size={15} aria-hidden />
        </button>
      </div>
      <SelectField label="Table to join" value={item.transitionId} placeholder="Choose an inbound table…" options={sets.map((s) => ({ value: s.transition.id, label: s.name }))} onChange={(transitionId) => onChange({ ...item, transitionId })} />
      <ChoiceField<Join['mode']>
        label="Join by"
        value={item.mode}
        onChange={(mode) => onChange({ ...item, mode })}
        choices={[
          { value: 'keys', label: 'Equal keys', hint: 'Every pair of values must be equal.' },
          { value: 'rule', label: 'An advanced rule', hint: 'Comparisons between the records and the table, e.g. the email without case, and a score above 5.' },
        ]}
      />
      {item.mode === 'rule' ? (
        <JoinRuleEditor rule={item.rule} onChange={(rule, group) => onChange({ ...item, rule }, group)} sides={{ records: 'Records', other: set?.name ?? 'Joined table' }} recordsOptions={leftOptions} otherOptions={right} problems={problems} />
      ) : (
        <>
          <span className="insp-field__label">Matching values</span>
          <ul className="ff-list">
            {item.keys.map((k, i) => (
              <li key={i} className="ff-row en-pair">
                <SelectField label={`Value ${i + 1} of the records`} value={k.left} placeholder="Choose…" options={leftOptions} onChange={(left) => onChange({ ...item, keys: replaceItem(item.keys, i, { ...k, left }) })} />
                <span className="en-pair__eq" aria-hidden>
                  =
                </span>
                <SelectField label={`Column ${i + 1} of the joined table`} value={k.right} placeholder="Choose…" options={right} onChange={(r) => onChange({ ...item, keys: replaceItem(item.keys, i, { ...k, right: r }) })} />
                <button type="button" className="ff-icon-button ff-icon-button--danger" aria-label={`Remove matching pair ${i + 1}`} onClick={() => onChange({ ...item, keys: removeItem(item.keys, i) })}>
                  <X size={14} aria-hidden />
                </button>
              </li>
            ))}
          </ul>
          <Button className="cc-button ff-add" onPress={() => onChange({ ...item, keys: [...item.keys, { left: '', right: '' }] })}>
            <Plus size={14} aria-hidden /> Add a matching pair
          </Button>
        </>
      )}
      <SelectField
        label="When several rows match"
        value={item.multiple}
        options={[
          { value: 'first', label: 'Take the first' },
          { value: 'reject', label: 'Reject: bring nothing for that record' },
        ]}
        onChange={(multiple) => onChange({ ...item, multiple: multiple as Join['multiple'] })}
        help={item.multiple === 'first' ? 'The first row in the order below, then the lowest key. Records are never multiplied.' : 'The record is kept, its new columns stay empty.'}
      />
      {item.multiple === 'first' && (
        <div className="ff-row en-pair">
          <SelectField
            label="First by"
            value={item.sort?.column ?? ''}
            options={[{ value: '', label: 'Lowest key' }, ...right]}
            onChange={(column) => {
              const { sort: _sort, ...rest } = item;
              onChange(column === '' ? rest : { ...rest, sort: { column, direction: item.sort?.direction ?? 'asc' } });
            }}
          />
          {item.sort && (
            <SelectField
              label="Order"
              value={item.sort.direction}
              options={[
                { value: 'asc', label: 'Lowest first' },
                { value: 'desc', label: 'Highest first' },
              ]}
              onChange={(direction) => onChange({ ...item, sort: { column: item.sort!.column, direction: direction as 'asc' | 'desc' } })}
            />
          )}
        </div>
      )}
      <span className="insp-field__label">Columns to bring</span>
      <ul className="ff-list">
        {item.columns.map((c, i) => (
          <li key={i} className="ff-row en-pair">
            <SelectField label={`Column ${i + 1} to bring`} value={c.name} placeholder="Choose…" options={right} onChange={(name) => onChange({ ...item, columns: replaceItem(item.columns, i, { ...c, name }) })} />
            <TextField
              label={`Named ${i + 1}`}
              value={c.alias}
              placeholder={c.name || 'Same name'}
              onChange={(alias) => onChange({ ...item, columns: replaceItem(item.columns, i, { ...c, alias }) }, `join-alias-${item.id}-${i}`)}
              problems={aliasProblems.has(c.alias || c.name) ? [{ severity: 'error', message: aliasProblems.get(c.alias || c.name)! }] : []}
            />
            <button type="button" className="ff-icon-button ff-icon-button--danger" aria-label={`Remove column ${i + 1}`} onClick={() => onChange({ ...item, columns: removeItem(item.columns, i) })}>
              <X size={14} aria-hidden />
            </button>
          </li>
        ))}
      </ul>
      <Button className="cc-button ff-add" onPress={() => onChange({ ...item, columns: [...item.columns, { name: '', alias: '' }] })}>
        <Plus size={14} aria-hidden /> Add a column
      </Button>
    </li>
  );
}
