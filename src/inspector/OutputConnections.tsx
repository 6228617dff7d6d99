import { useId } from 'react';
import { X } from 'lucide-react';
import { checkConnection } from '../domain/connection-rules';
import { portsOf } from '../domain/ports';
import type { Activity } from '../domain/campaign';
import { useEditorStore, useEditorStoreApi } from '../store/useEditorStore';

/**
 * The outputs of an activity with where each one leads, and a "Connect to" choice per output: the
 * keyboard way to draw a transition, offering only activities the connection rules accept.
 */
export function OutputConnections({ activity }: { activity: Activity }) {
  const store = useEditorStoreApi();
  const doc = useEditorStore((s) => s.doc);
  const baseId = useId();
  const ports = portsOf(activity).out;
  if (ports.length === 0) return null;
  const labelOf = new Map(doc.activities.map((a) => [a.id, a.label]));

  return (
    <div className="insp-outputs" role="group" aria-labelledby={`${baseId}-title`}>
      <h3 className="insp-subtitle" id={`${baseId}-title`}>
        {ports.length === 1 ? 'Output' : 'Outputs'}
      </h3>
      {ports.map((port) => {
        const source = { activityId: activity.id, port: port.id };
        const outgoing = doc.transitions.filter((t) => t.source.activityId === activity.id && t.source.port === port.id);
        const candidates = doc.activities.flatMap((a) => {
          const input = portsOf(a).in[0];
          if (!input) return [];
          const target = { activityId: a.id, port: input.id };
          return checkConnection(doc, source, target).ok ? [{ activity: a, target }] : [];
        });
        const selectId = `${baseId}-${port.id}`;
        return (
          <div key={port.id} className="insp-output">
            <div className="insp-output__name">{port.label}</div>
            {outgoing.map((t) => (
              <div key={t.id} className="insp-output__link">
                <span className="insp-output__target" title={labelOf.get(t.target.activityId)}>
                  → {labelOf.get(t.target.activityId) ?? '?'}
                </span>
                <button
                  type="button"
                  className="insp-output__remove"
                  aria-label={`Remove the transition to ${labelOf.get(t.target.activityId) ?? 'this activity'}`}
                  onClick={() => store.getState().removeElements({ transitionIds: [t.id] })}
                >
                  <X size={14} aria-hidden />
                </button>
              </div>
            ))}
            {(outgoing.length === 0 || port.multiple) && (
              <>
                <label htmlFor={selectId} className="insp-visually-hidden">
                  Connect {port.label} to
                </label>
                <select
                  id={selectId}
                  className="insp-select"
                  value=""
                  disabled={candidates.length === 0}
                  onChange={(e) => {
                    const pick = candidates.find((c) => c.activity.id === e.target.value);
                    if (pick) store.getState().connect(source, pick.target);
                  }}
                >
                  <option value="">{candidates.length === 0 ? 'No activity can follow here' : 'Connect to…'}</option>
                  {candidates.map((c) => (
                    <option key={c.activity.id} value={c.activity.id}>
                      {c.activity.label}
                    </option>
                  ))}
                </select>
              </>
            )}
          </div>
        );
      })}
    </div>
  );
}
