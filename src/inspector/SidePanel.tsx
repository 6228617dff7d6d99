import { useLayoutEffect, useRef } from 'react';
import { selectInspected } from '../store/selectors';
import { useEditorStore } from '../store/useEditorStore';
import { Inspector } from './Inspector';
import { ProblemsPanel } from './ProblemsPanel';
import { TracePanel } from '../trace/TracePanel';
import './inspector.css';

/** The right-hand panel: the inspector of the selection above, the campaign's problems below. */
export function SidePanel({ lockReason = null }: { lockReason?: string | null }) {
  const scroller = useRef<HTMLDivElement>(null);
  // Another selection opens at its top: the previous one's scroll position says nothing about it.
  const shown = useEditorStore((s) => {
    const inspected = selectInspected(s);
    return 'id' in inspected ? `${inspected.kind}:${inspected.id}` : inspected.kind;
  });
  useLayoutEffect(() => {
    if (scroller.current) scroller.current.scrollTop = 0;
  }, [shown]);
  return (
    <aside className="insp-panel" aria-label="Inspector">
      <div className="insp-panel__scroll" ref={scroller}>
        <TracePanel />
        {lockReason !== null && (
          <p className="insp-locked-reason" id="insp-locked-reason">
            {lockReason}
          </p>
        )}
        {/* A published version: every field is disabled, the reason above it. */}
        <fieldset className="insp-lock" disabled={lockReason !== null} aria-describedby={lockReason !== null ? 'insp-locked-reason' : undefined}>
          <Inspector />
        </fieldset>
      </div>
      <ProblemsPanel />
    </aside>
  );
}
