import type { FitViewOptions } from '@xyflow/react';

/**
 * The farthest the canvas zooms out, by Fit view, the zoom-out tool or Ctrl+scroll: far enough to
 * fit a campaign of several dozen activities on a laptop screen (at 0.2, one more than five times
 * as tall as the canvas did not fit). Each node then shows its count alone, 13 px on screen, and
 * layers of activities (398 px apart once tidied up) are still far enough apart for it (see
 * zoom-detail.ts).
 */
export const MIN_ZOOM = 0.1;
/** The closest it zooms in. */
export const MAX_ZOOM = 2;

/**
 * How the canvas fits a campaign: the tools sit in a bar above the canvas, so a small margin at
 * the top; room at the bottom for the minimap, a margin at the sides, and never zoomed in beyond
 * a comfortable reading size for a two-box campaign.
 */
export const FIT_VIEW: FitViewOptions = {
  padding: { top: '40px', bottom: '128px', left: '56px', right: '56px' },
  maxZoom: 1.1,
  minZoom: MIN_ZOOM,
};
