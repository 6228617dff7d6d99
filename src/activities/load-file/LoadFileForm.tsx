import { byId } from '../../domain/ids';
import { useId, useState } from 'react';
import { FileUp } from 'lucide-react';
import type { ActivityFormProps } from '../ui-registry';
import { loadFileConfigSchema, MAX_FILE_CHARS, type LoadFileConfig } from './definition';
import { parseCsv } from './parse';
import { decodeUtf8 } from '../../domain/text-file';
import { inferColumns } from './infer-columns';
import { FileColumnsTable } from './FileColumnsTable';
import { useCountOutputs } from '../../queries/useCountOutputs';
import { useEditorStore } from '../../store/useEditorStore';
import { FieldMessages } from '../../inspector/fields/FieldMessages';
import { SelectField } from '../../inspector/fields/SelectField';
import { SwitchField } from '../../inspector/fields/SwitchField';
import { UnreadableSettings } from '../../inspector/fields/UnreadableSettings';
import { useActivityFormData } from '../../inspector/fields/useActivityFormData';
import '../../inspector/fields/fields.css';
import './load-file-form.css';

/**
 * Settings of Load file: the CSV itself (read from a file the person picks, stored in the
 * campaign), how it is cut into columns, each column's type and error handling, and the number of
 * lines rejected once the engine has read it.
 */
export function LoadFileForm({ activity, onConfigChange }: ActivityFormProps) {
  const parsed = loadFileConfigSchema.safeParse(activity.config);
  const data = useActivityFormData(activity);
  const doc = useEditorStore((s) => s.doc);
  const outputs = byId(useCountOutputs(doc), activity.id);
  const inputId = useId();
  const [readError, setReadError] = useState<string>();
  if (!parsed.success) return <UnreadableSettings onReset={() => onConfigChange(loadFileConfigSchema.parse({}))} />;
  const config = parsed.data;
  const update = (patch: Partial<LoadFileConfig>, group?: string) => onConfigChange({ ...config, ...patch }, group);
  const describe = (content: string, delimiter: string, header: boolean) => inferColumns(parseCsv(content, delimiter).rows.slice(0, 201), header);

  const pick = async (file: File | undefined) => {
    if (!file) return;
    // UTF-8 only: text in another encoding is refused where it starts, not stored with U+FFFD.
    const decoded = decodeUtf8(new Uint8Array(await file.arrayBuffer()));
    if (!decoded.ok) {
      setReadError(`${file.name}, line ${decoded.line}, column ${decoded.column}: ${decoded.message}.`);
      return;
    }
    const content = decoded.text;
    if (content.length > MAX_FILE_CHARS) {
      setReadError(`This file has ${content.length.toLocaleString('en-US')} characters; a campaign stores files of up to ${MAX_FILE_CHARS.toLocaleString('en-US')} (lists, not data sets).`);
      return;
    }
    setReadError(undefined);
    // A new file is described afresh: its columns are likely not the previous file's.
    update({ fileName: file.name, content, columns: describe(content, config.delimiter, config.header) });
  };
  const lines = config.content === '' ? 0 : parseCsv(config.content, config.delimiter).rows.length - (config.header ? 1 : 0);
  const rejected = outputs?.rejected;

  return (
    <div className="ff-form">
      <section className="ff-section" aria-label="File">
        <div className="insp-field">
          <span className="insp-field__label">File</span>
          <input id={inputId} className="insp-visually-hidden" type="file" accept=".csv,.txt,text/csv,text/plain" aria-label="CSV file" onChange={(e) => void pick(e.target.files?.[0])} />
          <label className="cc-button lf-pick" htmlFor={inputId}>
            <FileUp size={15} aria-hidden /> {config.fileName ? 'Choose another file…' : 'Choose a CSV file…'}
          </label>
          {config.fileName && (
            <p className="ff-hint">
              <strong>{config.fileName}</strong> · {lines.toLocaleString('en-US')} line{lines === 1 ? '' : 's'} of records · stored in the campaign
            </p>
          )}
          <FieldMessages problems={[...(readError ? [{ severity: 'error' as const, message: readError }] : []), ...data.problemsAt('content')]} />
        </div>
        <div className="ff-row">
          <SelectField
            label="Delimiter"
            value={config.delimiter}
            options={[
              { value: 'auto', label: 'Detect' },
              { value: ',', label: 'Comma ,' },
              { value: ';', label: 'Semicolon ;' },
              { value: '\t', label: 'Tab' },
              { value: '|', label: 'Pipe |' },
            ]}
            onChange={(d) => update({ delimiter: d as LoadFileConfig['delimiter'], ...(config.content ? { columns: describe(config.content, d, config.header) } : {}) })}
          />
        </div>
        <SwitchField
          label="First line holds headings"
          isSelected={config.header}
          onChange={(header) => update({ header, ...(config.content ? { columns: describe(config.content, config.delimiter, header) } : {}) })}
          hintOn="Columns are found by their heading."
          hintOff="Columns are read in order; every line is a record."
        />
      </section>

      <section className="ff-section" aria-label="Columns">
        <h4 className="ff-section__title">Columns</h4>
        {config.columns.length === 0 ? <p className="ff-hint">Choose a file: its columns are described from its first lines, and you can adjust them.</p> : <FileColumnsTable columns={config.columns} header={config.header} onChange={(columns, group) => update({ columns }, group)} problemsAt={(path) => data.problemsAt(path)} />}
        <FieldMessages problems={data.problems.filter((p) => p.path === 'columns')} />
      </section>

      <section className="ff-section" aria-label="Rejected lines">
        <h4 className="ff-section__title">Rejected lines</h4>
        <p className="ff-hint" role="status">
          {rejected === undefined
            ? 'Counted once the file has been read.'
            : rejected === 0
              ? 'No line rejected.'
              : `${rejected.toLocaleString('en-US')} line${rejected === 1 ? '' : 's'} rejected: connect the “Rejected lines” output to see them with the reason.`}
        </p>
      </section>
    </div>
  );
}
