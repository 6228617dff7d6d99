import { useEffect, type RefObject } from 'react';
import { useEditorStoreApi } from '../store/useEditorStore';

/** The class the canvas element carries while activities are being dragged (see canvas.css). */
export const DRAGGING_CLASS = 'cv-flow--dragging';

/**
 * Marks the canvas element while a drag is in progress, straight on the element rather than
 * through a render: the drag overlay changes on every pointer move, the class only when a drag
 * starts or ends.
 */
export function useDraggingClass(element: RefObject<HTMLElement | null>) {
  const store = useEditorStoreApi();
  useEffect(
    () =>
      store.drag.subscribe(({ positions }, prev) => {
        if ((positions === null) !== (prev.positions === null))
          element.current?.classList.toggle(DRAGGING_CLASS, positions !== null);
      }),
    [store, element],
  );
}
