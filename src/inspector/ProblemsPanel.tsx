import { useEffect, useRef, useState } from 'react';
import { onProblemsPanelRequest } from '../lifecycle/problems-request';
import { ChevronDown, CircleCheck } from 'lucide-react';
import { useEngineProblems } from '../canvas/counts/counts-store';
import { problemsOf } from '../store/selectors';
import { useEditorStore, useEditorStoreApi } from '../store/useEditorStore';
import { ProblemList } from './ProblemList';

/**
 * Every validation problem of the campaign. Clicking one selects its activity and brings it into
 * view; the same problems show as badges on the nodes.
 */
export function ProblemsPanel() {
  const store = useEditorStoreApi();
  const doc = useEditorStore((s) => s.doc);
  const model = useEditorStore((s) => s.dataModel);
  const [open, setOpen] = useState(true);
  const toggle = useRef<HTMLButtonElement>(null);
  // A refused publish opens the panel on the errors and moves the focus to it.
  useEffect(
    () =>
      onProblemsPanelRequest(() => {
        setOpen(true);
        toggle.current?.focus();
        toggle.current?.scrollIntoView({ block: 'nearest' });
      }),
    [],
  );
  const engineProblems = useEngineProblems();
  // Validation problems, then the queries that failed in the engine (code `engine-error`).
  // The simulation settings' problems are the campaign's own: selecting one shows the campaign settings.
  const validation = problemsOf(doc, model).all;
  const problems = engineProblems.length === 0 ? validation : [...validation, ...engineProblems];
  const errors = problems.filter((p) => p.severity === 'error').length;
  const warnings = problems.length - errors;
  const labels = new Map(doc.activities.map((a) => [a.id, a.label]));

  return (
    <section className="insp-problems-panel" aria-labelledby="problems-title">
      <h2 className="insp-problems-panel__title" id="problems-title">
        <button ref={toggle} type="button" className="insp-problems-panel__toggle" aria-expanded={open} onClick={() => setOpen(!open)}>
          <ChevronDown size={16} aria-hidden className={open ? '' : 'insp-rotated'} />
          Problems
          <span className="insp-count" aria-label={`${problems.length} problems`}>
            {problems.length}
          </span>
          {problems.length > 0 && (
            <span className="insp-problems-panel__tally">
              {errors > 0 && `${errors} ${errors === 1 ? 'error' : 'errors'}`}
              {errors > 0 && warnings > 0 && ', '}
              {warnings > 0 && `${warnings} ${warnings === 1 ? 'warning' : 'warnings'}`}
            </span>
          )}
        </button>
      </h2>
      {open && (
        <div className="insp-problems-panel__body">
          {problems.length === 0 ? (
            <p className="insp-ok">
              <CircleCheck size={16} aria-hidden /> {doc.activities.length === 0 ? 'Nothing to check yet.' : 'No problems found.'}
            </p>
          ) : (
            <ProblemList
              problems={problems}
              labelOf={(p) => (p.activityId ? labels.get(p.activityId) : undefined)}
              onSelect={(p) => {
                const s = store.getState();
                if (p.code === 'simulation-settings') s.clearSelection();
                if (!p.activityId) return;
                s.setSelection({ activityIds: [p.activityId], transitionIds: [] });
                s.requestFocus([p.activityId], 'centre');
              }}
            />
          )}
        </div>
      )}
    </section>
  );
}
