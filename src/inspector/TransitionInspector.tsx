import { ArrowRight, Trash2 } from 'lucide-react';
import { portsOf } from '../domain/ports';
import { selectTransition } from '../store/selectors';
import { useEditorStore, useEditorStoreApi } from '../store/useEditorStore';
import { LabelField } from './LabelField';
import { TransitionEngineSection } from './engine/TransitionEngineSection';

/** The inspector of one transition: where it goes, its label, delete. */
export function TransitionInspector({ id }: { id: string }) {
  const store = useEditorStoreApi();
  const transition = useEditorStore(selectTransition(id));
  const source = useEditorStore((s) => s.doc.activities.find((a) => a.id === transition?.source.activityId));
  const target = useEditorStore((s) => s.doc.activities.find((a) => a.id === transition?.target.activityId));
  if (!transition) return null;
  const outLabel = source && portsOf(source).out.find((p) => p.id === transition.source.port)?.label;

  return (
    <section className="insp-section" aria-labelledby={`insp-title-${id}`}>
      <header className="insp-head insp-head--transition">
        <span className="insp-head__icon" aria-hidden>
          <ArrowRight size={18} />
        </span>
        <div className="insp-head__text">
          <h2 id={`insp-title-${id}`} className="insp-head__title">
            Transition
          </h2>
          <p className="insp-head__caption" title={`${source?.label} → ${target?.label}`}>
            {source?.label ?? '?'} → {target?.label ?? '?'}
          </p>
        </div>
      </header>
      <LabelField
        key={id}
        value={transition.label}
        placeholder="e.g. VIP customers"
        onCommit={(label) => store.getState().relabelTransition(id, label)}
      />
      <dl className="insp-summary">
        <dt>From</dt>
        <dd>
          {source?.label ?? '?'}
          {outLabel && <span className="insp-muted"> · output “{outLabel}”</span>}
        </dd>
        <dt>To</dt>
        <dd>{target?.label ?? '?'}</dd>
      </dl>
      <TransitionEngineSection transitionId={id} title={`${source?.label ?? '?'} → ${target?.label ?? '?'}`} />
      <button type="button" className="insp-button insp-button--danger" onClick={() => store.getState().removeElements({ transitionIds: [id] })}>
        <Trash2 size={15} aria-hidden /> Delete transition
      </button>
    </section>
  );
}
