/** MIME type of an activity dragged from the palette; the payload is the activity type id. */
export const ACTIVITY_DRAG_TYPE = 'application/x-campaign-canvas-activity';

/** Default size of an activity node before React Flow has measured it, for placing new nodes. */
export const NODE_WIDTH = 232;
export const NODE_HEIGHT = 64;
