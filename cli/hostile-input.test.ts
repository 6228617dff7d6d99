import { describe, expect, test } from 'vitest';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EXIT, MAX_SAMPLE_PROFILES, runCli } from './run';
import { openNodeDuckDB } from '../src/engine/duckdb/node-duckdb';

const campaignFile = 'cli/fixtures/shop-campaign.json';
const dataDir = 'cli/fixtures/shop-data';

type Doc = {
  activities: { id: string; type: string; label: string; config: Record<string, unknown> }[];
  transitions: { id: string; source: { activityId: string; port: string }; target: { activityId: string; port: string } }[];
};
const shop = async (): Promise<Doc> => JSON.parse(await readFile(campaignFile, 'utf8')) as Doc;

async function fileWith(doc: unknown, raw?: string): Promise<string> {
  const file = join(await mkdtemp(join(tmpdir(), 'campaign-cli-')), 'c.json');
  await writeFile(file, raw ?? JSON.stringify(doc));
  return file;
}

/** A rule of `depth` groups, each holding the next, written as text (no recursion anywhere). */
function deepRuleText(depth: number): string {
  const leaf = '{"kind":"attribute","id":"leaf","path":["vip"],"operator":"is-true"}';
  return `${'{"kind":"group","id":"g","combinator":"and","children":['.repeat(depth)}${leaf}${']}'.repeat(depth)}`;
}

async function deepCampaign(depth: number): Promise<string> {
  const doc = await shop();
  const text = JSON.stringify(doc).replace(/"rule":\{"kind":"group","id":"root","combinator":"and","children":\[\{"kind":"attribute","id":"c1","path":\["vip"\],"operator":"is-true"\}\]\}/, `"rule":${deepRuleText(depth)}`);
  expect(text).toContain('"id":"leaf"');
  return fileWith(undefined, text);
}

const oneLineEach = (stderr: string) => stderr.split('\n').filter((l) => l !== '').every((l) => !/^\s+at /.test(l));

describe('wiring against the connection rules', () => {
  test('a transition into an input that does not exist is refused, and listed by validate', async () => {
    const doc = await shop();
    doc.transitions.find((t) => t.id === 't_buyers')!.target.port = 'nope';
    const file = await fileWith(doc);
    const counts = await runCli(['counts', file, '--data', dataDir]);
    expect(counts).toMatchObject({ stdout: '', code: EXIT.invalidInput });
    expect(counts.stderr).toBe(`${file}: transitions[3].target.port: "VIP buyers" has no input "nope"\n`);
    const validate = await runCli(['validate', file]);
    expect(validate.code).toBe(EXIT.problems);
    expect(validate.stdout).toContain('error\tdangling-transition\tVIP buyers (both)\t"VIP buyers" has no input "nope" (transitions[3].target.port).');
  });

  test('a transition from an output that does not exist is refused', async () => {
    const doc = await shop();
    doc.transitions.find((t) => t.id === 't_buyers')!.source.port = 'nope';
    const out = await runCli(['counts', await fileWith(doc), '--data', dataDir]);
    expect(out.code).toBe(EXIT.invalidInput);
    expect(out.stderr).toContain('transitions[3].source.port: "Buyers to both branches" has no output "nope"');
  });

  test('two transitions leaving one output are refused, and listed by validate', async () => {
    const doc = await shop();
    doc.transitions.push({ id: 't_again', source: { activityId: 'both', port: 'out' }, target: { activityId: 'end_push', port: 'in' } });
    const file = await fileWith(doc);
    const out = await runCli(['counts', file, '--data', dataDir]);
    expect(out.code).toBe(EXIT.invalidInput);
    expect(out.stderr).toBe(`${file}: transitions[12].source: the output "Result" of "VIP buyers" already feeds transition "t_both": use a Fork to send it to several activities\n`);
    const validate = await runCli(['validate', file, '--json']);
    expect(validate.code).toBe(EXIT.problems);
    expect(JSON.parse(validate.stdout)).toContainEqual(expect.objectContaining({ code: 'output-used-twice', transitionId: 't_again', activityId: 'both' }));
  });

  test('two Split subsets with the same id are refused with the path', async () => {
    const doc = await shop();
    doc.activities.push({ id: 'sp', type: 'split', label: 'Halves', config: { subsets: [{ id: 's', label: 'A' }, { id: 's', label: 'B' }] }, position: { x: 0, y: 0 } } as never);
    doc.transitions.push({ id: 't_sp', source: { activityId: 'text', port: 'out' }, target: { activityId: 'sp', port: 'in' } });
    const i = doc.activities.length - 1;
    const file = await fileWith(doc);
    for (const command of ['counts', 'validate']) {
      const out = await runCli([command, file, '--data', dataDir]);
      expect(out.code).toBe(EXIT.invalidInput);
      expect(out.stderr).toBe(`${file}: activities[${i}].config.subsets[1].id: another output already has the id "s"\n`);
    }
  });
});

describe('rules nested beyond the limit', () => {
  test.each([700, 100_000])('%i levels: refused with the path by every command, no stack overflow', async (depth) => {
    const file = await deepCampaign(depth);
    for (const command of ['counts', 'sql', 'validate']) {
      const out = await runCli([command, file, '--data', dataDir]);
      expect(out.code).toBe(EXIT.invalidInput);
      expect(out.stderr).toMatch(/^.*c\.json: activities\[0\]\.config\.rule(\.children\[0\]){32}: a rule nests at most 32 groups deep; this group is at level 33\n$/);
    }
  });

  test('32 levels count', async () => {
    const out = await runCli(['counts', await deepCampaign(31), '--data', dataDir]);
    expect(out.stderr).toBe('');
    expect(JSON.parse(out.stdout).t_vip).toBe(3);
  });
});

describe('every failure is one line and a documented exit code', () => {
  test('data the engine cannot load (e.g. out of memory) is one line, exit 70', async () => {
    const failing = async () => {
      const conn = await openNodeDuckDB();
      return {
        ...conn,
        query: (sql: string) => (/CREATE|INSERT/i.test(sql) ? Promise.reject(new Error('Out of Memory Error: could not allocate block of size 256.0 KiB\nStack: at x (y.js:1:2)')) : conn.query(sql)),
        insertArrowIPC: () => Promise.reject(new Error('Out of Memory Error: could not allocate block of size 256.0 KiB\n    at z (w.js:3:4)')),
        close: () => conn.close(),
      };
    };
    const out = await runCli(['counts', campaignFile, '--profiles', '1000'], { openDuckDB: failing });
    expect(out).toEqual({ stdout: '', stderr: 'error: the data could not be loaded: Out of Memory Error: could not allocate block of size 256.0 KiB\n', code: EXIT.engineFailed });
  });

  test('an unexpected failure of the engine is one line, exit 70', async () => {
    const out = await runCli(['counts', campaignFile, '--profiles', '1000'], { openDuckDB: () => Promise.reject(new Error('cannot start DuckDB\n    at open (duck.js:1:1)')) });
    expect(out).toEqual({ stdout: '', stderr: 'error: cannot start DuckDB\n', code: EXIT.engineFailed });
  });

  test('--profiles beyond the documented maximum is a usage error', async () => {
    const out = await runCli(['counts', campaignFile, '--profiles', String(MAX_SAMPLE_PROFILES + 1)]);
    expect(out).toEqual({ stdout: '', stderr: `--profiles is at most ${MAX_SAMPLE_PROFILES.toLocaleString('en-US')}\n`, code: EXIT.usage });
    expect(oneLineEach(out.stderr)).toBe(true);
  });
});

describe('labels and ids in printed output', () => {
  test('a label or an id never starts a line of SQL, and no control character reaches the terminal', async () => {
    const doc = await shop();
    const vip = doc.activities.find((a) => a.id === 'vip')!;
    vip.label = 'VIP\nDROP TABLE customers; --\u001b[31m\u0007red\u2028x\u202e';
    const newId = 'b\r\nDROP TABLE orders; --';
    for (const a of doc.activities) if (a.id === 'buyers') a.id = newId;
    for (const t of doc.transitions) for (const end of [t.source, t.target]) if (end.activityId === 'buyers') end.activityId = newId;
    // A subset id is an output port, named in the SQL's comments too.
    doc.activities.push({ id: 'sp', type: 'split', label: 'Halves', config: { subsets: [{ id: 'a\nDROP TABLE x; --', label: 'A' }] }, position: { x: 0, y: 0 } } as never);
    doc.transitions = doc.transitions.filter((t) => t.id !== 't_texted');
    doc.transitions.push({ id: 't_sp', source: { activityId: 'text', port: 'out' }, target: { activityId: 'sp', port: 'in' } });
    doc.transitions.push({ id: 't_half', source: { activityId: 'sp', port: 'a\nDROP TABLE x; --' }, target: { activityId: 'end_text', port: 'in' } });
    const file = await fileWith(doc);
    const sql = await runCli(['sql', file, '--data', dataDir]);
    expect(sql.code).toBe(EXIT.ok);
    expect(sql.stdout).not.toMatch(/^\s*DROP/m);
    expect(sql.stdout).toContain('-- VIP\\nDROP TABLE customers; --\\u{1b}[31m\\u{7}red\\u{2028}x\\u{202e} (vip)\n');
    expect(sql.stdout).toContain('-- Customers with orders (b\\r\\nDROP TABLE orders; --)\n');
    expect(sql.stdout).toContain('-- a\\nDROP TABLE x; --\nCREATE TEMP TABLE');
    // eslint-disable-next-line no-control-regex
    const control = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e]/;
    for (const command of ['counts', 'sql', 'validate']) {
      const out = await runCli([command, file, '--data', dataDir]);
      expect(out.stdout).not.toMatch(control);
      expect(out.stderr).not.toMatch(control);
    }
    // The counts are those of the fixture: the labels change nothing.
    expect(JSON.parse((await runCli(['counts', file, '--data', dataDir])).stdout)).toMatchObject({ t_both: 2, t_only_vip: 1 });
  });

  test('an activity on a loop has its -- error line in sql', async () => {
    const doc = await shop();
    // VIP buyers -> email -> VIP without orders -> (its complement) -> VIP buyers.
    doc.transitions = doc.transitions.filter((t) => t.id !== 't_sent');
    doc.transitions.push({ id: 't_mailed', source: { activityId: 'mail', port: 'out' }, target: { activityId: 'only_vip', port: 'in' } });
    doc.transitions.push({ id: 't_back', source: { activityId: 'only_vip', port: 'complement' }, target: { activityId: 'both', port: 'in' } });
    const only = doc.activities.find((a) => a.id === 'only_vip')!;
    only.config = { ...only.config, complement: true };
    const out = await runCli(['sql', await fileWith(doc), '--data', dataDir]);
    expect(out.code).toBe(EXIT.activityFailed);
    for (const label of ['VIP buyers (both)', 'Thank-you email (mail)', 'VIP without orders (only_vip)', 'Nudge SMS (text)'])
      expect(out.stdout).toContain(`-- ${label}\n-- error: This activity is on a loop of transitions; break the loop to count it.`);
  });
});

describe('ids that are names of Object.prototype', () => {
  const hostile = ['__proto__', 'constructor', 'hasOwnProperty', 'toString'];

  test('count, print and validate like any other id', async () => {
    let text = JSON.stringify(await shop());
    // Activities and transitions renamed: vip, both, t_both, t_vip and a fork branch.
    const renames: [string, string][] = [['"vip"', '"__proto__"'], ['"both"', '"constructor"'], ['"t_both"', '"hasOwnProperty"'], ['"t_vip"', '"toString"'], ['"a"', '"valueOf"']];
    for (const [from, to] of renames) text = text.split(`"activityId":${from}`).join(`"activityId":${to}`).split(`"id":${from}`).join(`"id":${to}`).split(`"port":${from}`).join(`"port":${to}`);
    const file = await fileWith(undefined, text);
    const counts = await runCli(['counts', file, '--data', dataDir]);
    expect(counts.stderr).toBe('');
    const parsed = JSON.parse(counts.stdout) as Record<string, number>;
    expect(Object.keys(parsed)).toEqual(['t_vip_all', 'toString', 't_buyers_all', 't_buyers', 'hasOwnProperty', 't_sent', 't_vip2', 't_buyers2', 't_only_vip', 't_texted']);
    expect(parsed).toMatchObject({ toString: 3, hasOwnProperty: 2, t_sent: 2 });
    const sql = await runCli(['sql', file, '--data', dataDir]);
    expect(sql.stdout).not.toContain('[object Object]');
    expect(sql.stdout).toContain('-- VIP customers (__proto__)\n-- out\nCREATE TEMP TABLE');
    expect(sql.stdout).toContain('-- VIP buyers (constructor)\n-- out\nCREATE TEMP TABLE');
    expect(await runCli(['validate', file])).toEqual({ stdout: 'no problems\n', stderr: '', code: 0 });
    expect(hostile.every((id) => text.includes(`"${id}"`))).toBe(true);
  });

  test('a transition named __proto__ is counted', async () => {
    const text = JSON.stringify(await shop()).split('"t_sent"').join('"__proto__"');
    const out = await runCli(['counts', await fileWith(undefined, text), '--data', dataDir]);
    expect(out.stdout).toContain('"__proto__": 2');
  });
});
