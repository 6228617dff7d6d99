import type { FitViewOptions } from '@xyflow/react';

/**
 * How the canvas fits a campaign: room at the top for the floating toolbar and at the bottom for
 * the minimap and the zoom controls, a margin at the sides, and never zoomed in beyond a
 * comfortable reading size for a two-box campaign.
 */
export const FIT_VIEW: FitViewOptions = {
  padding: { top: '84px', bottom: '128px', left: '56px', right: '56px' },
  maxZoom: 1.1,
};
