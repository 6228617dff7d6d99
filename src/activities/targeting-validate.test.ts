import { describe, expect, test } from 'vitest';
import type { GraphContext } from './define-activity';
import { campaign } from '../engine/testing/fixture';
import { deduplication } from './deduplication/definition';
import { split } from './split/definition';
import { combine } from './combine/definition';
import { reconciliation } from './reconciliation/definition';
import { loadFile } from './load-file/definition';
import { incrementalQuery } from './incremental-query/definition';

/** A graph context with two inbound transitions, enough for these validators. */
const ctx = (): GraphContext => {
  const doc = campaign([{ id: 'x', type: 'combine' }], []);
  const incoming = ['t1', 't2'].map((id) => ({ id, source: { activityId: 'a', port: 'out' }, target: { activityId: 'x', port: 'in' }, label: '' }));
  return { doc, activity: doc.activities[0]!, incoming, outgoing: [] };
};
const paths = (problems: { path?: string }[] | undefined) => (problems ?? []).map((p) => p.path);

describe('validation of targeting settings, before anything is computed', () => {
  test('deduplication: each method asks for its own field', () => {
    const v = (c: Record<string, unknown>) => paths(deduplication.validate!(deduplication.schema.parse(c), ctx()));
    expect(v({})).toEqual([]);
    expect(v({ fields: [], method: 'expression' })).toEqual(['fields', 'expression.field']);
    expect(v({ method: 'non-empty' })).toEqual(['nonEmptyField']);
    expect(v({ method: 'priority', priority: { field: 'tier', values: [] } })).toEqual(['priority']);
  });

  test('split: a sort needs a field; a percentage cannot exceed 100', () => {
    const config = split.schema.parse({
      subsets: [
        { id: 'a', label: 'A', order: { mode: 'sort', field: '', direction: 'asc' } },
        { id: 'b', label: 'B', limit: { kind: 'percent', value: 120 } },
      ],
    });
    expect(paths(split.validate!(config, ctx()))).toEqual(['subsets[0].order.field', 'subsets[1].limit.value']);
  });

  test('combine on columns needs columns', () => {
    expect(paths(combine.validate!(combine.schema.parse({ reconcile: 'columns' }), ctx()))).toEqual(['columns']);
  });

  test('new activities ask for their essential settings', () => {
    expect(paths(reconciliation.validate!(reconciliation.defaults(), ctx()))).toEqual(['pairs']);
    expect(paths(loadFile.validate!(loadFile.defaults(), ctx()))).toEqual(['content']);
    expect(paths(loadFile.validate!(loadFile.schema.parse({ content: 'a\n1' }), ctx()))).toEqual(['columns']);
    expect(paths(incrementalQuery.validate!(incrementalQuery.defaults(), ctx()))).toEqual(['dateField']);
  });
});
