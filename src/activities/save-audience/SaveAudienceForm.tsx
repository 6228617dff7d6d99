import { useMemo } from 'react';
import { History, Loader2 } from 'lucide-react';
import type { ActivityFormProps } from '../ui-registry';
import { saveAudienceConfigSchema } from './definition';
import { TextField } from '../../inspector/fields/TextField';
import { UnreadableSettings } from '../../inspector/fields/UnreadableSettings';
import { useActivityFormData } from '../../inspector/fields/useActivityFormData';
import { useEditorStore } from '../../store/useEditorStore';
import { useRecordRun, useSavedAudiences } from '../../queries/useEngineState';
import { useCountOutputs } from '../../queries/useCountOutputs';
import { formatRunTime } from '../incremental-query/format-run-time';
import '../../inspector/fields/fields.css';

/** Settings of Save audience: the name the working table's records are saved under. */
export function SaveAudienceForm({ activity, onConfigChange }: ActivityFormProps) {
  const parsed = saveAudienceConfigSchema.safeParse(activity.config);
  const data = useActivityFormData(activity);
  const doc = useEditorStore((s) => s.doc);
  const activities = doc.activities;
  const saved = useSavedAudiences();
  const wouldSave = useCountOutputs(doc)[activity.id]?.out;
  const run = useRecordRun();
  // Names other activities of this campaign write or read: reusing one keeps readers in step.
  const names = useMemo(
    () =>
      [
        ...new Set(
          activities
            .filter(
              (a) => a.id !== activity.id && (a.type === 'save-audience' || a.type === 'build-audience'),
            )
            .map((a) => String((a.config as { audienceName?: unknown }).audienceName ?? '').trim()),
        ),
      ].filter((n) => n !== ''),
    [activities, activity.id],
  );
  if (!parsed.success)
    return <UnreadableSettings onReset={() => onConfigChange(saveAudienceConfigSchema.parse({}))} />;
  const config = parsed.data;
  const current = saved.data?.audiences.find((a) => a.usable && a.name === config.audienceName.trim());
  const sameNameElsewhere = activities.some(
    (a) =>
      a.id !== activity.id &&
      a.type === 'save-audience' &&
      String((a.config as { audienceName?: unknown }).audienceName ?? '').trim() ===
        config.audienceName.trim() &&
      config.audienceName.trim() !== '',
  );
  return (
    <div className="ff-form">
      <TextField
        label="Audience name"
        value={config.audienceName}
        commit="blur"
        suggestions={names}
        placeholder="e.g. Win-back holdout"
        onChange={(audienceName) => onConfigChange({ ...config, audienceName: audienceName.trim() })}
        help="Build audience activities read it back (“From a saved audience”), in this campaign or another."
        problems={[
          ...data.problemsAt('audienceName'),
          ...(sameNameElsewhere
            ? [
                {
                  severity: 'warning' as const,
                  message:
                    'Another Save audience of this campaign writes this name: the last one computed wins.',
                },
              ]
            : []),
        ]}
      />
      <p className="ff-note" role="note">
        The audience is written when the campaign runs, fully overwritten with the records that reach this activity
        (keys only, no enrichment columns). Counting while you edit saves nothing. It is kept in this browser with the
        data it was saved from.
      </p>
      {config.audienceName.trim() !== '' && wouldSave !== undefined && (
        <p className="ff-hint" role="status" aria-label="Would save">
          Would save {wouldSave.toLocaleString('en-US')} {wouldSave === 1 ? 'record' : 'records'} when the campaign runs.
        </p>
      )}
      <div>
        <button
          type="button"
          className="insp-button"
          onClick={() => run.mutate(doc)}
          disabled={run.isPending || config.audienceName.trim() === ''}
        >
          {run.isPending ? <Loader2 size={14} className="cc-spinner" aria-hidden /> : <History size={14} aria-hidden />}
          Record a run now
        </button>
      </div>
      {run.error && (
        <p className="iq-runs__error" role="alert">
          The run could not be recorded: {run.error.message}
        </p>
      )}
      {current && (
        <p className="ff-hint" role="status" aria-label="Last saved">
          Last saved {formatRunTime(current.savedAt)}: {current.count.toLocaleString('en-US')} records, from{' '}
          {current.datasetLabel}.
        </p>
      )}
    </div>
  );
}
