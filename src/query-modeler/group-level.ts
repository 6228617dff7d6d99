import { createContext, useContext } from 'react';
import { MAX_RULE_DEPTH } from '../domain/nesting';

/** Why no group can be added below a group at the deepest level (menu item description). */
export const GROUP_DEPTH_REASON = `Rules nest at most ${MAX_RULE_DEPTH} groups deep`;

/**
 * Why a new group cannot go inside a group at `level` (the rule's own group is level 1), or
 * undefined when it can. A nested group, a related-records condition (its sub-conditions are a
 * group) and "Put in a group" each add one level; past MAX_RULE_DEPTH the campaign would be
 * refused, so the editor does not offer them there.
 */
export function groupDepthBlock(level: number): string | undefined {
  return level >= MAX_RULE_DEPTH ? GROUP_DEPTH_REASON : undefined;
}

/** The level of the group being rendered: each GroupEditor provides its own, one below its parent's. */
export const GroupLevelContext = createContext(0);

export function useGroupLevel(): number {
  return useContext(GroupLevelContext);
}
