import type { Condition, ConditionGroup } from '../../domain/rule';
import { Engine } from '../engine';
import { openTestConnection } from './test-connection';
import type { DuckConnection } from '../duckdb/connection';
import { campaign, fixtureDataset } from './fixture';

/** An engine on the Node DuckDB with the fixture loaded; `statements` records every SQL sent. */
export async function fixtureEngine(options: { failOn?: string } = {}): Promise<{ engine: Engine; statements: string[] }> {
  const conn = await openTestConnection();
  const statements: string[] = [];
  const recording: DuckConnection = {
    ...conn,
    query: (sql) => {
      statements.push(sql);
      // Lets a test make one chosen query fail, as a query DuckDB rejects at run time would.
      if (options.failOn && sql.includes(options.failOn)) return Promise.reject(new Error(`Simulated failure\n${'x'.repeat(20)}`));
      return conn.query(sql);
    },
  };
  const engine = new Engine(recording);
  await engine.loadDataset(fixtureDataset());
  return { engine, statements };
}

/** A rule that is an AND of the given conditions. */
export function and(...children: Condition[]): ConditionGroup {
  return { kind: 'group', id: 'g', combinator: 'and', children };
}

/** Keys selected by a Build audience with `rule` on `dimension`, via the transition's preview. */
export async function audienceKeys(engine: Engine, rule: ConditionGroup, dimension = 'profiles'): Promise<number[] | { error: string }> {
  const doc = campaign(
    [
      // Emitted even when empty, so that an empty audience reads as no keys, not as no transition.
      { id: 'q', type: 'build-audience', config: { targetDimension: dimension, rule, emitWhenEmpty: true } },
      { id: 'e', type: 'end' },
    ],
    [['t', 'q', 'e']],
  );
  const result = await engine.counts(doc);
  if (result.errors.q) return { error: result.errors.q };
  const preview = await engine.preview(doc, 't');
  const key = dimension === 'profiles' ? 'profile_id' : 'account_id';
  const keys = preview.rows.map((r) => Number(r[key]));
  if (keys.length !== result.counts.t) throw new Error('count and preview disagree');
  return keys;
}
