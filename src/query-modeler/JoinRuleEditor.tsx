import { Plus, X } from 'lucide-react';
import { Button } from 'react-aria-components';
import type { Problem } from '../domain/problems';
import type { JoinComparison, JoinOperand, JoinOperator, JoinRule, JoinTransform } from '../domain/rule-join';
import { SelectField, type SelectOption } from '../inspector/fields/SelectField';
import { TextField } from '../inspector/fields/TextField';
import { FieldMessages } from '../inspector/fields/FieldMessages';
import { removeItem, replaceItem } from '../inspector/fields/list-edits';

const operatorChoices: { value: JoinOperator; label: string }[] = [
  { value: 'equals', label: '=' },
  { value: 'not-equals', label: '≠' },
  { value: 'lt', label: '<' },
  { value: 'lte', label: '≤' },
  { value: 'gt', label: '>' },
  { value: 'gte', label: '≥' },
];
const transformChoices: { value: JoinTransform; label: string }[] = [
  { value: 'none', label: 'As is' },
  { value: 'lower', label: 'Lowercase' },
  { value: 'trim', label: 'Without spaces around' },
  { value: 'lower-trim', label: 'Lowercase, without spaces around' },
];
const VALUE = 'value:';

export interface JoinRuleEditorProps {
  rule: JoinRule;
  onChange: (rule: JoinRule, group?: string) => void;
  /** Names of the two sides, e.g. "Records" and "Joined table", used in option groups and labels. */
  sides: { records: string; other: string };
  /** Values of the main records (working-table columns, fields, to-one paths). */
  recordsOptions: readonly SelectOption[];
  /** Values of the other side (joined table's columns, or the dimension's fields). */
  otherOptions: readonly SelectOption[];
  problems?: readonly Problem[];
}

/**
 * The advanced join rule of Enrichment and Reconciliation: comparisons between a value of the
 * records and one of the other side (or a constant), each with optional case and space folding,
 * combined with "all of" or "any of". Names are chosen from lists, never typed.
 */
export function JoinRuleEditor({ rule, onChange, sides, recordsOptions, otherOptions, problems = [] }: JoinRuleEditorProps) {
  const named: SelectOption[] = [...recordsOptions.map((o) => ({ ...o, value: `records:${o.value}`, group: sides.records })), ...otherOptions.map((o) => ({ ...o, value: `other:${o.value}`, group: sides.other }))];
  const withValue: SelectOption[] = [...named, { value: VALUE, label: 'A constant value', group: 'Constant' }];
  const set = (i: number, c: JoinComparison, group?: string) => onChange({ ...rule, comparisons: replaceItem(rule.comparisons, i, c) }, group);
  const nextId = () => {
    const used = new Set(rule.comparisons.map((c) => c.id));
    let n = rule.comparisons.length + 1;
    while (used.has(`cmp-${n}`)) n++;
    return `cmp-${n}`;
  };

  return (
    <div className="insp-field">
      <SelectField
        label="Records match when"
        value={rule.combinator}
        options={[
          { value: 'and', label: 'All of these comparisons hold' },
          { value: 'or', label: 'Any of these comparisons holds' },
        ]}
        onChange={(combinator) => onChange({ ...rule, combinator: combinator as JoinRule['combinator'] })}
      />
      <ol className="ff-list" aria-label="Comparisons">
        {rule.comparisons.map((c, i) => {
          const n = i + 1;
          return (
            <li key={c.id} className="ff-card" aria-label={`Comparison ${n}`}>
              <div className="ff-row en-pair">
                <OperandFields operand={c.left} label={`Comparison ${n}: left`} options={named} onChange={(left, g) => set(i, { ...c, left }, g)} groupKey={`join-${c.id}-left`} />
                <button type="button" className="ff-icon-button ff-icon-button--danger" aria-label={`Remove comparison ${n}`} onClick={() => onChange({ ...rule, comparisons: removeItem(rule.comparisons, i) })}>
                  <X size={14} aria-hidden />
                </button>
              </div>
              <SelectField label={`Comparison ${n}: operator`} value={c.operator} options={operatorChoices} onChange={(operator) => set(i, { ...c, operator: operator as JoinOperator })} />
              <OperandFields operand={c.right} label={`Comparison ${n}: right`} options={withValue} onChange={(right, g) => set(i, { ...c, right }, g)} groupKey={`join-${c.id}-right`} />
              <FieldMessages problems={problems.filter((p) => p.path?.endsWith(`comparisons[${i}]`))} />
            </li>
          );
        })}
      </ol>
      <FieldMessages problems={problems.filter((p) => !/comparisons\[\d+\]$/.test(p.path ?? ''))} />
      <Button
        className="cc-button ff-add"
        onPress={() => onChange({ ...rule, comparisons: [...rule.comparisons, { id: nextId(), left: { side: 'records', name: '', transform: 'none' }, operator: 'equals', right: { side: 'other', name: '', transform: 'none' } }] })}
      >
        <Plus size={14} aria-hidden /> Add a comparison
      </Button>
    </div>
  );
}

/** One side of a comparison: which value (or a constant), and how text is folded. */
function OperandFields({ operand, label, options, onChange, groupKey }: { operand: JoinOperand; label: string; options: readonly SelectOption[]; onChange: (o: JoinOperand, group?: string) => void; groupKey: string }) {
  const value = operand.side === 'value' ? VALUE : operand.name === '' ? '' : `${operand.side}:${operand.name}`;
  const choose = (v: string) => {
    if (v === VALUE) return onChange({ side: 'value', value: '' });
    const at = v.indexOf(':');
    const side = v.slice(0, at) as 'records' | 'other';
    onChange({ side, name: v.slice(at + 1), transform: operand.side === 'value' ? 'none' : operand.transform });
  };
  return (
    <div className="ff-row en-pair">
      <SelectField label={label} value={value} placeholder="Choose…" options={options} onChange={choose} />
      {operand.side === 'value' ? (
        <TextField label={`${label}: constant`} value={String(operand.value)} onChange={(v) => onChange({ side: 'value', value: v }, groupKey)} />
      ) : (
        <SelectField label={`${label}: compared`} value={operand.transform} options={transformChoices} onChange={(t) => onChange({ ...operand, transform: t as JoinTransform })} />
      )}
    </div>
  );
}
