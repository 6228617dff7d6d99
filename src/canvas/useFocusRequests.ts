import { useEffect } from 'react';
import { useReactFlow } from '@xyflow/react';
import { useEditorStore } from '../store/useEditorStore';

/**
 * Brings activities into view when something asks for it (a click in the problems panel, a paste):
 * one activity is centred at the current zoom, several are fitted.
 */
export function useFocusRequests() {
  const request = useEditorStore((s) => s.focusRequest);
  const { fitView, getNode, setCenter, getZoom } = useReactFlow();
  useEffect(() => {
    if (!request || request.activityIds.length === 0) return;
    // Wait a frame so that freshly pasted nodes exist in React Flow before fitting them.
    const frame = requestAnimationFrame(() => {
      const ids = request.activityIds;
      if (ids.length === 1) {
        const node = getNode(ids[0]!);
        if (!node) return;
        const w = node.measured?.width ?? 232;
        const h = node.measured?.height ?? 64;
        void setCenter(node.position.x + w / 2, node.position.y + h / 2, { zoom: Math.max(getZoom(), 0.8), duration: 250 });
      } else {
        void fitView({ nodes: ids.map((id) => ({ id })), duration: 250, maxZoom: Math.max(getZoom(), 1), padding: 0.3 });
      }
    });
    return () => cancelAnimationFrame(frame);
  }, [request, fitView, getNode, setCenter, getZoom]);
}
