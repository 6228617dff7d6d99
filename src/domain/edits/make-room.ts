import { idRecord } from '../ids';
import type { CampaignDoc, Position } from '../campaign';
import { downstreamOf, indexGraph } from '../graph';
import { moveActivities } from './activities';

export interface NodeBox {
  width: number;
  height: number;
  /** Free space wanted between two consecutive activities along the flow. */
  gap: number;
}

/**
 * Places an activity just inserted between `sourceId` and `targetId` halfway along the flow, and
 * pushes the target and everything downstream of it further along when there is not enough room,
 * so that an insertion never leaves boxes on top of each other.
 */
export function placeBetween(
  doc: CampaignDoc,
  activityId: string,
  sourceId: string,
  targetId: string,
  box: NodeBox,
): CampaignDoc {
  const source = doc.activities.find((a) => a.id === sourceId);
  const target = doc.activities.find((a) => a.id === targetId);
  if (!source || !target) return doc;
  const vertical = doc.settings.orientation === 'vertical';
  const along = (p: Position) => (vertical ? p.y : p.x);
  const across = (p: Position) => (vertical ? p.x : p.y);
  const size = vertical ? box.height : box.width;

  const start = along(source.position) + size + box.gap;
  const room = along(target.position) - start;
  const shift = Math.max(0, size + box.gap - room);
  const crossAt = (across(source.position) + across(target.position)) / 2;
  const at = vertical ? { x: crossAt, y: start } : { x: start, y: crossAt };

  const positions = idRecord<Position>();
  positions[activityId] = at;
  if (shift > 0) {
    const moved = downstreamOf(indexGraph(doc), activityId);
    moved.delete(activityId);
    for (const id of moved) {
      const a = doc.activities.find((x) => x.id === id);
      if (!a) continue;
      positions[id] = vertical ? { x: a.position.x, y: a.position.y + shift } : { x: a.position.x + shift, y: a.position.y };
    }
  }
  return moveActivities(doc, positions);
}
