import { ArrowDown, ArrowUp, Trash2 } from 'lucide-react';
import type { DataModel } from '../../domain/data-model';
import type { Problem } from '../../domain/problems';
import { emptyRule } from '../../domain/rule';
import { QueryModeler } from '../../query-modeler/QueryModeler';
import type { RuleServices } from '../../query-modeler/services';
import type { SavedFilter } from '../../query-modeler/saved-filters';
import { ChoiceField } from '../../inspector/fields/ChoiceField';
import { FieldMessages } from '../../inspector/fields/FieldMessages';
import { NumberField } from '../../inspector/fields/NumberField';
import { SelectField, type SelectOption } from '../../inspector/fields/SelectField';
import { SwitchField } from '../../inspector/fields/SwitchField';
import { TextField } from '../../inspector/fields/TextField';
import type { SplitSubset } from './definition';
import { percentLimitText } from './percent-limit';
import type { WorkingTableColumn } from '../../domain/rule-columns';

export interface SubsetCardProps {
  subset: SplitSubset;
  index: number;
  count: number;
  /** `group` names the field being typed in, so that a burst of keystrokes is one undo step. */
  onChange: (subset: SplitSubset, group?: string) => void;
  onMove: (to: number) => void;
  onRemove: () => void;
  overlap: boolean;
  /** The subset's eligible records when the form can tell them (see eligibleCounts). */
  eligible?: number | undefined;
  model: DataModel | undefined;
  /** Dimension of the incoming records; filters need one of the data model. */
  entity: string | undefined;
  services: RuleServices | undefined;
  savedFilters: readonly SavedFilter[];
  sortOptions: readonly SelectOption[];
  /** Columns of the inbound working table, which filters may read. */
  columns: readonly WorkingTableColumn[] | undefined;
  problems: readonly Problem[];
}

type LimitKind = 'none' | 'count' | 'percent';

/** One subset of a Split: label, optional filter, optional limit with how records are picked, skip-if-empty. */
export function SubsetCard({ subset, index, count, onChange, onMove, onRemove, overlap, eligible, model, entity, services, savedFilters, sortOptions, columns, problems }: SubsetCardProps) {
  const name = subset.label || `Subset ${index + 1}`;
  const limitKind: LimitKind = subset.limit?.kind ?? 'none';
  const setLimitKind = (kind: LimitKind) => {
    if (kind === limitKind) return;
    if (kind === 'none') onChange({ ...subset, limit: null });
    else onChange({ ...subset, limit: { kind, value: subset.limit?.value ?? (kind === 'percent' ? 10 : 1000) } });
  };
  // Rule problems show on their conditions inside the query modeler, not a second time below it.
  const at = (suffix: string) => problems.filter((p) => p.path?.includes(suffix) && p.code !== 'rule');
  return (
    <li className="ff-card sp-subset" aria-label={`Subset ${index + 1}: ${name}`}>
      <div className="ff-card__head">
        <span className="sp-subset__rank" aria-hidden>
          {index + 1}
        </span>
        <h4 className="ff-card__title">{name}</h4>
        <button type="button" className="ff-icon-button" aria-label={`Move ${name} up`} disabled={index === 0} onClick={() => onMove(index - 1)}>
          <ArrowUp size={15} aria-hidden />
        </button>
        <button type="button" className="ff-icon-button" aria-label={`Move ${name} down`} disabled={index === count - 1} onClick={() => onMove(index + 1)}>
          <ArrowDown size={15} aria-hidden />
        </button>
        <button type="button" className="ff-icon-button ff-icon-button--danger" aria-label={`Remove ${name}`} disabled={count === 1} onClick={onRemove}>
          <Trash2 size={15} aria-hidden />
        </button>
      </div>

      <TextField label="Subset label" value={subset.label} onChange={(label) => onChange({ ...subset, label }, `subset-label-${subset.id}`)} help="Names its outbound transition." />

      <SwitchField
        label="Filter"
        isSelected={subset.filter !== null}
        onChange={(on) => onChange({ ...subset, filter: on ? emptyRule(`${subset.id}-filter`) : null })}
        hintOn="Only records matching the rule below are eligible."
        hintOff={overlap || index === 0 ? 'Every record is eligible.' : 'Every record earlier subsets did not take is eligible.'}
      />
      {subset.filter !== null &&
        (model && entity ? (
          <QueryModeler
            rule={subset.filter}
            onChange={(filter) => onChange({ ...subset, filter })}
            model={model}
            entity={entity}
            {...(services ? { services } : {})}
            savedFilters={savedFilters}
            columns={columns ?? 'unknown'}
            label={`Filter of ${name}`}
          />
        ) : (
          <p className="ff-hint">{model ? 'Connect an audience of a targeting dimension to write the filter.' : 'Loading the data model…'}</p>
        ))}
      <FieldMessages problems={at('.filter')} />

      <ChoiceField<LimitKind>
        label="Limit"
        segmented
        value={limitKind}
        onChange={setLimitKind}
        choices={[
          { value: 'none', label: 'No limit', hint: 'Takes every eligible record.' },
          { value: 'count', label: 'Number', hint: 'At most this many records.' },
          { value: 'percent', label: 'Percent', hint: 'A share of the eligible records, rounded down.' },
        ]}
      />
      {subset.limit && (
        <>
          <NumberField
            label={subset.limit.kind === 'percent' ? 'Percentage of eligible records' : 'Number of records'}
            value={subset.limit.value}
            integer={subset.limit.kind === 'count'}
            min={0}
            max={subset.limit.kind === 'percent' ? 100 : undefined}
            suffix={subset.limit.kind === 'percent' ? '%' : 'records'}
            {...(subset.limit.kind === 'percent' ? { help: percentLimitText(subset.limit.value, eligible) } : {})}
            onChange={(value) => onChange({ ...subset, limit: { kind: subset.limit!.kind, value } }, `subset-limit-${subset.id}`)}
            problems={at('.limit')}
          />
          <ChoiceField<'random' | 'sort'>
            label="Records kept"
            segmented
            value={subset.order.mode}
            onChange={(mode) => onChange({ ...subset, order: mode === 'random' ? { mode } : { mode, field: '', direction: 'desc' } })}
            choices={[
              { value: 'random', label: 'At random', hint: 'A seeded random pick: the same records every time until the campaign’s seed changes.' },
              { value: 'sort', label: 'By sort', hint: 'The first records in this order (empty values last).' },
            ]}
          />
          {subset.order.mode === 'sort' && (
            <div className="ff-row">
              <SelectField
                label="Sort by"
                value={subset.order.field}
                placeholder="Choose a field…"
                options={sortOptions}
                onChange={(field) => subset.order.mode === 'sort' && onChange({ ...subset, order: { ...subset.order, field } })}
                problems={at('.order')}
              />
              <SelectField
                label="Direction"
                value={subset.order.direction}
                options={[
                  { value: 'desc', label: 'Highest first' },
                  { value: 'asc', label: 'Lowest first' },
                ]}
                onChange={(d) => subset.order.mode === 'sort' && onChange({ ...subset, order: { ...subset.order, direction: d as 'asc' | 'desc' } })}
              />
            </div>
          )}
        </>
      )}

      <SwitchField
        label="Skip when empty"
        isSelected={subset.skipEmpty}
        onChange={(skipEmpty) => onChange({ ...subset, skipEmpty })}
        hintOn="With no records, its transition is not emitted and what follows does not run."
        hintOff="With no records, its transition shows 0 and what follows still runs."
      />
    </li>
  );
}
