import { useMemo, useRef } from 'react';
import { useDragPositions, useEditorStore } from '../store/useEditorStore';
import { deriveEdges, deriveNodes } from './flow-elements';
import type { ActivityNodeType, TransitionEdgeType } from './flow-types';
import { isLargeCampaign } from './large-campaign';

/** React Flow nodes derived from the document, keeping the identity of unchanged nodes. */
export function useFlowNodes(): ActivityNodeType[] {
  const activities = useEditorStore((s) => s.doc.activities);
  const selected = useEditorStore((s) => s.selection.activityIds);
  const drag = useDragPositions();
  const measured = useEditorStore((s) => s.measured);
  const vertical = useEditorStore((s) => s.doc.settings.orientation === 'vertical');
  const large = isLargeCampaign(activities.length);
  const cache = useRef(new Map<string, ActivityNodeType>());
  const cachedVertical = useRef(vertical);
  return useMemo(() => {
    // Estimated handles follow the orientation: none of the previous nodes is kept across a flip.
    if (cachedVertical.current !== vertical) cache.current = new Map();
    cachedVertical.current = vertical;
    const estimate = large ? { vertical } : undefined;
    const r = deriveNodes(
      activities,
      { selected: new Set(selected), drag, measured, estimate },
      cache.current,
    );
    cache.current = r.cache;
    return r.nodes;
  }, [activities, selected, drag, measured, large, vertical]);
}

/** React Flow edges derived from the document, keeping the identity of unchanged edges. */
export function useFlowEdges(): TransitionEdgeType[] {
  const transitions = useEditorStore((s) => s.doc.transitions);
  const activities = useEditorStore((s) => s.doc.activities);
  const selected = useEditorStore((s) => s.selection.transitionIds);
  const cache = useRef(new Map<string, TransitionEdgeType>());
  // Edge names mention both ends; index the labels once per activities change.
  const labels = useMemo(() => new Map(activities.map((a) => [a.id, a.label])), [activities]);
  return useMemo(() => {
    const r = deriveEdges(transitions, new Set(selected), labels, cache.current);
    cache.current = r.cache;
    return r.edges;
  }, [transitions, selected, labels]);
}
