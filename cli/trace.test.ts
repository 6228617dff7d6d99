import { describe, expect, test } from 'vitest';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from './run';
import type { RecordTrace } from '../src/engine/trace/trace-types';
import { campaign as compact } from '../src/engine/testing/fixture';

// cli/fixtures/shop-data: Ann (1) is a VIP with orders, Bob (2) neither, Dee (4) has an order and is in segment a.
const campaign = 'cli/fixtures/shop-campaign.json';
const data = ['--data', 'cli/fixtures/shop-data'];

describe('campaign trace', () => {
  test('--format json prints the engine trace: a record left out by a condition, with each value', async () => {
    const out = await runCli(['trace', campaign, ...data, '--record', '2', '--format', 'json']);
    expect(out.stderr).toBe('');
    expect(out.code).toBe(0);
    const trace = JSON.parse(out.stdout) as RecordTrace;
    expect(trace).toMatchObject({ dimension: 'customers', key: '2', found: true });
    const vip = trace.activities.find((a) => a.activityId === 'vip')!;
    expect(vip).toMatchObject({ status: 'out', reason: 'Left out by "vip is true".' });
    expect(vip.rules![0]!.conditions).toEqual([{ label: 'vip is true', value: false, decided: true }]);
    expect(trace.activities.find((a) => a.activityId === 'both')!.status).toBe('not-reached');
    expect(trace.transitions).toEqual([]);
  });

  test('text: one block per activity; a record that goes through the intersection to the email', async () => {
    const out = await runCli(['trace', campaign, ...data, '--record', '1']);
    expect(out.code).toBe(0);
    expect(out.stdout).toContain('customers 1: Ann');
    expect(out.stdout).toContain('VIP buyers (both): in. Kept (intersection): held by VIP to both branches, Buyers to both branches.');
    expect(out.stdout).toContain('Thank-you email (mail): out. Not sent: no address.');
    expect(out.stdout).toContain('  held by  ');
  });

  test('a missing or badly typed record is a usage error', async () => {
    expect((await runCli(['trace', campaign, ...data])).code).toBe(64);
    const wrong = await runCli(['trace', campaign, ...data, '--record', 'x1']);
    expect(wrong).toMatchObject({ code: 64, stdout: '' });
    expect(wrong.stderr).toContain('"x1" is not a key of customers');
    expect((await runCli(['trace', campaign, ...data, '--record', '1', '--format', 'csv'])).code).toBe(64);
  });

  test('across a Change dimension: the orders of a customer, each in or out and why (json and text)', async () => {
    // Ann (1) has orders 10 (9.5) and 11 (20); Bob (2) none. The split keeps orders above 10.
    const doc = compact(
      [
        { id: 'all', type: 'build-audience', config: { targetDimension: 'customers', rule: { kind: 'group', id: 'r', combinator: 'and', children: [] } } },
        { id: 'orders', type: 'change-dimension', config: { targetDimension: 'orders', path: ['orders'] } },
        { id: 'big', type: 'split', config: { complement: false, subsets: [{ id: 'b', label: 'Big', filter: { kind: 'group', id: 'f', combinator: 'and', children: [{ kind: 'attribute', id: 'c', path: ['total'], operator: 'gt', value: 10 }] } }] } },
        { id: 'end', type: 'end' },
      ],
      [
        ['t1', 'all', 'orders'],
        ['t2', 'orders', 'big'],
        ['t3', 'big', 'end', 'b'],
      ],
    );
    const file = join(await mkdtemp(join(tmpdir(), 'campaign-trace-')), 'c.json');
    await writeFile(file, JSON.stringify(doc));
    const json = await runCli(['trace', file, ...data, '--record', '1', '--format', 'json']);
    expect(json.stderr).toBe('');
    const trace = JSON.parse(json.stdout) as RecordTrace;
    const step = (id: string) => trace.activities.find((a) => a.activityId === id)!;
    expect(step('orders')).toMatchObject({ status: 'in', reason: '2 records of orders linked to this record.', change: { received: 1, linked: 2, unlinked: 0 } });
    expect(step('big')).toMatchObject({ status: 'in', reason: '1 of the 2 linked orders is in; 10 out: Matched no subset.' });
    expect(step('big').linked!.records.map((r) => [r.key, r.status, r.rules![0]!.conditions[0]!.value])).toEqual([
      ['10', 'out', false],
      ['11', 'in', true],
    ]);
    expect(trace.transitions).toEqual(['t1', 't2', 't3']);
    const text = await runCli(['trace', file, ...data, '--record', '1']);
    expect(text.stdout).toContain('big (big): in. 1 of the 2 linked orders is in; 10 out: Matched no subset.');
    expect(text.stdout).toContain('  orders 10: out. Matched no subset.\n    Subset "Big" (and): false\n      false (decided)  total is more than 10');
    const bob = JSON.parse((await runCli(['trace', file, ...data, '--record', '2', '--format', 'json'])).stdout) as RecordTrace;
    expect(bob.activities.find((a) => a.activityId === 'orders')).toMatchObject({ status: 'out', reason: 'No orders linked to this record: left out, with no linked record.' });
    expect(bob.activities.find((a) => a.activityId === 'big')).toMatchObject({ status: 'not-reached', reason: 'No orders linked to this record.' });
  });
});
