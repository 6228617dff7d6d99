import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from './engine';
import { fixtureEngine } from './testing/engine-harness';
import { campaign } from './testing/fixture';
import { mailingColumns, mailingCsv } from '../activities/channel-content/mailing-file';
import { fixtureModel } from './testing/fixture';
import { channelAudienceDoc } from '../activities/channel-content/channel-audience';

/**
 * Every fixture profile, enriched with its name as `who`, into an email. Expected values are read
 * off the fixture rows by hand: profiles 1 to 6 by key, accounts 10 (Acme) and 11 (Globex).
 */
const doc = campaign(
  [
    { id: 'q', type: 'build-audience', config: { targetDimension: 'profiles' } },
    { id: 'en', type: 'enrichment', config: { attributes: [{ id: 'x', path: ['name'], alias: 'who' }] } },
    { id: 'm', type: 'email' },
  ],
  [
    ['t1', 'q', 'en'],
    ['t2', 'en', 'm'],
  ],
);

describe('recipient values (message preview, direct-mail file)', () => {
  let engine: Engine;
  let statements: string[];
  beforeAll(async () => {
    ({ engine, statements } = await fixtureEngine());
  });
  afterAll(() => engine.close());

  it('returns the fields, fields one link away and inbound columns of the record at an offset', async () => {
    const paths = ['name', 'account.company', 'who', 'email', 'nickname', 'unsubscribe_url'];
    const first = await engine.recipientValues(doc, 't2', paths, 0, 1);
    expect(first.total).toBe(6);
    expect(first.rows).toEqual([{ __key: 1, name: 'Ann', 'account.company': 'Acme', who: 'Ann', email: 'ann@x.com' }]);
    const second = await engine.recipientValues(doc, 't2', paths, 1, 1);
    expect(second.rows).toEqual([{ __key: 2, name: 'Bob', 'account.company': null, who: 'Bob', email: 'bob@x.com' }]);
    const last = await engine.recipientValues(doc, 't2', paths, 5, 1);
    expect(last.rows[0]).toMatchObject({ __key: 6, name: 'Fay', 'account.company': 'Globex' });
    // Past the end, the last record.
    expect((await engine.recipientValues(doc, 't2', paths, 99, 1)).offset).toBe(5);
    expect(statements.some((s) => s.includes('LEFT JOIN "ds_1"."accounts" AS l0 ON l0."account_id" = e."account_id"'))).toBe(true);
  });

  it('returns every record for the mailing file, by key', async () => {
    const columns = mailingColumns(fixtureModel, 'profiles', ['name', 'account.company']);
    const all = await engine.recipientValues(doc, 't2', columns);
    expect(all.rows.map((r) => r.name)).toEqual(['Ann', 'Bob', 'Cid', 'Dee', "O'Eve", 'Fay']);
    expect(mailingCsv(columns, all.rows).split('\r\n')).toEqual(['name,account.company', 'Ann,Acme', 'Bob,', 'Cid,Acme', 'Dee,Globex', "O'Eve,", 'Fay,Globex']);
  });

  it('answers the same for the part of the campaign upstream of the channel, whatever the message says', async () => {
    const asked = channelAudienceDoc(doc, 't2')!;
    expect(asked.activities.map((a) => [a.id, a.type])).toEqual([['q', 'build-audience'], ['en', 'enrichment'], ['m', 'end']]);
    const edited = { ...doc, activities: doc.activities.map((a) => (a.id === 'm' ? { ...a, config: { ...a.config, subject: 'Changed' } } : a)) };
    expect(channelAudienceDoc(edited, 't2')).toEqual(asked);
    expect(await engine.recipientValues(asked, 't2', ['name', 'who'], 2, 1)).toEqual({ rows: [{ __key: 3, name: 'Cid', who: 'Cid' }], total: 6, offset: 2 });
  });

  it('says why when the transition carries nothing', async () => {
    await expect(engine.recipientValues(doc, 'nope', ['name'])).rejects.toThrow('No transition nope.');
  });
});
