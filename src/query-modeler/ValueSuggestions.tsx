import { useQuery } from '@tanstack/react-query';
import { Button, Dialog, DialogTrigger, Popover } from 'react-aria-components';
import { BarChart3, Check, Loader2 } from 'lucide-react';
import type { FieldDef } from '../domain/data-model';
import { labelOf } from '../domain/rule-paths';
import { useModeler } from './modeler-context';

const numberFormat = new Intl.NumberFormat('en');

/** How a stored value reads: an enum's label, yes/no, or the value itself. */
export function displayValue(field: FieldDef, value: unknown): string {
  if (value === null || value === undefined || value === '') return '(empty)';
  if (field.type === 'enum') return field.values.find((v) => v.value === String(value))?.label ?? String(value);
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  return String(value);
}

/**
 * A button that opens the 20 most frequent values of a field in the data, with counts and shares;
 * picking one sets it (or, for lists, adds or removes it).
 */
export function ValueSuggestions({ entity, path, field, selected, onPick, multiple }: { entity: string; path: string[]; field: FieldDef; selected: readonly unknown[]; onPick: (value: string | number | boolean) => void; multiple?: boolean }) {
  const { services, model } = useModeler();
  if (!services) return null;
  return (
    <DialogTrigger>
      <Button className="qm-icon-button" aria-label={`Suggest values of ${labelOf(field)} from the data`}>
        <BarChart3 size={15} aria-hidden />
      </Button>
      <Popover className="qm-popover qm-popover--values" placement="bottom end">
        <Dialog className="qm-values" aria-label={`Most frequent values of ${labelOf(field)}`}>
          {({ close }) => <SuggestionList model={model.name} entity={entity} path={path} field={field} selected={selected} onPick={(v) => { onPick(v); if (!multiple) close(); }} />}
        </Dialog>
      </Popover>
    </DialogTrigger>
  );
}

function SuggestionList({ model, entity, path, field, selected, onPick }: { model: string; entity: string; path: string[]; field: FieldDef; selected: readonly unknown[]; onPick: (value: string | number | boolean) => void }) {
  const { services } = useModeler();
  const query = useQuery({
    queryKey: ['rule-top-values', model, entity, ...path],
    queryFn: ({ signal }) => services!.topValues(entity, path, signal),
    staleTime: 5 * 60_000,
    retry: false,
  });
  return (
    <>
      <p className="qm-values__title">Most frequent values of {labelOf(field)}</p>
      {query.isPending && (
        <p className="qm-values__status">
          <Loader2 size={14} className="cc-spinner" aria-hidden /> Reading the data…
        </p>
      )}
      {query.error && <p className="qm-values__status qm-values__status--error">{query.error.message}</p>}
      {query.data && query.data.length === 0 && <p className="qm-values__status">No values in the data.</p>}
      {query.data && query.data.length > 0 && (
        <ul className="qm-values__list">
          {query.data.map((v, _i, all) => {
            // Bars relative to the most frequent value, so that small shares stay comparable.
            const widest = Math.max(...all.map((x) => x.percent), 0.0001);
            const isSelected = selected.some((s) => String(s) === String(v.value));
            return (
              <li key={String(v.value)}>
                <Button
                  className={`qm-values__item${isSelected ? ' qm-values__item--selected' : ''}`}
                  isDisabled={v.value === null}
                  aria-pressed={isSelected}
                  onPress={() => v.value !== null && onPick(v.value)}
                >
                  <span className="qm-values__check" aria-hidden>{isSelected && <Check size={13} />}</span>
                  <span className="qm-values__label">{displayValue(field, v.value)}</span>
                  <span className="qm-values__count">{numberFormat.format(v.count)}</span>
                  <span className="qm-values__pct">{v.percent < 1 ? '<1' : Math.round(v.percent)}%</span>
                  <span className="qm-values__bar" aria-hidden style={{ width: `${Math.max(2, (v.percent / widest) * 100)}%` }} />
                </Button>
              </li>
            );
          })}
        </ul>
      )}
    </>
  );
}
