import type { EnrichmentConfig } from './definition';

/**
 * The columns an Enrichment adds, in the order the engine adds them (attributes, collections,
 * joins), as the form shows them before the engine has computed anything. A first-lines collection
 * gives `<alias>_<n>_<field>` for each line and field; a join column keeps its name when its alias
 * is empty.
 */
export function enrichmentColumns(config: EnrichmentConfig): string[] {
  return [
    ...config.attributes.map((a) => a.alias),
    ...config.collections.flatMap((c) =>
      c.mode === 'aggregate' ? [c.alias] : Array.from({ length: c.count }, (_, i) => c.fields.map((f) => `${c.alias}_${i + 1}_${f}`)).flat(),
    ),
    ...config.joins.flatMap((j) => j.columns.map((c) => (c.alias.trim() === '' ? c.name : c.alias))),
  ];
}

/** A column name suggested for a path: its elements joined by underscores (`account_company`). */
export function aliasFor(path: readonly string[]): string {
  return path.join('_').replace(/[^A-Za-z0-9_]/g, '_');
}

/**
 * Problems with the aliases people typed, before the engine reports them one at a time: names that
 * are not plain identifiers and names used twice (or equal to an existing column of the working table).
 */
export function aliasProblems(config: EnrichmentConfig, existing: readonly string[] = []): Map<string, string> {
  const problems = new Map<string, string>();
  const seen = new Set(existing.map((c) => c.toLowerCase()));
  for (const name of enrichmentColumns(config)) {
    if (!/^[A-Za-z_][A-Za-z0-9_]{0,62}$/.test(name)) problems.set(name, `“${name}” is not a valid column name: use letters, digits and underscores, starting with a letter.`);
    else if (seen.has(name.toLowerCase())) problems.set(name, `The working table already has a column ${name}.`);
    seen.add(name.toLowerCase());
  }
  return problems;
}
