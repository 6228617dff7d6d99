import { describe, expect, test } from 'vitest';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from './run';

/**
 * Files as they come from other tools: byte-order marks, other encodings, line endings, small or
 * one-column CSVs, numbers and years at the edges, names that differ only by case.
 */
const campaignFile = 'cli/fixtures/shop-campaign.json';
const dataDir = 'cli/fixtures/shop-data';
const expectedCounts = { t_vip_all: 3, t_vip: 3, t_buyers_all: 3, t_buyers: 3, t_both: 2, t_sent: 2, t_vip2: 3, t_buyers2: 3, t_only_vip: 1, t_texted: 1 };

const latin1 = (text: string) => Buffer.from(text, 'latin1');
const bom = (text: string) => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);

/** A directory holding `files` (name -> content), for a campaign file or a data directory. */
async function dirWith(files: Record<string, string | Buffer>): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'campaign-cli-'));
  for (const [name, content] of Object.entries(files)) await writeFile(join(dir, name), content);
  return dir;
}

/** The shop data with some of its files replaced. */
async function shopDataWith(files: Record<string, string | Buffer>): Promise<string> {
  const names = ['data-model.json', 'customers.csv', 'orders.csv'];
  const original = Object.fromEntries(await Promise.all(names.map(async (n) => [n, await readFile(join(dataDir, n))] as const)));
  return dirWith({ ...original, ...files });
}

/** A campaign with one Build audience on customers whose rule is `condition`. */
const oneAudience = (condition: Record<string, unknown>) =>
  JSON.stringify({
    id: 'c',
    name: 'Years',
    schemaVersion: 1,
    activities: [
      { id: 'q', type: 'build-audience', label: 'Audience', position: { x: 0, y: 0 }, config: { targetDimension: 'customers', rule: { kind: 'group', id: 'r', combinator: 'and', children: [{ kind: 'attribute', id: 'a', ...condition }] } } },
      { id: 'e', type: 'end', label: 'End', position: { x: 200, y: 0 }, config: {} },
    ],
    transitions: [{ id: 't', source: { activityId: 'q', port: 'out' }, target: { activityId: 'e', port: 'in' } }],
  });

describe('campaign files', () => {
  test('a byte-order mark at the start is accepted by every command', async () => {
    const dir = await dirWith({ 'c.json': bom(await readFile(campaignFile, 'utf8')) });
    const counts = await runCli(['counts', join(dir, 'c.json'), '--data', dataDir]);
    expect(counts.stderr).toBe('');
    expect(JSON.parse(counts.stdout)).toEqual(expectedCounts);
    expect(await runCli(['validate', join(dir, 'c.json')])).toEqual({ stdout: 'no problems\n', stderr: '', code: 0 });
  });

  test('Latin-1 text is refused with the line and column of the first byte that is not UTF-8', async () => {
    const text = (await readFile(campaignFile, 'utf8')).replace('"VIP customers"', '"Clients privilégiés"');
    const line = text.slice(0, text.indexOf('privil')).split('\n').length;
    const column = text.split('\n')[line - 1]!.indexOf('é') + 1;
    const dir = await dirWith({ 'c.json': latin1(text) });
    const out = await runCli(['validate', join(dir, 'c.json')]);
    expect(out).toEqual({ stdout: '', stderr: `${join(dir, 'c.json')}:${line}:${column}: not UTF-8 text (byte 0xE9): save the file as UTF-8\n`, code: 65 });
  });

  test('1e999 is named as a number out of range, with its path', async () => {
    const dir = await dirWith({ 'c.json': oneAudience({ path: ['id'], operator: 'gt', value: 1 }).replace('"x":0', '"x":1e999') });
    const out = await runCli(['counts', join(dir, 'c.json'), '--data', dataDir]);
    expect(out).toEqual({ stdout: '', stderr: `${join(dir, 'c.json')}: activities[0].position.x: a number out of range (1e999): numbers go up to about ±1.797e308\n`, code: 65 });
  });
});

describe('data directories', () => {
  test('byte-order marks and Windows line endings in the model and every CSV', async () => {
    const files = await shopDataWith({});
    const withBoms = Object.fromEntries(await Promise.all(['data-model.json', 'customers.csv', 'orders.csv'].map(async (n) => [n, bom((await readFile(join(files, n), 'utf8')).replace(/\n/g, '\r\n'))] as const)));
    const out = await runCli(['counts', campaignFile, '--data', await dirWith(withBoms)]);
    expect(out.stderr).toBe('');
    expect(JSON.parse(out.stdout)).toEqual(expectedCounts);
  });

  test('a Latin-1 CSV is refused with its file, line and column', async () => {
    const dir = await shopDataWith({ 'customers.csv': latin1('id,name,vip,joined,segment\n1,Ann,true,,a\n2,Zoé,false,,b\n') });
    const out = await runCli(['counts', campaignFile, '--data', dir]);
    expect(out).toEqual({ stdout: '', stderr: `${join(dir, 'customers.csv')}:3:5: not UTF-8 text (byte 0xE9): save the file as UTF-8\n`, code: 65 });
  });

  test('small CSVs ending with a line break, and a CSV of one column, are read', async () => {
    const model = JSON.parse(await readFile(join(dataDir, 'data-model.json'), 'utf8'));
    model.entities.push({ name: 'tags', primaryKey: 'tag', fields: [{ name: 'tag', type: 'string' }] });
    const dir = await shopDataWith({ 'data-model.json': JSON.stringify(model), 'orders.csv': 'order_id,customer_id,total,ordered_at\n10,1,9.5,2025-06-01 10:00\n', 'tags.csv': 'tag\nnew\nsale\n' });
    const out = await runCli(['counts', join(await dirWith({ 'c.json': oneAudience({ path: ['vip'], operator: 'is-true' }) }), 'c.json'), '--data', dir]);
    expect(out.stderr).toBe('');
    expect(JSON.parse(out.stdout)).toEqual({ t: 3 });
  });

  test('problems of a CSV with CR-only line endings are on their own lines', async () => {
    const dir = await shopDataWith({ 'customers.csv': 'id,name,vip,joined,segment\r1,Ann,true,,a\r2,Bob,maybe,,b\r3,Cid,true,,c\r' });
    const out = await runCli(['counts', campaignFile, '--data', dir]);
    expect(out.code).toBe(65);
    expect(out.stderr).toBe(`${join(dir, 'customers.csv')}:3:3: vip: "maybe" is not true or false\n${join(dir, 'customers.csv')}:4:5: segment: "c" is not one of a, b\n`);
  });

  test('1e400 in a decimal column is refused with file, line and column', async () => {
    const dir = await shopDataWith({ 'orders.csv': 'order_id,customer_id,total,ordered_at\n10,1,9.5,\n11,1,1e400,\n' });
    const out = await runCli(['counts', campaignFile, '--data', dir]);
    expect(out).toEqual({ stdout: '', stderr: `${join(dir, 'orders.csv')}:3:3: total: "1e400" is out of range: numbers go up to about ±1.797e308\n`, code: 65 });
  });

  test('entities or fields whose names differ only by case are refused with their path, in one line each', async () => {
    const model = JSON.parse(await readFile(join(dataDir, 'data-model.json'), 'utf8'));
    model.entities.push({ ...model.entities[1], name: 'Orders', links: [] });
    model.entities[0].fields.push({ name: 'ID', type: 'integer' });
    const dir = await shopDataWith({ 'data-model.json': JSON.stringify(model) });
    const out = await runCli(['counts', campaignFile, '--data', dir]);
    expect(out).toEqual({
      stdout: '',
      stderr: [
        `${join(dir, 'data-model.json')}: entities.2.name: entity Orders has the same name as orders (names are compared without case)`,
        `${join(dir, 'data-model.json')}: entities.0.fields.5.name: field ID of customers has the same name as id (names are compared without case)`,
      ].join('\n') + '\n',
      code: 65,
    });
  });

  test('dates and date-times before 1901 and after 2038 are counted on their true value', async () => {
    const model = JSON.parse(await readFile(join(dataDir, 'data-model.json'), 'utf8'));
    model.entities[0].fields.push({ name: 'seen', type: 'timestamp' });
    const customers = ['id,name,vip,joined,segment,seen', '1,Ann,true,0001-01-01,a,1890-05-05 10:00', '2,Bob,false,1899-12-31,b,2040-01-01 12:00:00', '3,Cid,true,2039-01-01,b,9999-12-31 23:59:59', '4,Dee,false,1970-01-01,a,1970-01-01 00:00', '5,Eve,true,,a,'].join('\n');
    const dir = await shopDataWith({ 'data-model.json': JSON.stringify(model), 'customers.csv': customers });
    const count = async (condition: Record<string, unknown>) => {
      const out = await runCli(['counts', join(await dirWith({ 'c.json': oneAudience(condition) }), 'c.json'), '--data', dir]);
      expect(out.stderr).toBe('');
      return JSON.parse(out.stdout).t as number;
    };
    // 2040-01-01 12:00:00 was stored as 1903-11-26 05:31:44, and 1890-05-05 as 2026-06-11.
    expect(await count({ path: ['seen'], operator: 'after', value: '2038-01-19T03:14:07' })).toBe(2);
    expect(await count({ path: ['seen'], operator: 'before', value: '1900-01-01T00:00' })).toBe(1);
    expect(await count({ path: ['joined'], operator: 'before', value: '1900-01-01' })).toBe(2);
  });
});
