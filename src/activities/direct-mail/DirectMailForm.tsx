import { useState } from 'react';
import { Download } from 'lucide-react';
import type { ActivityFormProps } from '../ui-registry';
import { SendingSettings } from '../channel-delivery/SendingSettings';
import { directMailConfigSchema, type DirectMailConfig } from './definition';
import { ChannelCommonFields } from '../../inspector/fields/ChannelCommonFields';
import { TextField } from '../../inspector/fields/TextField';
import { ValueList } from '../../inspector/fields/ValueList';
import { FieldMessages } from '../../inspector/fields/FieldMessages';
import { UnreadableSettings } from '../../inspector/fields/UnreadableSettings';
import { useActivityFormData } from '../../inspector/fields/useActivityFormData';
import { usePortLossGuard } from '../../inspector/fields/usePortLossGuard';
import { useEngineClient } from '../../queries/EngineClientContext';
import { useEditorStoreApi } from '../../store/useEditorStore';
import { useInboundSchema } from '../../query-modeler/useInboundSchema';
import { downloadBlob } from '../../ui/download-text';
import { RecordPreview } from '../channel-content/RecordPreview';
import { useInboundTransitionId, useTokenSources } from '../channel-content/useChannelContent';
import { channelAudienceDoc } from '../channel-content/channel-audience';
import { mailingColumns, mailingCsv } from '../channel-content/mailing-file';
import '../../inspector/fields/fields.css';
import '../channel-content/channel-content.css';

type FileState = { status: 'idle' } | { status: 'busy' } | { status: 'done'; rows: number } | { status: 'error'; message: string };

/** Settings of Direct mail: the extraction file (name, format, columns), its download, and a record's address. */
export function DirectMailForm({ activity, onConfigChange }: ActivityFormProps) {
  const parsed = directMailConfigSchema.safeParse(activity.config);
  const data = useActivityFormData(activity);
  const sources = useTokenSources(activity.id, 'direct-mail');
  const scope = useInboundSchema(activity.id);
  const transitionId = useInboundTransitionId(activity.id);
  const client = useEngineClient();
  const store = useEditorStoreApi();
  const [file, setFile] = useState<FileState>({ status: 'idle' });
  const guard = usePortLossGuard(activity, (c) => onConfigChange(c));
  if (!parsed.success) return <UnreadableSettings onReset={() => onConfigChange(directMailConfigSchema.parse({}))} />;
  const config = parsed.data;
  const update = (patch: Partial<DirectMailConfig>, group?: string) => onConfigChange({ ...config, ...patch }, group);
  const postal = data.model && scope ? mailingColumns(data.model, scope.dimension, []) : [];
  const columns = data.model && scope ? mailingColumns(data.model, scope.dimension, config.columns) : config.columns;
  const download = async () => {
    const upstream = channelAudienceDoc(store.getState().doc, transitionId);
    if (!upstream || !transitionId) return;
    setFile({ status: 'busy' });
    try {
      const result = await client.mailingRecipients(upstream, transitionId, columns);
      downloadBlob(new Blob([mailingCsv(columns, result.rows)], { type: 'text/csv;charset=utf-8' }), config.fileName.trim() || 'mailing.csv');
      setFile({ status: 'done', rows: result.rows.length });
    } catch (e) {
      setFile({ status: 'error', message: e instanceof Error ? e.message : String(e) });
    }
  };
  return (
    <div className="ff-form">
      <ChannelCommonFields config={config} onChange={update} onOutboundChange={(emitOutbound) => guard.apply({ ...config, emitOutbound }, 'Stop emitting the outbound transition')}>
        <TextField label="File name" value={config.fileName} onChange={(fileName) => update({ fileName }, 'fileName')} help="The extraction file with the postal addresses, sent to the mailing provider." problems={data.problemsAt('fileName')} />
        <TextField label="Format" value={config.format} onChange={(format) => update({ format }, 'format')} suggestions={['A4 letter', 'A5 postcard', 'DL envelope', 'Catalogue']} help="What is printed and posted." />
        <div className="insp-field">
          <span className="insp-field__label">Postal address</span>
          {postal.length > 0 ? (
            <p className="ff-columns" aria-label="Postal address columns">
              {postal.map((c) => (
                <code key={c}>{c}</code>
              ))}
            </p>
          ) : (
            <p className="ff-hint">{scope ? 'The data model gives these records no postal address: choose the columns below.' : 'Connect an audience to see its postal address fields.'}</p>
          )}
          <p className="ff-hint">The file starts with the address lines of the data model, in print order.</p>
        </div>
        <ValueList
          label="More columns"
          values={config.columns}
          options={sources.filter((s) => !postal.includes(s.path)).map((s) => ({ value: s.path, label: s.label, group: s.group }))}
          onChange={(cols) => update({ columns: cols })}
          addLabel="Add a column"
        />
        <FieldMessages problems={data.problemsAt('columns')} />
        <div className="insp-field">
          <button type="button" className="ff-add cc-download" onClick={() => void download()} disabled={!transitionId || columns.length === 0 || file.status === 'busy'}>
            <Download size={14} aria-hidden /> Download the file
          </button>
          <p className="ff-hint" role="status">
            {file.status === 'busy' && 'Preparing the file…'}
            {file.status === 'done' && `${config.fileName.trim() || 'mailing.csv'}: ${file.rows.toLocaleString('en-US')} recipient${file.rows === 1 ? '' : 's'}, one per line.`}
            {file.status === 'idle' && 'One line per recipient of the inbound transition, with the columns above (CSV).'}
          </p>
          {file.status === 'error' && <FieldMessages problems={[{ severity: 'error', message: `The file could not be made: ${file.message}` }]} />}
        </div>
        <RecordPreview activity={activity} paths={columns} title="Preview of a line">
          {(record) => (
            <dl className="cc-envelope" data-testid="mail-preview">
              {columns.map((c) => (
                <div key={c} className="cc-envelope__row">
                  <dt>{c}</dt>
                  <dd>{String(record.valueOf(c) ?? '')}</dd>
                </div>
              ))}
            </dl>
          )}
        </RecordPreview>
      </ChannelCommonFields>
      <SendingSettings activity={activity} config={config} onChange={update} />
      {guard.dialog}
    </div>
  );
}
