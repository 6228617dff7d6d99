import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { metrics } from '../metrics';

/** The rows of the registry's table in docs/metrics.md: `| \`id\` | label | definition | formula |`. */
function documentedMetrics(): { id: string; label: string; definition: string }[] {
  const text = readFileSync(join(__dirname, '../../../docs/metrics.md'), 'utf8');
  const section = text.slice(text.indexOf('## Delivery metrics'), text.indexOf('\n## ', text.indexOf('## Delivery metrics') + 1));
  const lines = section.split('\n');
  const header = lines.findIndex((l) => /^\| id \| label \| definition \| formula \|$/.test(l.trim()));
  if (header < 0) throw new Error('docs/metrics.md has no table "| id | label | definition | formula |" under "Delivery metrics"');
  const rows = [];
  for (const line of lines.slice(header + 2)) {
    if (!line.startsWith('|')) break;
    const cells = line.split('|').slice(1, -1).map((c) => c.trim());
    rows.push({ id: cells[0]!.replace(/^`|`$/g, ''), label: cells[1]!, definition: cells[2]! });
  }
  return rows;
}

test('docs/metrics.md lists the metric registry: same ids in the same order, same labels and definitions', () => {
  const documented = documentedMetrics();
  expect(documented.length).toBeGreaterThan(0);
  expect(documented).toEqual(metrics.map((m) => ({ id: m.id, label: m.label, definition: m.definition })));
});
