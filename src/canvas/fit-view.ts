import type { FitViewOptions } from '@xyflow/react';

/**
 * How the canvas fits a campaign: the tools sit in a bar above the canvas, so a small margin at
 * the top; room at the bottom for the minimap, a margin at the sides, and never zoomed in beyond
 * a comfortable reading size for a two-box campaign.
 */
export const FIT_VIEW: FitViewOptions = {
  padding: { top: '40px', bottom: '128px', left: '56px', right: '56px' },
  maxZoom: 1.1,
};
