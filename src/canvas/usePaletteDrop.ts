import { useCallback, type DragEvent } from 'react';
import { useReactFlow } from '@xyflow/react';
import { NODE_BOX } from '../store/node-size';
import { useEditorStoreApi } from '../store/useEditorStore';
import { ACTIVITY_DRAG_TYPE } from './drag-data';

/** The transition under a screen point: its edge path or its label, whichever the pointer is on. */
function transitionAt(x: number, y: number): string | null {
  for (const el of document.elementsFromPoint(x, y)) {
    const label = el.closest<HTMLElement>('[data-transition-id]');
    if (label) return label.dataset.transitionId ?? null;
    const edge = el.closest('.react-flow__edge');
    if (edge) return edge.getAttribute('data-id');
    if (el.closest('.react-flow__node')) return null;
  }
  return null;
}

const isActivityDrag = (e: DragEvent) => e.dataTransfer.types.includes(ACTIVITY_DRAG_TYPE);

/**
 * Drag and drop from the palette: dropping on empty canvas adds the activity there; dropping on a
 * transition (highlighted while hovered) inserts it on that transition.
 */
export function usePaletteDrop() {
  const store = useEditorStoreApi();
  const { screenToFlowPosition } = useReactFlow();

  const onDragOver = useCallback(
    (e: DragEvent) => {
      if (!isActivityDrag(e)) return;
      e.preventDefault();
      e.dataTransfer.dropEffect = 'copy';
      store.getState().setDropTransition(transitionAt(e.clientX, e.clientY));
    },
    [store],
  );

  const onDragLeave = useCallback(
    (e: DragEvent) => {
      // Leaving for a child element is not leaving the canvas.
      if (e.currentTarget.contains(e.relatedTarget as Node | null)) return;
      store.getState().setDropTransition(null);
    },
    [store],
  );

  const onDrop = useCallback(
    (e: DragEvent) => {
      const type = e.dataTransfer.getData(ACTIVITY_DRAG_TYPE);
      const s = store.getState();
      s.setDropTransition(null);
      if (!type) return;
      e.preventDefault();
      const p = screenToFlowPosition({ x: e.clientX, y: e.clientY });
      const at = { x: Math.round(p.x - NODE_BOX.width / 2), y: Math.round(p.y - NODE_BOX.height / 2) };
      const transitionId = transitionAt(e.clientX, e.clientY);
      // An activity that cannot sit on the transition (it starts or ends a branch) is still added
      // where it was dropped; the notice explains why it was not connected.
      if (transitionId && s.insertActivityOnTransition(type, transitionId, at)) return;
      s.addActivity(type, at);
    },
    [store, screenToFlowPosition],
  );

  return { onDragOver, onDragLeave, onDrop };
}
