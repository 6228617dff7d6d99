import { memo } from 'react';
import { BaseEdge, EdgeLabelRenderer, getBezierPath, type EdgeProps } from '@xyflow/react';
import { activityById } from '../../store/selectors';
import { useEditorStore } from '../../store/useEditorStore';
import type { TransitionEdgeType } from '../flow-types';
import { InsertActivityButton } from './InsertActivityButton';
import { TransitionCountBadge } from './TransitionCountBadge';
import { useTransitionCount } from './useTransitionCount';
import { useTransitionTrace } from '../../trace/trace-store';
import './edges.css';

/**
 * A transition: a curve with an arrow, its label, its count (once computed) and a "+" button that
 * inserts an activity on it. Highlighted while a palette drag hovers it, to show a drop inserts there.
 */
function TransitionEdgeView(props: EdgeProps<TransitionEdgeType>) {
  const { id, data, selected, markerEnd } = props;
  const [path, labelX, labelY] = getBezierPath(props);
  const dropTarget = useEditorStore((s) => s.dropTransitionId === id);
  const sourceId = data?.transition.source.activityId ?? '';
  const sourceDisabled = useEditorStore((s) => activityById(s.doc.activities, sourceId)?.disabled ?? false);
  const count = useTransitionCount(id);
  const label = data?.transition.label ?? '';
  const campaignId = useEditorStore((s) => s.doc.id);
  const traced = useTransitionTrace(campaignId, id);

  const stateClass = `${selected ? ' cv-edge--selected' : ''}${dropTarget ? ' cv-edge--drop' : ''}${sourceDisabled ? ' cv-edge--disabled' : ''}${traced ? ` cv-edge--trace-${traced}` : ''}`;
  return (
    <>
      <BaseEdge id={id} path={path} markerEnd={markerEnd} className={`cv-edge${stateClass}`} interactionWidth={24} />
      <EdgeLabelRenderer>
        <div
          className={`cv-edge-label nodrag nopan${stateClass}`}
          style={{ transform: `translate(-50%, -50%) translate(${labelX}px, ${labelY}px)` }}
          data-transition-id={id}
        >
          {label && (
            <span className="cv-edge-label__text" title={label}>
              {label}
            </span>
          )}
          <TransitionCountBadge count={count} />
          <InsertActivityButton transitionId={id} />
        </div>
      </EdgeLabelRenderer>
    </>
  );
}

export const TransitionEdge = memo(TransitionEdgeView);
