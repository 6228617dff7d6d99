import type { NodeBox } from '../domain/edits';

/**
 * Size of an activity box on the canvas, used to place activities the editor creates (inserting,
 * adding at the viewport centre) before React Flow has measured them. Matches nodes.css; the gap
 * leaves room on a transition for its label and count chips.
 */
export const NODE_BOX: NodeBox = { width: 232, height: 64, gap: 120 };
