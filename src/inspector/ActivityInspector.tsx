import { Switch } from 'react-aria-components';
import { getActivityDef, categoryTitles } from '../activities/registry';
import { activityForms } from '../activities/ui-registry';
import { iconFor } from '../canvas/activity-icons';
import { useEngineProblems } from '../canvas/counts/counts-store';
import { portsOf } from '../domain/ports';
import { statusOf } from '../domain/problems';
import { selectActivity, selectActivityProblems } from '../store/selectors';
import { useEditorStore, useEditorStoreApi } from '../store/useEditorStore';
import { LabelField } from './LabelField';
import { OutputConnections } from './OutputConnections';
import { ActivityEngineSection } from './engine/ActivityEngineSection';
import { ProblemList } from './ProblemList';
import { ChannelFunnel } from '../simulation/ChannelFunnel';

const statusText = { ok: 'Ready', incomplete: 'Incomplete', error: 'Has errors' } as const;

/** The inspector of one activity: label, enabled switch, summary of its type and ports, its form. */
export function ActivityInspector({ id }: { id: string }) {
  const store = useEditorStoreApi();
  const activity = useEditorStore(selectActivity(id));
  const validation = useEditorStore(selectActivityProblems(id));
  const engineProblems = useEngineProblems(id);
  // The status counts a failed query; the list leaves it to the Records section below, which tells
  // its reason with the engine's own message on demand, so that the inspector says it once.
  const problems = engineProblems.length === 0 ? validation : [...validation, ...engineProblems];
  if (!activity) return null;
  const def = getActivityDef(activity.type);
  const Icon = iconFor(def?.meta.icon);
  const ports = portsOf(activity);
  const status = statusOf(problems);
  const Form = activityForms[activity.type];
  const category = def?.meta.category;

  return (
    <section className="insp-section" aria-labelledby={`insp-title-${id}`}>
      <header className={`insp-head insp-head--${category ?? 'unknown'}`}>
        <span className="insp-head__icon" aria-hidden>
          <Icon size={18} />
        </span>
        <div className="insp-head__text">
          <h2 id={`insp-title-${id}`} className="insp-head__title" title={activity.label}>
            {activity.label}
          </h2>
          <p className="insp-head__caption">
            {def?.meta.title ?? activity.type}
            {category && ` · ${categoryTitles[category]}`}
          </p>
        </div>
        <span className={`insp-status insp-status--${status}`}>{statusText[status]}</span>
      </header>

      <LabelField
        key={id}
        value={activity.label}
        required
        onCommit={(label) => store.getState().relabelActivity(id, label)}
      />

      <Switch
        className="insp-switch"
        isSelected={!activity.disabled}
        onChange={(enabled) => store.getState().setDisabled([id], !enabled)}
      >
        <span className="insp-switch__track" aria-hidden>
          <span className="insp-switch__thumb" />
        </span>
        <span>
          Enabled
          <span className="insp-switch__hint">
            {activity.disabled
              ? 'This activity and what follows it do not run.'
              : 'Runs when the campaign runs.'}
          </span>
        </span>
      </Switch>

      {validation.length > 0 && <ProblemList problems={validation} compact label="Problems of this activity" />}

      <dl className="insp-summary">
        <dt>Type</dt>
        <dd>{def?.meta.title ?? `Unknown (${activity.type})`}</dd>
        {def && (
          <>
            <dt>Does</dt>
            <dd>{def.meta.description}</dd>
          </>
        )}
        <dt>Inputs</dt>
        <dd>{ports.in.length > 0 ? ports.in.map((p) => p.label).join(', ') : 'None (starts a branch)'}</dd>
        {ports.out.length === 0 && (
          <>
            <dt>Outputs</dt>
            <dd>None (ends a branch)</dd>
          </>
        )}
      </dl>

      <OutputConnections activity={activity} />

      <ActivityEngineSection activityId={id} />

      {category === 'channel' && <ChannelFunnel activityId={id} />}

      <div className="insp-settings" aria-label="Settings" role="group">
        <h3 className="insp-subtitle">Settings</h3>
        {Form ? (
          <Form
            activity={activity}
            onConfigChange={(config, group) => store.getState().updateConfig(id, config, group)}
          />
        ) : (
          <p className="insp-muted">
            The detailed settings of {def?.meta.title ?? 'this activity'} are not editable in this version.
          </p>
        )}
      </div>
    </section>
  );
}
