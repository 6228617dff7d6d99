import { useMemo, useRef } from 'react';
import { MarkerType } from '@xyflow/react';
import type { Activity, Transition } from '../domain/campaign';
import { useEditorStore } from '../store/useEditorStore';
import type { ActivityNodeType, TransitionEdgeType } from './flow-types';

/**
 * React Flow nodes derived from the document. A node object is rebuilt only when its activity,
 * selection, measured size or drag position changed; every other node keeps its identity, so
 * React Flow (and the memoised node component) skip it.
 */
export function useFlowNodes(): ActivityNodeType[] {
  const activities = useEditorStore((s) => s.doc.activities);
  const selected = useEditorStore((s) => s.selection.activityIds);
  const drag = useEditorStore((s) => s.dragPositions);
  const measured = useEditorStore((s) => s.measured);
  const cache = useRef(new Map<string, ActivityNodeType>());

  return useMemo(() => {
    const selectedIds = new Set(selected);
    const next = new Map<string, ActivityNodeType>();
    const nodes = activities.map((activity: Activity) => {
      const prev = cache.current.get(activity.id);
      const position = drag?.[activity.id] ?? activity.position;
      const size = measured[activity.id];
      const isSelected = selectedIds.has(activity.id);
      const node =
        prev &&
        prev.data.activity === activity &&
        prev.selected === isSelected &&
        prev.position.x === position.x &&
        prev.position.y === position.y &&
        prev.measured?.width === size?.width &&
        prev.measured?.height === size?.height
          ? prev
          : {
              id: activity.id,
              type: 'activity' as const,
              position,
              data: { activity },
              selected: isSelected,
              ariaLabel: activity.label,
              ...(size ? { measured: size } : {}),
            };
      next.set(activity.id, node);
      return node;
    });
    cache.current = next;
    return nodes;
  }, [activities, selected, drag, measured]);
}

const marker = { type: MarkerType.ArrowClosed, width: 16, height: 16, color: '#9aa0b4' };
const selectedMarker = { ...marker, color: '#3b5bdb' };

/** React Flow edges derived from the document, with the same identity-keeping as the nodes. */
export function useFlowEdges(): TransitionEdgeType[] {
  const transitions = useEditorStore((s) => s.doc.transitions);
  const activities = useEditorStore((s) => s.doc.activities);
  const selected = useEditorStore((s) => s.selection.transitionIds);
  const cache = useRef(new Map<string, TransitionEdgeType>());

  // Labels name both ends; they only change when an activity is renamed, so index labels once.
  const labels = useMemo(() => new Map(activities.map((a) => [a.id, a.label])), [activities]);

  return useMemo(() => {
    const selectedIds = new Set(selected);
    const next = new Map<string, TransitionEdgeType>();
    const edges = transitions.map((transition: Transition) => {
      const prev = cache.current.get(transition.id);
      const isSelected = selectedIds.has(transition.id);
      const ariaLabel = `Transition from ${labels.get(transition.source.activityId) ?? '?'} to ${labels.get(transition.target.activityId) ?? '?'}${transition.label ? `: ${transition.label}` : ''}`;
      const edge =
        prev && prev.data?.transition === transition && prev.selected === isSelected && prev.ariaLabel === ariaLabel
          ? prev
          : {
              id: transition.id,
              type: 'transition' as const,
              source: transition.source.activityId,
              sourceHandle: transition.source.port,
              target: transition.target.activityId,
              targetHandle: transition.target.port,
              data: { transition },
              selected: isSelected,
              ariaLabel,
              markerEnd: isSelected ? selectedMarker : marker,
            };
      next.set(transition.id, edge);
      return edge;
    });
    cache.current = next;
    return edges;
  }, [transitions, selected, labels]);
}
