import type { CampaignDoc } from '../../domain/campaign';
import type { AttributeCondition, ConditionGroup } from '../../domain/rule';
import { Engine } from '../engine';
import { openTestConnection } from './test-connection';
import type { PlainRow } from '../rows';
import { fixtureDataset, fixtureRows } from './fixture';
import type { Cell } from '../data/rows-to-arrow';

/**
 * Helpers for the activity tests: an engine on the fixture (or on rows a test writes out), the keys
 * and rows a transition carries, and compact rule builders.
 */

/** An engine on the Node DuckDB with the fixture rows, or with `rows` in their place. */
export async function engineWith(rows: Record<string, Record<string, Cell>[]> = fixtureRows): Promise<Engine> {
  const engine = new Engine(await openTestConnection());
  await engine.loadDataset(fixtureDataset(rows));
  return engine;
}

/** The rows a transition carries, ordered by key (at most 1000). */
export async function rowsOf(engine: Engine, doc: CampaignDoc, transitionId: string): Promise<PlainRow[]> {
  return (await engine.preview(doc, transitionId, 1000)).rows;
}

/** The keys a transition carries, ordered. */
export async function keysOf(engine: Engine, doc: CampaignDoc, transitionId: string, key = 'profile_id'): Promise<number[]> {
  return (await rowsOf(engine, doc, transitionId)).map((r) => Number(r[key]));
}

/** Picks some columns of each row, for comparisons written by hand. */
export function pick(rows: PlainRow[], ...columns: string[]): unknown[][] {
  return rows.map((r) => columns.map((c) => (typeof r[c] === 'bigint' ? Number(r[c]) : r[c])));
}

/** An attribute condition on a field path written with dots (`account.company`). */
export function attr(path: string, operator: AttributeCondition['operator'], value?: AttributeCondition['value']): AttributeCondition {
  return { kind: 'attribute', id: path, path: path.split('.'), operator, ...(value !== undefined ? { value } : {}) };
}

/** An AND group of conditions. */
export function all(...children: ConditionGroup['children']): ConditionGroup {
  return { kind: 'group', id: 'g', combinator: 'and', children };
}

/** A Build audience activity over profiles (or `dimension`) with a rule. */
export function audience(id: string, rule: ConditionGroup = all(), dimension = 'profiles') {
  return { id, type: 'build-audience', config: { targetDimension: dimension, rule } };
}

/** The fixture's rule sets, worked out by hand from fixture.ts. */
export const rules = {
  /** country FR: {1, 3, 6} */
  FR: all(attr('country', 'equals', 'FR')),
  /** opt-in: {1, 3, 4, 6} */
  OPT: all(attr('opt_in', 'is-true')),
  /** score > 50: {1, 3, 4} */
  HIGH: all(attr('score', 'gt', 50)),
  /** country US: {2} */
  US: all(attr('country', 'equals', 'US')),
};
