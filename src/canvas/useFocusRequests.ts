import { useEffect } from 'react';
import { useReactFlow, useStoreApi, type Rect } from '@xyflow/react';
import { NODE_BOX } from '../store/node-size';
import { useEditorStore } from '../store/useEditorStore';

/**
 * Brings activities into view when something asks for it. `centre` (a click in the problems panel)
 * centres one activity at the current zoom or fits several; `reveal` (a paste, a duplicate) moves
 * the view only when part of them is off screen, so the canvas does not jump needlessly.
 */
export function useFocusRequests() {
  const request = useEditorStore((s) => s.focusRequest);
  const { fitView, getNode, setCenter, getZoom, flowToScreenPosition } = useReactFlow();
  const flowStore = useStoreApi();
  useEffect(() => {
    if (!request || request.activityIds.length === 0) return;
    // Wait a frame so that freshly pasted nodes exist in React Flow before measuring them.
    const frame = requestAnimationFrame(() => {
      const rects = request.activityIds.flatMap((id): Rect[] => {
        const node = getNode(id);
        if (!node) return [];
        return [{ ...node.position, width: node.measured?.width ?? NODE_BOX.width, height: node.measured?.height ?? NODE_BOX.height }];
      });
      if (rects.length === 0) return;
      if (request.mode === 'reveal') {
        const pane = flowStore.getState().domNode?.getBoundingClientRect();
        const visible = (r: Rect) => {
          if (!pane) return true;
          const a = flowToScreenPosition({ x: r.x, y: r.y });
          const b = flowToScreenPosition({ x: r.x + r.width, y: r.y + r.height });
          return a.x >= pane.left && a.y >= pane.top && b.x <= pane.right && b.y <= pane.bottom;
        };
        if (rects.every(visible)) return;
      }
      if (rects.length === 1) {
        const r = rects[0]!;
        void setCenter(r.x + r.width / 2, r.y + r.height / 2, { zoom: Math.max(getZoom(), 0.8), duration: 250 });
      } else {
        void fitView({ nodes: request.activityIds.map((id) => ({ id })), duration: 250, maxZoom: Math.max(getZoom(), 1), padding: 0.3 });
      }
    });
    return () => cancelAnimationFrame(frame);
  }, [request, fitView, getNode, setCenter, getZoom, flowToScreenPosition, flowStore]);
}
