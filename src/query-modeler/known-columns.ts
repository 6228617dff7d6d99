import type { WorkingTableColumn } from '../domain/rule-columns';

/**
 * Columns a form offers: those the engine reports for a transition (once computed) and those the
 * document declares (at once, e.g. an Enrichment alias just typed), each name once, the engine's
 * first.
 */
export function knownColumns(engine: readonly WorkingTableColumn[], declared: readonly WorkingTableColumn[] | undefined): WorkingTableColumn[] {
  const names = new Set(engine.map((c) => c.name));
  return [...engine, ...(declared ?? []).filter((c) => !names.has(c.name))];
}
