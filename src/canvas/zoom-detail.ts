/**
 * How much of an activity the canvas draws at a zoom, so that no text is ever drawn smaller than
 * 11 px on screen (docs/canvas-editor.md, "Readable at every size"):
 * - `full` from READABLE_ZOOM up: the whole node, its small text sized up a little as needed;
 * - `simple` below it: icon, one-line label and a large count, sized in screen pixels; transition
 *   chips give way to the count on the node;
 * - `count` below MIN_LABEL_ZOOM, where a node is too small on screen for two lines: the count alone.
 * Pure, so that it is unit-tested without a browser.
 */
export type ZoomDetail = 'full' | 'simple' | 'count';

/** Below this zoom the 12 px second line of a node would be drawn under 11 px (12 × 0.9 ≈ 11). */
export const READABLE_ZOOM = 0.9;
/** Below this zoom a 64 px node is less than 26 px high on screen: room for one line only. */
export const MIN_LABEL_ZOOM = 0.4;

export function zoomDetail(zoom: number): ZoomDetail {
  if (zoom >= READABLE_ZOOM) return 'full';
  return zoom >= MIN_LABEL_ZOOM ? 'simple' : 'count';
}
