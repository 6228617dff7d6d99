import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { Engine } from '../../engine/engine';
import { openTestConnection } from '../../engine/testing/test-connection';
import { sampleDataModel } from '../../engine/data/sample-model';
import { rowsToArrow } from '../../engine/data/rows-to-arrow';
import type { Cell } from '../../engine/data/rows-to-arrow';
import { campaign } from '../../engine/testing/fixture';
import type { ConditionGroup } from '../../domain/rule';
import { all, attr, keysOf } from '../../engine/testing/activity-harness';

// The examples of the reference, on the sample data model with rows written out:
//   accounts 7, 8, 9 (9 has nobody)
//   profiles 1 (account 7, email opt-in), 2 (no account, opt-in), 3 (account 7), 4 (account 8)
//   bookings 20 (profile 1, flight), 21 (1, hotel), 22 (3, flight), 23 (4, event); profile 2 has none
const rows: Record<string, Record<string, Cell>[]> = {
  accounts: [7, 8, 9].map((id) => ({ account_id: id, name: `Account ${id}` })),
  profiles: [
    { profile_id: 1, account_id: 7, email_opt_in: true },
    { profile_id: 2, account_id: null, email_opt_in: true },
    { profile_id: 3, account_id: 7, email_opt_in: false },
    { profile_id: 4, account_id: 8, email_opt_in: false },
  ],
  bookings: [
    { booking_id: 20, profile_id: 1, kind: 'flight' },
    { booking_id: 21, profile_id: 1, kind: 'hotel' },
    { booking_id: 22, profile_id: 3, kind: 'flight' },
    { booking_id: 23, profile_id: 4, kind: 'event' },
  ],
};

let engine: Engine;
beforeAll(async () => {
  engine = new Engine(await openTestConnection());
  await engine.loadDataset({
    id: 'change-dimension-sample',
    model: sampleDataModel,
    tables: sampleDataModel.entities.map((e) => ({
      entity: e.name,
      *batches() {
        yield rowsToArrow(e, rows[e.name] ?? []);
      },
    })),
  });
}, 60_000);
afterAll(async () => engine.close());

/** Keys after Build audience (`dimension`, `rule`) then one Change dimension per step of `steps`. */
async function changed(
  dimension: string,
  rule: ConditionGroup,
  steps: { targetDimension: string; path: string[] }[],
  key: string,
): Promise<number[]> {
  const activities = [
    { id: 'a', type: 'build-audience', config: { targetDimension: dimension, rule } },
    ...steps.map((config, i) => ({ id: `cd${i}`, type: 'change-dimension', config })),
    { id: 'e', type: 'end' },
  ];
  const ids = activities.map((a) => a.id);
  const doc = campaign(
    activities,
    ids.slice(1).map((to, i) => [i === ids.length - 2 ? 'out' : `t${i}`, ids[i]!, to]),
  );
  const r = await engine.counts(doc);
  expect(r.errors).toEqual({});
  const keys = await keysOf(engine, doc, 'out', key);
  expect(r.counts.out).toBe(keys.length);
  return keys;
}

describe('Change dimension on the sample data model', () => {
  test('profiles -> their bookings; a profile without bookings drops out', async () => {
    expect(
      await changed(
        'profiles',
        all(attr('email_opt_in', 'is-true')),
        [{ targetDimension: 'bookings', path: ['bookings'] }],
        'booking_id',
      ),
    ).toEqual([20, 21]);
    expect(
      await changed('profiles', all(), [{ targetDimension: 'bookings', path: ['bookings'] }], 'booking_id'),
    ).toEqual([20, 21, 22, 23]);
  });

  test('bookings -> their profile, each profile once', async () => {
    expect(
      await changed(
        'bookings',
        all(attr('kind', 'equals', 'flight')),
        [{ targetDimension: 'profiles', path: ['profile'] }],
        'profile_id',
      ),
    ).toEqual([1, 3]);
  });

  test('accounts -> their people; an account without people drops out', async () => {
    expect(
      await changed(
        'accounts',
        all(attr('account_id', 'in', [7, 9])),
        [{ targetDimension: 'profiles', path: ['people'] }],
        'profile_id',
      ),
    ).toEqual([1, 3]);
  });

  test('people -> their accounts, each account once; people without an account drop out', async () => {
    expect(
      await changed(
        'profiles',
        all(attr('profile_id', 'in', [1, 2, 3])),
        [{ targetDimension: 'accounts', path: ['account'] }],
        'account_id',
      ),
    ).toEqual([7]);
  });

  test('one activity after another: accounts -> people -> bookings', async () => {
    expect(
      await changed(
        'accounts',
        all(attr('account_id', 'equals', 7)),
        [
          { targetDimension: 'profiles', path: ['people'] },
          { targetDimension: 'bookings', path: ['bookings'] },
        ],
        'booking_id',
      ),
    ).toEqual([20, 21, 22]);
  });
});
