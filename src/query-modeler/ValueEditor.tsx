import { Button, Checkbox, CheckboxGroup, Dialog, DialogTrigger, Popover } from 'react-aria-components';
import { Check, ChevronDown } from 'lucide-react';
import type { FieldDef } from '../domain/data-model';
import type { AttributeCondition, RuleValue } from '../domain/rule';
import { isTextMatch, valueShape } from '../domain/rule-operators';
import { labelOf } from '../domain/rule-paths';
import { anniversaryDatesText } from '../domain/anniversary';
import { DraftInput } from './DraftInput';
import { useModeler } from './modeler-context';
import { displayValue, ValueSuggestions } from './ValueSuggestions';

type Patch = Partial<Pick<AttributeCondition, 'value' | 'value2' | 'unit'>>;

interface Props {
  condition: AttributeCondition;
  field: FieldDef;
  /** Entity the condition's path starts from (for value suggestions). */
  entity: string;
  onChange: (patch: Patch) => void;
}

/** A typed value as stored: numbers as numbers when they parse, otherwise the text (so validation can name it). */
function parseTyped(field: FieldDef, text: string): RuleValue {
  const t = text.trim();
  if (t === '') return null;
  if (field.type === 'integer' || field.type === 'decimal') {
    const n = Number(t.replace(',', '.'));
    return Number.isFinite(n) ? n : t;
  }
  return text;
}

/** Suggestions come from the data; a working table's column is not in it until the campaign computes. */
const suggests = (condition: AttributeCondition) => condition.source !== 'column';

const asText = (v: unknown) => (v === undefined || v === null ? '' : String(v));

/** The value part of an attribute condition, shaped by its operator and the field's type. */
export function ValueEditor({ condition, field, entity, onChange }: Props) {
  const shape = valueShape(condition.operator);
  const name = labelOf(field);
  switch (shape) {
    case 'none':
      return null;
    case 'single':
      return (
        <div className="qm-value">
          <SingleValue field={field} text={isTextMatch(condition.operator)} value={condition.value} label={`Value of ${name}`} onChange={(value) => onChange({ value })} />
          {!isTextMatch(condition.operator) && field.type !== 'date' && field.type !== 'timestamp' && suggests(condition) && (
            <ValueSuggestions entity={entity} path={condition.path} field={field} selected={[condition.value]} onPick={(value) => onChange({ value })} />
          )}
        </div>
      );
    case 'range':
      return (
        <div className="qm-value qm-value--range">
          <SingleValue field={field} value={condition.value} label={`Lowest ${name}`} onChange={(value) => onChange({ value })} />
          <span className="qm-value__joiner">and</span>
          <SingleValue field={field} value={condition.value2} label={`Highest ${name}`} onChange={(value2) => onChange({ value2 })} />
        </div>
      );
    case 'list':
      return <ListValue field={field} entity={entity} condition={condition} onChange={(value) => onChange({ value })} />;
    case 'period':
    case 'days':
      return (
        <div className={shape === 'days' ? 'qm-value qm-value--days' : 'qm-value'}>
          <DraftInput
            className="qm-input qm-input--number"
            inputMode="numeric"
            aria-label={shape === 'days' ? 'Number of days' : 'How many'}
            value={asText(condition.value)}
            placeholder="N"
            onCommit={(t) => onChange({ value: parseTyped({ ...field, type: 'integer' }, t) })}
          />
          {shape === 'period' ? (
            <select className="qm-select" aria-label="Unit" value={condition.unit ?? 'days'} onChange={(e) => onChange({ unit: e.target.value as AttributeCondition['unit'] })}>
              <option value="days">days</option>
              <option value="weeks">weeks</option>
              <option value="months">months</option>
            </select>
          ) : (
            <span className="qm-value__joiner">days</span>
          )}
          {condition.operator === 'more-than-ago' && <span className="qm-value__joiner">ago</span>}
          {shape === 'days' && <AnniversaryDates days={condition.value} />}
        </div>
      );
  }
}

/** The dates a "birthday within N days" covers, from the data's reference date: "Covers 3–10 Dec". */
function AnniversaryDates({ days }: { days: unknown }) {
  const { model } = useModeler();
  const text = anniversaryDatesText(model.referenceDate, days);
  if (text === undefined) return null;
  return (
    <span className="qm-value__dates" title={`Today (${model.referenceDate} in this data) and the ${String(days)} days after it. A 29 February birthday counts on 1 March in a year without one.`}>
      Covers {text}
    </span>
  );
}

function SingleValue({ field, value, label, onChange, text }: { field: FieldDef; value: RuleValue | undefined; label: string; onChange: (v: RuleValue) => void; text?: boolean }) {
  if (field.type === 'enum' && !text)
    return (
      <select className="qm-select qm-select--grow" aria-label={label} value={asText(value)} onChange={(e) => onChange(e.target.value === '' ? null : e.target.value)}>
        <option value="">Choose…</option>
        {field.values.map((v) => (
          <option key={v.value} value={v.value}>
            {v.label}
          </option>
        ))}
        {value !== undefined && value !== null && value !== '' && !field.values.some((v) => v.value === String(value)) && <option value={String(value)}>{String(value)} (unknown)</option>}
      </select>
    );
  if ((field.type === 'date' || field.type === 'timestamp') && !text)
    return <input type="date" className="qm-input qm-input--date" aria-label={label} value={asText(value).slice(0, 10)} onChange={(e) => onChange(e.target.value === '' ? null : e.target.value)} />;
  const numeric = !text && (field.type === 'integer' || field.type === 'decimal');
  return (
    <DraftInput
      className={`qm-input qm-input--grow${numeric ? ' qm-input--number' : ''}`}
      inputMode={numeric ? 'decimal' : undefined}
      aria-label={label}
      placeholder={text ? 'Text' : numeric ? 'Number' : 'Value'}
      value={asText(value)}
      onCommit={(t) => onChange(text ? t : parseTyped(field, t))}
    />
  );
}

function ListValue({ field, entity, condition, onChange }: { field: FieldDef; entity: string; condition: AttributeCondition; onChange: (v: RuleValue) => void }) {
  const items = Array.isArray(condition.value) ? condition.value : condition.value === undefined || condition.value === null ? [] : [condition.value];
  const name = labelOf(field);
  const toggle = (v: string | number | boolean) => {
    const has = items.some((x) => String(x) === String(v));
    onChange(has ? items.filter((x) => String(x) !== String(v)) : [...items, v]);
  };
  if (field.type === 'enum') {
    const summary = items.length === 0 ? 'Choose values…' : items.map((v) => displayValue(field, v)).join(', ');
    return (
      <div className="qm-value">
        <DialogTrigger>
          <Button className="qm-select qm-select--grow qm-multi" aria-label={`Values of ${name}: ${summary}`}>
            <span className="qm-multi__text">{summary}</span>
            <ChevronDown size={14} aria-hidden />
          </Button>
          <Popover className="qm-popover qm-popover--list" placement="bottom start">
            <Dialog className="qm-multi__dialog" aria-label={`Values of ${name}`}>
              <CheckboxGroup className="qm-checks" aria-label={`Values of ${name}`} value={items.map(String)} onChange={(values) => onChange(field.values.map((v) => v.value).filter((v) => values.includes(v)))}>
                {field.values.map((v) => (
                  <Checkbox key={v.value} value={v.value} className="qm-check">
                    <span className="qm-check__box" aria-hidden>
                      <Check size={12} />
                    </span>
                    {v.label}
                  </Checkbox>
                ))}
              </CheckboxGroup>
            </Dialog>
          </Popover>
        </DialogTrigger>
        {suggests(condition) && <ValueSuggestions entity={entity} path={condition.path} field={field} selected={items} multiple onPick={toggle} />}
      </div>
    );
  }
  return (
    <div className="qm-value">
      <DraftInput
        className="qm-input qm-input--grow"
        aria-label={`Values of ${name}, separated by commas`}
        placeholder="Values, separated by commas"
        value={items.map(String).join(', ')}
        onCommit={(t) =>
          onChange(
            t
              .split(',')
              .map((s) => s.trim())
              .filter((s) => s !== '')
              .map((s) => parseTyped(field, s) as string | number),
          )
        }
      />
      {suggests(condition) && <ValueSuggestions entity={entity} path={condition.path} field={field} selected={items} multiple onPick={toggle} />}
    </div>
  );
}
