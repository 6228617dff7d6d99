import { describe, expect, test } from 'vitest';
import { runCli } from './run';
import type { RecordTrace } from '../src/engine/trace/trace-types';

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
});
