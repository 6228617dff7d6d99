/**
 * The name an imported campaign gets: its own, unless a campaign already has it; then
 * "… (imported)", "… (imported 2)", and so on, so that the list never shows two campaigns that
 * cannot be told apart.
 */
export function importedName(name: string, taken: Iterable<string>): string {
  const names = new Set(taken);
  if (!names.has(name)) return name;
  for (let n = 1; ; n++) {
    const candidate = `${name} (imported${n === 1 ? '' : ` ${n}`})`;
    if (!names.has(candidate)) return candidate;
  }
}
