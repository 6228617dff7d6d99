import { KeyboardSensor, PointerSensor, useSensor, useSensors, type Announcements, type DragEndEvent } from '@dnd-kit/core';
import { sortableKeyboardCoordinates } from '@dnd-kit/sortable';
import type { ConditionGroup } from '../domain/rule';
import { findParent, reorderCondition } from './tree-edits';

/**
 * Drag and keyboard reordering of conditions within their group (Space picks up, arrows move,
 * Space drops, Escape cancels). Moving between groups is left to "Put in a group" and copies:
 * a condition dragged into a collection's sub-conditions would change meaning silently.
 */
export function useRuleDnd(rule: ConditionGroup, edit: (fn: (r: ConditionGroup) => ConditionGroup) => void) {
  const sensors = useSensors(useSensor(PointerSensor, { activationConstraint: { distance: 4 } }), useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }));
  const position = (id: string | number) => {
    const p = findParent(rule, String(id));
    return p ? `position ${p.index + 1} of ${p.group.children.length}` : '';
  };
  const announcements: Announcements = {
    onDragStart: ({ active }) => `Picked up the condition at ${position(active.id)}. Use the arrow keys to move it, Space to drop it, Escape to cancel.`,
    onDragOver: ({ over }) => (over ? `Over ${position(over.id)}.` : 'Not over a place to drop.'),
    onDragEnd: ({ over }) => (over ? `Dropped at ${position(over.id)}.` : 'Dropped back in place.'),
    onDragCancel: () => 'Reordering cancelled.',
  };
  const onDragEnd = ({ active, over }: DragEndEvent) => {
    if (!over || active.id === over.id) return;
    edit((r) => {
      const from = findParent(r, String(active.id));
      const to = findParent(r, String(over.id));
      if (!from || !to || from.group.id !== to.group.id) return r;
      return reorderCondition(r, from.group.id, from.index, to.index);
    });
  };
  return { sensors, announcements, onDragEnd };
}
