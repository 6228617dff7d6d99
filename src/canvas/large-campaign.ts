import { Position, type NodeHandle, type Viewport } from '@xyflow/react';
import type { Activity } from '../domain/campaign';
import { portsOf } from '../domain/ports';
import { NODE_BOX } from '../store/node-size';
import { FIT_VIEW, MIN_ZOOM } from './fit-view';

/**
 * Large campaigns on the canvas (docs/canvas-editor.md, "Large campaigns"). Above this many
 * activities the canvas draws only the activities and transitions in view, and a campaign opens on
 * its start at a readable zoom rather than fitted whole: opening then costs what is on screen, not
 * what the campaign holds. The number is the guardrail's "large campaign" warning (docs/lifecycle.md).
 */
export const LARGE_CAMPAIGN = 100;

/**
 * The zoom a large campaign opens at when fitting it whole would go below it: labels and counts are
 * read on every activity (the "simple" detail of zoom-detail.ts), about ten rows of activities fit
 * on a laptop screen, and Fit view still shows the whole campaign on request.
 */
export const LARGE_OPEN_ZOOM = 0.6;

export const isLargeCampaign = (activities: number) => activities > LARGE_CAMPAIGN;

/** Size of an activity box as nodes.css lays it out at full detail, before the canvas measures it. */
export function estimatedNodeSize(activity: Activity, vertical: boolean): { width: number; height: number } {
  const outs = portsOf(activity).out.length;
  // ActivityShell's minimum height for labelled outputs down the right side.
  const height = !vertical && outs > 1 ? Math.max(NODE_BOX.height, 28 + outs * 22) : NODE_BOX.height;
  return { width: NODE_BOX.width, height };
}

// nodes.css: 12 px handles centred on the card's edge; the card has a 1 px border and a 4 px
// border on its category side (left, or top when vertical), handles sit in its padding box.
const HANDLE = 12;
const BORDER = 1;
const CATEGORY_BORDER = 4;

/**
 * Where React Flow would find an activity's handles once the node is drawn, so that transitions to
 * activities out of view are drawn (and the activities themselves need not be) before the canvas
 * has measured them. Mirrors ActivityShell's `spread` and React Flow's handle positions; the
 * canvas replaces these with measured handles as soon as an activity is drawn.
 */
export function estimatedHandles(
  activity: Activity,
  vertical: boolean,
  size: { width: number; height: number },
): NodeHandle[] {
  const ports = portsOf(activity);
  const along = (index: number, count: number, length: number) =>
    BORDER + (length - 2 * BORDER) * ((index + 1) / (count + 1)) - HANDLE / 2;
  const handles: NodeHandle[] = [];
  ports.in.forEach((port, i) => {
    handles.push(
      vertical
        ? {
            id: port.id,
            type: 'target',
            position: Position.Top,
            x: along(i, ports.in.length, size.width),
            y: CATEGORY_BORDER - HANDLE / 2,
            width: HANDLE,
            height: HANDLE,
          }
        : {
            id: port.id,
            type: 'target',
            position: Position.Left,
            x: CATEGORY_BORDER - HANDLE / 2,
            y: along(i, ports.in.length, size.height),
            width: HANDLE,
            height: HANDLE,
          },
    );
  });
  ports.out.forEach((port, i) => {
    handles.push(
      vertical
        ? {
            id: port.id,
            type: 'source',
            position: Position.Bottom,
            x: along(i, ports.out.length, size.width),
            y: size.height - BORDER - HANDLE / 2,
            width: HANDLE,
            height: HANDLE,
          }
        : {
            id: port.id,
            type: 'source',
            position: Position.Right,
            x: size.width - BORDER - HANDLE / 2,
            y: along(i, ports.out.length, size.height),
            width: HANDLE,
            height: HANDLE,
          },
    );
  });
  return handles;
}

type Box = { x: number; y: number; width: number; height: number };

const px = (value: string | number | undefined) =>
  typeof value === 'number' ? value : Number.parseFloat(value ?? '0') || 0;

/**
 * The viewport a large campaign opens with: fitted whole (with Fit view's margins) when that keeps
 * LARGE_OPEN_ZOOM or closer, else at LARGE_OPEN_ZOOM with the campaign's top-left corner (where a
 * flow starts, across or down) at the top-left of the canvas. Pure, from the activities' boxes and
 * the canvas's size.
 */
export function openingViewport(boxes: readonly Box[], pane: { width: number; height: number }): Viewport {
  if (boxes.length === 0 || pane.width <= 0 || pane.height <= 0) return { x: 0, y: 0, zoom: 1 };
  const left = Math.min(...boxes.map((b) => b.x));
  const top = Math.min(...boxes.map((b) => b.y));
  const right = Math.max(...boxes.map((b) => b.x + b.width));
  const bottom = Math.max(...boxes.map((b) => b.y + b.height));
  const padding = typeof FIT_VIEW.padding === 'object' ? FIT_VIEW.padding : {};
  const [pt, pb, pl, pr] = [px(padding.top), px(padding.bottom), px(padding.left), px(padding.right)];
  const fit = Math.min(
    (pane.width - pl - pr) / (right - left),
    (pane.height - pt - pb) / (bottom - top),
    FIT_VIEW.maxZoom ?? 1,
  );
  if (fit >= LARGE_OPEN_ZOOM) {
    const zoom = Math.max(fit, MIN_ZOOM);
    // Centred in the space the margins leave, as Fit view does.
    const x = pl + (pane.width - pl - pr - (right - left) * zoom) / 2 - left * zoom;
    const y = pt + (pane.height - pt - pb - (bottom - top) * zoom) / 2 - top * zoom;
    return { x, y, zoom };
  }
  return { x: pl - left * LARGE_OPEN_ZOOM, y: pt - top * LARGE_OPEN_ZOOM, zoom: LARGE_OPEN_ZOOM };
}
