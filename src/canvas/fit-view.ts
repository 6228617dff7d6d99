import type { FitViewOptions } from '@xyflow/react';

/**
 * How the canvas fits a campaign: room at the top for the floating toolbar, a margin elsewhere,
 * and never zoomed in beyond a comfortable reading size for a two-box campaign.
 */
export const FIT_VIEW: FitViewOptions = {
  padding: { top: '84px', bottom: '48px', left: '48px', right: '48px' },
  maxZoom: 1.1,
};
