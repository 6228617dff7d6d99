import { createStore } from 'zustand/vanilla';
import type { Position } from '../domain/campaign';

/** Positions of the activities being dragged, by id; null when no drag is in progress. */
export type DragPositions = Readonly<Record<string, Position>> | null;

/**
 * The transient overlay of a drag in progress. It is a store of its own, beside the editor store,
 * because it changes on every pointer move: only the canvas node derivation listens to it, so a
 * move does not run the hundreds of selectors (nodes, edges, inspector, panels) subscribed to the
 * editor store, nor the undo middleware. The document receives the final positions once, when the
 * drag ends.
 */
export function createDragOverlay() {
  return createStore<{ positions: DragPositions }>()(() => ({ positions: null }));
}

export type DragOverlay = ReturnType<typeof createDragOverlay>;
