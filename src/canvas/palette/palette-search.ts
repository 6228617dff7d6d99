import type { ActivityCategory, ActivityDef } from '../../activities/define-activity';
import { activityDefs } from '../../activities/registry';

/** Category order of the palette. */
export const paletteCategories: readonly ActivityCategory[] = ['targeting', 'flow', 'channel'];

/**
 * Activity definitions matching a search, grouped by category in palette order. Every word of the
 * query must appear in the title, description or keywords, so "ab test" finds Split.
 */
export function searchActivities(
  query: string,
  defs: readonly ActivityDef<any>[] = activityDefs, // eslint-disable-line @typescript-eslint/no-explicit-any
): { category: ActivityCategory; defs: ActivityDef<unknown>[] }[] {
  const words = query.toLowerCase().split(/[\s/]+/).filter(Boolean);
  const matches = defs.filter((d) => {
    const haystack = [d.meta.title, d.meta.description, ...(d.meta.keywords ?? [])].join(' ').toLowerCase().replace(/\//g, ' ');
    return words.every((w) => haystack.includes(w));
  });
  return paletteCategories
    .map((category) => ({ category, defs: matches.filter((d) => d.meta.category === category) }))
    .filter((g) => g.defs.length > 0);
}

/** The entry Enter picks in a search: a title starting with the query, then a title containing it, then the first match. */
export function bestMatch(
  query: string,
  groups: readonly { defs: readonly ActivityDef<unknown>[] }[],
): ActivityDef<unknown> | undefined {
  const all = groups.flatMap((g) => g.defs);
  const q = query.trim().toLowerCase();
  return (
    all.find((d) => d.meta.title.toLowerCase().startsWith(q)) ??
    all.find((d) => d.meta.title.toLowerCase().includes(q)) ??
    all[0]
  );
}

/**
 * Activity types that can sit in the middle of a path (an input and an output with their default
 * settings): the ones the "+" on a transition offers.
 */
export const insertableActivities = activityDefs.filter((d) => {
  const ports = d.ports(d.defaults());
  return ports.in.length > 0 && ports.out.length > 0;
});

/** Activity types that can follow another one (they have an input): offered at the end of a new connection. */
export const followingActivities = activityDefs.filter((d) => d.ports(d.defaults()).in.length > 0);
