import { useCallback } from 'react';
import { useReactFlow, useStoreApi } from '@xyflow/react';
import type { Position } from '../domain/campaign';
import { NODE_BOX } from '../store/node-size';
import { useEditorStoreApi } from '../store/useEditorStore';

/**
 * Returns a function giving the flow position where a new activity should go so that it is centred
 * in the visible canvas, nudged down-right while that spot is taken so repeated adds do not stack.
 */
export function useViewportCentre(): () => Position {
  const { screenToFlowPosition } = useReactFlow();
  const flowStore = useStoreApi();
  const editor = useEditorStoreApi();
  return useCallback(() => {
    const dom = flowStore.getState().domNode;
    const rect = dom?.getBoundingClientRect();
    const centre = rect
      ? screenToFlowPosition({ x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 })
      : { x: 0, y: 0 };
    let at = { x: Math.round(centre.x - NODE_BOX.width / 2), y: Math.round(centre.y - NODE_BOX.height / 2) };
    const taken = editor.getState().doc.activities.map((a) => a.position);
    for (let i = 0; i < 50 && taken.some((p) => Math.abs(p.x - at.x) < 24 && Math.abs(p.y - at.y) < 24); i++)
      at = { x: at.x + 32, y: at.y + 32 };
    return at;
  }, [screenToFlowPosition, flowStore, editor]);
}
