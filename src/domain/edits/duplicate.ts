import type { CampaignDoc, Position } from '../campaign';
import { copyFragment, pasteFragment } from '../clipboard';

/**
 * Duplicates activities with the transitions between them, next to the originals. Same path as
 * copy and paste, so the two can never disagree about what a copy is.
 */
export function duplicateActivities(
  doc: CampaignDoc,
  activityIds: readonly string[],
  offset: Position = { x: 40, y: 40 },
): { doc: CampaignDoc; activityIds: string[] } {
  const fragment = copyFragment(doc, activityIds);
  if (!fragment) return { doc, activityIds: [] };
  const pasted = pasteFragment(doc, fragment, { offset });
  return { doc: pasted.doc, activityIds: pasted.activityIds };
}
