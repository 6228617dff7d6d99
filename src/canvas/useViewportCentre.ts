import { useCallback } from 'react';
import { useReactFlow, useStoreApi } from '@xyflow/react';
import type { Position } from '../domain/campaign';
import { NODE_BOX } from '../store/node-size';
import { useEditorStoreApi } from '../store/useEditorStore';
import { freeSpot, type Box } from './free-spot';

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

/**
 * Returns a function giving where an activity added from the palette without dragging (a click,
 * Enter) goes: after the selected activity when one is selected (to its right, or below it in a
 * vertical campaign), else the centre of the visible canvas; moved to the nearest spot that covers
 * no activity, on screen when there is one (see free-spot.ts).
 */
export function useSpotForNewActivity(): () => Position {
  const { screenToFlowPosition } = useReactFlow();
  const flowStore = useStoreApi();
  const editor = useEditorStoreApi();
  return useCallback(() => {
    const { doc, selection, measured } = editor.getState();
    const sizeOf = (id: string) => measured[id] ?? NODE_BOX;
    const taken: Box[] = doc.activities.map((a) => ({ ...a.position, ...sizeOf(a.id) }));
    const rect = flowStore.getState().domNode?.getBoundingClientRect();
    let visible: Box | undefined;
    let preferred: Position = { x: 0, y: 0 };
    if (rect) {
      const topLeft = screenToFlowPosition({ x: rect.left, y: rect.top });
      const bottomRight = screenToFlowPosition({ x: rect.right, y: rect.bottom });
      visible = { ...topLeft, width: bottomRight.x - topLeft.x, height: bottomRight.y - topLeft.y };
      preferred = { x: topLeft.x + visible.width / 2 - NODE_BOX.width / 2, y: topLeft.y + visible.height / 2 - NODE_BOX.height / 2 };
    }
    const selected = selection.activityIds.length === 1 ? doc.activities.find((a) => a.id === selection.activityIds[0]) : undefined;
    if (selected) {
      const size = sizeOf(selected.id);
      preferred =
        doc.settings.orientation === 'vertical'
          ? { x: selected.position.x, y: selected.position.y + size.height + NODE_BOX.gap }
          : { x: selected.position.x + size.width + NODE_BOX.gap, y: selected.position.y };
    }
    const at = freeSpot(preferred, NODE_BOX, taken, visible);
    return { x: Math.round(at.x), y: Math.round(at.y) };
  }, [screenToFlowPosition, flowStore, editor]);
}
