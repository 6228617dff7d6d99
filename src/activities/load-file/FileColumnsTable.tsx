import { Trash2 } from 'lucide-react';
import type { FileColumn } from './definition';
import { fileColumnTypes } from './parse';
import { SelectField } from '../../inspector/fields/SelectField';
import { TextField } from '../../inspector/fields/TextField';
import { removeItem, replaceItem } from '../../inspector/fields/list-edits';
import { FieldMessages } from '../../inspector/fields/FieldMessages';
import type { Problem } from '../../domain/problems';

const typeLabels: Record<FileColumn['type'], string> = { string: 'Text', integer: 'Whole number', decimal: 'Decimal number', boolean: 'Yes/no', date: 'Date (YYYY-MM-DD)', timestamp: 'Date and time' };
/** What a column of a type accepts, in the words of docs/activities.md (Load file). */
const typeHelp: Partial<Record<FileColumn['type'], string>> = {
  date: 'A calendar day written YYYY-MM-DD.',
  timestamp: 'YYYY-MM-DD, YYYY-MM-DD HH:MM or YYYY-MM-DD HH:MM:SS; a T may stand for the space (2025-01-31T09:30). No time zone and no fractions of a second.',
};

/** The columns read from a file: name, heading, type and what to do with a value that does not convert. */
export function FileColumnsTable({
  columns,
  onChange,
  header,
  problemsAt,
}: {
  columns: readonly FileColumn[];
  onChange: (columns: FileColumn[], group?: string) => void;
  header: boolean;
  /** Problems of the activity at a config path (`columns[1].defaultValue`), shown by the field concerned. */
  problemsAt: (path: string) => Problem[];
}) {
  return (
    <ol className="ff-list" aria-label="Columns">
      {columns.map((c, i) => {
        const set = (patch: Partial<FileColumn>, group?: string) => onChange(replaceItem(columns, i, { ...c, ...patch }), group);
        const name = c.name || `column ${i + 1}`;
        return (
          <li key={i} className="ff-card" aria-label={`Column ${name}`}>
            <div className="ff-card__head">
              <h5 className="ff-card__title">
                {i + 1}. {header && c.source && c.source !== c.name ? `${c.source} → ${c.name}` : name}
              </h5>
              <button type="button" className="ff-icon-button ff-icon-button--danger" aria-label={`Do not read ${name}`} onClick={() => onChange(removeItem(columns, i))}>
                <Trash2 size={15} aria-hidden />
              </button>
            </div>
            <div className="ff-row">
              <TextField
                label="Column name"
                value={c.name}
                onChange={(v) => set({ name: v }, `file-column-name-${i}`)}
                problems={problemsAt(`columns[${i}].name`)}
              />
              <SelectField label="Type" value={c.type} options={fileColumnTypes.map((t) => ({ value: t, label: typeLabels[t] }))} onChange={(t) => set({ type: t as FileColumn['type'] })} {...(typeHelp[c.type] ? { help: typeHelp[c.type] } : {})} />
            </div>
            <div className="ff-row">
              <SelectField
                label="A value that does not convert"
                value={c.onError}
                options={[
                  { value: 'reject', label: 'Rejects the line' },
                  { value: 'ignore', label: 'Is left empty' },
                  { value: 'default', label: 'Is replaced by a default' },
                ]}
                onChange={(v) => set({ onError: v as FileColumn['onError'] })}
              />
              {c.onError === 'default' && (
                <TextField label="Default value" value={c.defaultValue} onChange={(v) => set({ defaultValue: v }, `file-column-default-${i}`)} problems={problemsAt(`columns[${i}].defaultValue`)} />
              )}
            </div>
            <FieldMessages problems={problemsAt(`columns[${i}].source`)} />
          </li>
        );
      })}
    </ol>
  );
}
