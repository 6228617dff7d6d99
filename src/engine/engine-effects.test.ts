import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Engine } from './engine';
import { and, fixtureEngine } from './testing/engine-harness';
import { campaign } from './testing/fixture';

// Effects and counts that must not cost a query when nothing changed.

let engine: Engine;
let statements: string[];
beforeAll(async () => {
  ({ engine, statements } = await fixtureEngine());
}, 60_000);
afterAll(async () => engine.close());

const rule = (value: string) => and({ kind: 'attribute', id: 'a', path: ['country'], operator: 'equals', value });
const saving = (id: string, country: string) => ({
  ...campaign(
    [
      { id: 'q', type: 'build-audience', config: { targetDimension: 'profiles', rule: rule(country) } },
      { id: 's', type: 'save-audience', config: { audienceName: 'Shared name' } },
    ],
    [['t', 'q', 's']],
  ),
  id,
});
const writes = () => statements.filter((s) => s.includes('"audiences"') && /CREATE|INSERT|DELETE/.test(s)).length;

describe('saved audiences', () => {
  test('counting a campaign that saves an audience writes nothing', async () => {
    const before = writes();
    expect((await engine.counts(saving('a', 'FR'))).counts).toEqual({ t: 3 });
    expect(writes()).toBe(before);
    expect(engine.savedAudiences()).toEqual([]);
  });

  test('a run writes the audience; a recount of the unchanged campaign then runs no query at all', async () => {
    await engine.recordRun(saving('a', 'FR'));
    expect(writes()).toBeGreaterThan(0);
    const before = statements.length;
    await engine.counts(saving('a', 'FR'));
    expect(statements.slice(before)).toEqual([]);
    expect(engine.savedAudiences().find((x) => x.name === 'Shared name')?.count).toBe(3);
  });

  test('two campaigns saving the same name take turns: each run writes its own records', async () => {
    await engine.recordRun(saving('a', 'FR'));
    await engine.recordRun(saving('b', 'US'));
    expect(engine.savedAudiences().find((x) => x.name === 'Shared name')?.count).toBe(1);
    await engine.counts(saving('a', 'FR'));
    expect(engine.savedAudiences().find((x) => x.name === 'Shared name')?.count).toBe(1);
    await engine.recordRun(saving('a', 'FR'));
    expect(engine.savedAudiences().find((x) => x.name === 'Shared name')?.count).toBe(3);
  });
});

describe('a count without rows', () => {
  test('preview with a limit of 0 gives the total and runs no preview query', async () => {
    const doc = campaign(
      [
        { id: 'q', type: 'build-audience', config: { targetDimension: 'profiles', rule: rule('FR') } },
        { id: 'e', type: 'end' },
      ],
      [['t', 'q', 'e']],
    );
    const before = statements.length;
    const result = await engine.preview(doc, 't', 0);
    expect(result.total).toBe(3);
    expect(result.rows).toEqual([]);
    expect(statements.slice(before).some((s) => s.includes('LEFT JOIN') || s.startsWith('DESCRIBE'))).toBe(false);
  });
});
