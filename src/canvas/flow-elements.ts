import { byId } from '../domain/ids';
import { MarkerType } from '@xyflow/react';
import type { Activity, Position, Transition } from '../domain/campaign';
import type { ActivityNodeType, TransitionEdgeType } from './flow-types';
import { estimatedHandles, estimatedNodeSize } from './large-campaign';

type Size = { width: number; height: number };

/** What node derivation reads besides the activities. */
export interface NodeInputs {
  selected: ReadonlySet<string>;
  drag: Readonly<Record<string, Position>> | null;
  measured: Readonly<Record<string, Size>>;
  /**
   * Large campaigns (large-campaign.ts): an activity the canvas has not measured yet gets an
   * estimated size and handles, so that React Flow can leave it undrawn while it is out of view and
   * still draw its transitions. The orientation places the handles.
   */
  estimate?: { vertical: boolean };
}

/**
 * React Flow nodes for the activities. `cache` holds the previous nodes by id: a node whose
 * activity object, selection, position and measured size are unchanged is returned as the very same
 * object, so React Flow and the memoised node component skip it. Returns the nodes and the new cache.
 */
export function deriveNodes(
  activities: readonly Activity[],
  { selected, drag, measured, estimate }: NodeInputs,
  cache: ReadonlyMap<string, ActivityNodeType>,
): { nodes: ActivityNodeType[]; cache: Map<string, ActivityNodeType> } {
  const next = new Map<string, ActivityNodeType>();
  const nodes = activities.map((activity) => {
    const prev = cache.get(activity.id);
    const position = byId(drag ?? undefined, activity.id) ?? activity.position;
    const size = byId(measured, activity.id);
    const isSelected = selected.has(activity.id);
    const node =
      prev &&
      prev.data.activity === activity &&
      prev.selected === isSelected &&
      prev.position.x === position.x &&
      prev.position.y === position.y &&
      sameBox(prev, size, estimate !== undefined)
        ? prev
        : {
            id: activity.id,
            type: 'activity' as const,
            position,
            data: { activity },
            selected: isSelected,
            ariaLabel: activity.label,
            ...(size ? { measured: size } : estimate ? estimatedBox(activity, estimate.vertical) : {}),
          };
    next.set(activity.id, node);
    return node;
  });
  return { nodes, cache: next };
}

/**
 * An estimated box stands for a measured one (React Flow fits the view and reports the nodes
 * initialised only once every node has a measured size), with handles React Flow uses until it
 * draws the node and measures it. A node that carries handles is an estimated one.
 */
function estimatedBox(activity: Activity, vertical: boolean) {
  const size = estimatedNodeSize(activity, vertical);
  return { measured: size, handles: estimatedHandles(activity, vertical, size) };
}

/** Whether a cached node has the box the node would get now: the measured size, or an estimate. */
function sameBox(prev: ActivityNodeType, size: Size | undefined, estimating: boolean): boolean {
  if (size)
    return (
      prev.handles === undefined &&
      prev.measured?.width === size.width &&
      prev.measured?.height === size.height
    );
  return estimating ? prev.handles !== undefined : prev.measured === undefined;
}

const marker = { type: MarkerType.ArrowClosed, width: 16, height: 16, color: '#9aa0b4' };
const selectedMarker = { ...marker, color: '#3b5bdb' };

/** React Flow edges for the transitions, with the same identity-keeping as the nodes. */
export function deriveEdges(
  transitions: readonly Transition[],
  selected: ReadonlySet<string>,
  labels: ReadonlyMap<string, string>,
  cache: ReadonlyMap<string, TransitionEdgeType>,
): { edges: TransitionEdgeType[]; cache: Map<string, TransitionEdgeType> } {
  const next = new Map<string, TransitionEdgeType>();
  const edges = transitions.map((transition) => {
    const prev = cache.get(transition.id);
    const isSelected = selected.has(transition.id);
    // The accessible name says where the transition goes, so keyboard and screen reader users can tell them apart.
    const ariaLabel = `Transition from ${labels.get(transition.source.activityId) ?? '?'} to ${labels.get(transition.target.activityId) ?? '?'}${transition.label ? `: ${transition.label}` : ''}`;
    const edge =
      prev &&
      prev.data?.transition === transition &&
      prev.selected === isSelected &&
      prev.ariaLabel === ariaLabel
        ? prev
        : {
            id: transition.id,
            type: 'transition' as const,
            source: transition.source.activityId,
            sourceHandle: transition.source.port,
            target: transition.target.activityId,
            targetHandle: transition.target.port,
            data: { transition },
            selected: isSelected,
            ariaLabel,
            markerEnd: isSelected ? selectedMarker : marker,
          };
    next.set(transition.id, edge);
    return edge;
  });
  return { edges, cache: next };
}
