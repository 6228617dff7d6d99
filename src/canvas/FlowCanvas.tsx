import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import {
  Background,
  BackgroundVariant,
  ConnectionLineType,
  MiniMap,
  ReactFlow,
  SelectionMode,
  useNodesInitialized,
  useReactFlow,
  useUpdateNodeInternals,
  type Viewport,
} from '@xyflow/react';
import { getActivityDef } from '../activities/registry';
import { useEditorStore } from '../store/useEditorStore';
import { ConnectDropMenu } from './ConnectDropMenu';
import { EmptyCanvas } from './EmptyCanvas';
import { FIT_VIEW, MAX_ZOOM, MIN_ZOOM } from './fit-view';
import { isLargeCampaign, openingViewport } from './large-campaign';
import { edgeTypes } from './edges/edge-types';
import type { ActivityNodeType, TransitionEdgeType } from './flow-types';
import { nodeTypes } from './nodes/node-types';
import { useFlowEdges, useFlowNodes } from './useFlowElements';
import { useDraggingClass } from './useDraggingClass';
import { useEngineStartOnceDrawn } from './useEngineStartOnceDrawn';
import { useFlowChangeHandlers } from './useFlowChangeHandlers';
import { useFocusRequests } from './useFocusRequests';
import { usePaletteDrop } from './usePaletteDrop';
import { useZoomDetail } from './useZoomDetail';

const categoryColours = { targeting: '#3b5bdb', flow: '#7048e8', channel: '#0c8599' } as const;
const minimapColour = (node: ActivityNodeType) =>
  categoryColours[getActivityDef(node.data.activity.type)?.meta.category ?? 'targeting'];

// Props that are arrays or objects are module constants: React Flow re-binds its pan/zoom and key
// listeners whenever one changes identity, and re-binding the wheel listener makes Chromium repaint
// the whole canvas (its hit-test regions change). Inline literals would do that on every drag move.
const minimapSize = { width: 168, height: 104 };
const multiSelectKeys = ['Shift', 'Meta', 'Control'];
const zoomKeys = ['Meta', 'Control'];
const panButtons = [1, 2];

/**
 * The React Flow canvas. Figma-like controls: dragging on empty canvas draws a selection box,
 * scrolling pans, Ctrl/Cmd+scroll or pinch zooms, Space+drag or the middle button pans. Deleting
 * and the other shortcuts are the editor's own (see useEditorShortcuts), not React Flow's.
 */
export function FlowCanvas({ readOnly: following = false }: { readOnly?: boolean }) {
  const nodes = useFlowNodes();
  const edges = useFlowEdges();
  const { onNodesChange, onEdgesChange, onConnect, isValidConnection, onConnectEnd } =
    useFlowChangeHandlers();
  const { onDragOver, onDragLeave, onDrop } = usePaletteDrop();
  const clearSelection = useEditorStore((s) => s.clearSelection);
  const orientation = useEditorStore((s) => s.doc.settings.orientation);
  // Read-only while another tab edits (following), for good (a shared link) or while a published
  // version is shown (locked).
  const readOnly = useEditorStore((s) => s.readOnly || s.lockReason !== null) || following;
  const isEmpty = nodes.length === 0;
  const large = isLargeCampaign(nodes.length);
  useFocusRequests();
  // A large campaign opens on a viewport worked out from its activities and the canvas's size
  // (large-campaign.ts), known before anything is drawn; the others are fitted once measured. A
  // campaign that starts empty is not fitted when its first activity arrives: the view stays put.
  const [largeOnOpen] = useState(large);
  const [fitOnOpen] = useState(nodes.length > 0 && !large);
  useFitOnFirstMeasure(fitOnOpen);
  const flowRef = useRef<HTMLDivElement>(null);
  const [openingView, setOpeningView] = useState<Viewport | null>(null);
  useLayoutEffect(() => {
    const el = flowRef.current;
    if (!largeOnOpen || !el) return;
    const boxes = nodes.map((n) => ({
      ...n.position,
      width: n.measured?.width ?? 0,
      height: n.measured?.height ?? 0,
    }));
    setOpeningView(openingViewport(boxes, { width: el.clientWidth, height: el.clientHeight }));
    // Once, on open: later edits never move the view.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [largeOnOpen]);

  // Handles move sides when the orientation flips; every node needs re-measuring.
  // Not on mount: React Flow measures the nodes it mounts.
  // In a large campaign, activities out of view are not drawn and keep their measured handles in
  // the old orientation: every size is forgotten, so that they take estimated handles until drawn.
  const updateNodeInternals = useUpdateNodeInternals();
  const { getNodes } = useReactFlow();
  const forgetMeasured = useEditorStore((s) => s.forgetMeasured);
  const measuredOrientation = useRef(orientation);
  useEffect(() => {
    if (measuredOrientation.current === orientation) return;
    measuredOrientation.current = orientation;
    if (large) forgetMeasured();
    updateNodeInternals(getNodes().map((n) => n.id));
  }, [orientation, updateNodeInternals, getNodes, large, forgetMeasured]);

  useDraggingClass(flowRef);
  useZoomDetail(flowRef);
  useEngineStartOnceDrawn(isEmpty);

  return (
    <div className="cv-flow" ref={flowRef} onDragOver={onDragOver} onDragLeave={onDragLeave} onDrop={onDrop}>
      {/* A large campaign waits one layout for the canvas's size, before paint. */}
      {(!largeOnOpen || openingView) && (
        <ReactFlow<ActivityNodeType, TransitionEdgeType>
          nodes={nodes}
          edges={edges}
          nodeTypes={nodeTypes}
          edgeTypes={edgeTypes}
          onNodesChange={onNodesChange}
          onEdgesChange={onEdgesChange}
          onConnect={onConnect}
          isValidConnection={isValidConnection}
          onConnectEnd={onConnectEnd}
          nodesDraggable={!readOnly}
          nodesConnectable={!readOnly}
          // A shared campaign can still be selected (its settings read, a refused edit explained);
          // a tab that follows another selects nothing, since its side panel is inert.
          elementsSelectable={!following}
          selectionOnDrag={!following}
          onPaneClick={clearSelection}
          deleteKeyCode={null}
          selectionKeyCode="Shift"
          multiSelectionKeyCode={multiSelectKeys}
          selectionMode={SelectionMode.Partial}
          panOnDrag={panButtons}
          panOnScroll
          zoomOnScroll={false}
          zoomActivationKeyCode={zoomKeys}
          connectionLineType={ConnectionLineType.Bezier}
          connectionRadius={28}
          fitView={fitOnOpen}
          fitViewOptions={FIT_VIEW}
          {...(openingView ? { defaultViewport: openingView } : {})}
          onlyRenderVisibleElements={large}
          minZoom={MIN_ZOOM}
          maxZoom={MAX_ZOOM}
          attributionPosition="top-right"
          aria-label="Campaign canvas"
        >
          <Background variant={BackgroundVariant.Dots} gap={20} size={1.2} color="#c5c9d6" />
          {!isEmpty && (
            <MiniMap<ActivityNodeType>
              position="bottom-right"
              pannable
              zoomable
              nodeColor={minimapColour}
              nodeBorderRadius={6}
              maskColor="rgba(246, 247, 251, 0.7)"
              ariaLabel="Minimap"
              style={minimapSize}
            />
          )}
        </ReactFlow>
      )}
      {isEmpty && <EmptyCanvas />}
      <ConnectDropMenu />
    </div>
  );
}

/**
 * Fits a campaign that opens with activities once React Flow has measured them: its own `fitView`
 * runs before custom nodes have their size. Only once, so that later edits never move the view.
 */
function useFitOnFirstMeasure(enabled: boolean) {
  const initialised = useNodesInitialized();
  const { fitView } = useReactFlow();
  const done = useRef(!enabled);
  useEffect(() => {
    if (done.current || !initialised) return;
    done.current = true;
    void fitView(FIT_VIEW);
  }, [initialised, fitView]);
}
