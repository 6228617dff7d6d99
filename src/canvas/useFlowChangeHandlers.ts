import { byId, idRecord } from '../domain/ids';
import { useCallback } from 'react';
import { useReactFlow, type Connection, type Edge, type EdgeChange, type FinalConnectionState, type NodeChange } from '@xyflow/react';
import { NODE_BOX } from '../store/node-size';
import { checkConnection } from '../domain/connection-rules';
import type { Position } from '../domain/campaign';
import { useEditorStoreApi } from '../store/useEditorStore';
import type { ActivityNodeType, TransitionEdgeType } from './flow-types';

/**
 * Translates React Flow's change events into editor actions. Positions during a drag go to the
 * transient drag overlay; the final positions are committed to the document once, when the drag
 * ends (one undo step for the whole drag). Removal is not taken from React Flow: deleting goes
 * through the editor's own command so that nodes and edges leave in one step.
 */
export function useFlowChangeHandlers() {
  const store = useEditorStoreApi();
  const { screenToFlowPosition } = useReactFlow();

  const onNodesChange = useCallback(
    (changes: NodeChange<ActivityNodeType>[]) => {
      const s = store.getState();
      const dragPositions = store.drag.getState().positions;
      // Keyed by activity id: no prototype, so that an id such as `__proto__` is a key like any other.
      const dragging = idRecord<Position>();
      const committed = idRecord<Position>();
      const sizes = idRecord<{ width: number; height: number }>();
      let selection: Set<string> | null = null;
      let dragEnded = false;
      for (const c of changes) {
        if (c.type === 'position') {
          if (c.dragging) {
            if (c.position) dragging[c.id] = c.position;
          } else {
            if (c.dragging === false) dragEnded = true;
            if (c.position) committed[c.id] = c.position;
          }
        } else if (c.type === 'dimensions' && c.dimensions) {
          const prev = byId(s.measured, c.id);
          if (!prev || prev.width !== c.dimensions.width || prev.height !== c.dimensions.height) sizes[c.id] = c.dimensions;
        } else if (c.type === 'select') {
          selection ??= new Set(s.selection.activityIds);
          if (c.selected) selection.add(c.id);
          else selection.delete(c.id);
        }
      }
      if (Object.keys(sizes).length > 0) s.setMeasured(sizes);
      if (Object.keys(dragging).length > 0) s.setDragPositions(Object.assign(idRecord<Position>(), dragPositions, dragging));
      if (Object.keys(committed).length > 0 || (dragEnded && dragPositions))
        s.moveActivities(Object.assign(idRecord<Position>(), dragPositions, committed));
      if (selection) s.setSelection({ activityIds: [...selection] });
    },
    [store],
  );

  const onEdgesChange = useCallback(
    (changes: EdgeChange<TransitionEdgeType>[]) => {
      const s = store.getState();
      let selection: Set<string> | null = null;
      for (const c of changes) {
        if (c.type !== 'select') continue;
        selection ??= new Set(s.selection.transitionIds);
        if (c.selected) selection.add(c.id);
        else selection.delete(c.id);
      }
      if (selection) s.setSelection({ transitionIds: [...selection] });
    },
    [store],
  );

  const onConnect = useCallback(
    (c: Connection) => {
      if (!c.sourceHandle || !c.targetHandle) return;
      store
        .getState()
        .connect({ activityId: c.source, port: c.sourceHandle }, { activityId: c.target, port: c.targetHandle });
    },
    [store],
  );

  // Live feedback while dragging a connection: a handle that would be refused shows as invalid.
  const isValidConnection = useCallback(
    (c: Connection | Edge) =>
      !!c.sourceHandle &&
      !!c.targetHandle &&
      checkConnection(
        store.getState().doc,
        { activityId: c.source, port: c.sourceHandle },
        { activityId: c.target, port: c.targetHandle },
      ).ok,
    [store],
  );

  // React Flow does not call onConnect for an invalid connection; say why it was refused. A
  // connection from an output dropped on empty canvas offers to create the next activity there.
  const onConnectEnd = useCallback(
    (event: MouseEvent | TouchEvent, state: FinalConnectionState) => {
      const s = store.getState();
      if (!state.toHandle && state.fromHandle?.type === 'source' && state.fromHandle.id) {
        const point = 'changedTouches' in event ? event.changedTouches[0] : event;
        if (!point) return;
        const screen = { x: point.clientX, y: point.clientY };
        const p = screenToFlowPosition(screen);
        const vertical = s.doc.settings.orientation === 'vertical';
        const at = vertical
          ? { x: Math.round(p.x - NODE_BOX.width / 2), y: Math.round(p.y) }
          : { x: Math.round(p.x), y: Math.round(p.y - NODE_BOX.height / 2) };
        s.setPendingConnection({ source: { activityId: state.fromHandle.nodeId, port: state.fromHandle.id }, at, screen });
        return;
      }
      if (state.isValid !== false || !state.fromHandle || !state.toHandle) return;
      if (state.fromHandle.type === state.toHandle.type) {
        s.notify('Connect an output (right or bottom of an activity) to an input (left or top).', 'error');
        return;
      }
      const [from, to] = state.fromHandle.type === 'source' ? [state.fromHandle, state.toHandle] : [state.toHandle, state.fromHandle];
      if (!from.id || !to.id) return;
      const check = checkConnection(s.doc, { activityId: from.nodeId, port: from.id }, { activityId: to.nodeId, port: to.id });
      if (!check.ok) s.notify(check.reason, 'error');
    },
    [store, screenToFlowPosition],
  );

  return { onNodesChange, onEdgesChange, onConnect, isValidConnection, onConnectEnd };
}
