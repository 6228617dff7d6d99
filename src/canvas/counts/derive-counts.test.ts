import { describe, expect, test } from 'vitest';
import type { CampaignDoc } from '../../domain/campaign';
import { deriveCounts, type CountsSnapshot } from './derive-counts';
import { notEmittedText, waitingText } from './count-types';
import type { Problem } from '../../domain/problems';
import { MESSAGE_RESULTS_NEED_A_RUN } from '../../domain/rule-needs-run';
import { fittedCount, formatCompactCount, formatCount } from './format-count';

const doc = {
  id: 'c',
  name: 'c',
  description: '',
  schemaVersion: 1,
  settings: { orientation: 'horizontal', defaultTargetDimension: 'profiles', seed: 42 },
  activities: [
    { id: 'a', type: 'build-audience', label: 'A', position: { x: 0, y: 0 }, config: {}, configVersion: 1 },
    { id: 'b', type: 'end', label: 'B', position: { x: 0, y: 0 }, config: {}, configVersion: 1 },
    { id: 'c', type: 'end', label: 'C', position: { x: 0, y: 0 }, config: {}, configVersion: 1 },
  ],
  transitions: [
    { id: 't1', source: { activityId: 'a', port: 'out' }, target: { activityId: 'b', port: 'in' } },
    { id: 't2', source: { activityId: 'b', port: 'out' }, target: { activityId: 'c', port: 'in' } },
  ],
} as unknown as CampaignDoc;

const snapshot = (over: Partial<CountsSnapshot> = {}): CountsSnapshot => ({
  counts: { t1: 1200 },
  errors: {},
  skipped: {},
  outputs: { a: { out: 1200 } },
  stale: false,
  ...over,
});

describe('counts on the canvas', () => {
  test('everything is loading before the first counts', () => {
    const d = deriveCounts(doc, undefined);
    expect(d.transitions.t1).toEqual({ loading: true });
    expect(d.activities.a).toEqual({ loading: true });
  });

  test('transitions carry their count; unchanged entries keep their identity', () => {
    const first = deriveCounts(doc, snapshot());
    expect(first.transitions.t1).toEqual({ loading: false, count: 1200 });
    const again = deriveCounts(doc, snapshot(), first);
    expect(again.transitions.t1).toBe(first.transitions.t1);
    expect(again.activities.a).toBe(first.activities.a);
    const changed = deriveCounts(doc, snapshot({ counts: { t1: 7 } }), first);
    expect(changed.transitions.t1).not.toBe(first.transitions.t1);
    expect(changed.activities.a).toBe(first.activities.a);
  });

  test('an activity whose settings become incomplete keeps its last count, dimmed; an error does not', () => {
    const counted = deriveCounts(doc, snapshot());
    expect(counted.activities.a).toMatchObject({ count: 1200 });
    const incomplete = snapshot({ counts: {}, outputs: {}, errors: { a: 'Condition on (no field): Choose a field.' }, skipped: { b: 'upstream', c: 'upstream' } });
    const warn: Problem[] = [{ severity: 'warning', code: 'rule', message: 'Choose a field.', activityId: 'a' }];
    const kept = deriveCounts(doc, incomplete, counted, (id) => (id === 'a' ? warn : undefined));
    expect(kept.activities.a).toMatchObject({ count: 1200, stale: true, lastCount: true, fromProblems: true, reason: 'No count until the settings of this activity are complete.' });
    // Still kept at the next answer, which has the same incomplete rule.
    expect(deriveCounts(doc, incomplete, kept, (id) => (id === 'a' ? warn : undefined)).activities.a).toBe(kept.activities.a);
    // Never counted: nothing to keep.
    expect(deriveCounts(doc, incomplete, undefined, (id) => (id === 'a' ? warn : undefined)).activities.a?.count).toBeUndefined();
    // An error to fix is not an unfinished rule: no count is kept.
    const err: Problem[] = [{ ...warn[0]!, severity: 'error' }];
    const failed = deriveCounts(doc, incomplete, counted, (id) => (id === 'a' ? err : undefined)).activities.a;
    expect(failed?.count).toBeUndefined();
    expect(failed?.error).toBe('No count until the errors of this activity are fixed.');
  });

  test('the transitions of an incomplete activity, and what follows it, keep their last count, dimmed and named', () => {
    const counted = deriveCounts(doc, snapshot({ counts: { t1: 1200, t2: 1200 }, outputs: { a: { out: 1200 }, b: { out: 1200 } } }));
    expect(counted.transitions.t2).toMatchObject({ count: 1200 });
    const incomplete = snapshot({ counts: {}, outputs: {}, errors: { a: 'Condition on (no field): Choose a field.' }, skipped: { b: 'upstream', c: 'upstream' } });
    const warn: Problem[] = [{ severity: 'warning', code: 'rule', message: 'Choose a field.', activityId: 'a' }];
    const problems = (id: string) => (id === 'a' ? warn : undefined);
    const kept = deriveCounts(doc, incomplete, counted, problems);
    expect(kept.transitions.t1).toEqual({
      loading: false,
      count: 1200,
      stale: true,
      lastCount: true,
      fromProblems: true,
      reason: 'No count: “A” is not set up yet. Choose a field.',
      incomplete: 'last count, until the settings of “A” are complete',
      technical: 'Condition on (no field): Choose a field.',
    });
    // After it: the activity and its transition, named after the activity that holds them back.
    expect(kept.activities.b).toMatchObject({ count: 1200, stale: true, lastCount: true, incomplete: 'last count, until the settings of “A” are complete' });
    expect(kept.transitions.t2).toMatchObject({ count: 1200, stale: true, lastCount: true, reason: 'No count: “A” before this one is not set up yet.' });
    // The activity itself says "its settings".
    expect(kept.activities.a).toMatchObject({ count: 1200, lastCount: true, incomplete: 'last count, until the settings are complete' });
    // What it told with that count, such as the records it left out, is kept with it.
    const told = { ...counted, activities: { ...counted.activities, a: { ...counted.activities.a!, leftOut: { count: 5, text: 'not matched' } } } };
    expect(deriveCounts(doc, incomplete, told, problems).activities.a?.leftOut).toEqual({ count: 5, text: 'not matched' });
    // Complete again: fresh counts, nothing kept.
    const fresh = deriveCounts(doc, snapshot({ counts: { t1: 30, t2: 30 }, outputs: { a: { out: 30 }, b: { out: 30 } } }), kept);
    expect(fresh.transitions.t1).toEqual({ loading: false, count: 30 });
    expect(fresh.transitions.t2).toEqual({ loading: false, count: 30 });
    // An error before it: no count is kept on its transitions nor after it.
    const err: Problem[] = [{ ...warn[0]!, severity: 'error' }];
    const failed = deriveCounts(doc, incomplete, counted, (id) => (id === 'a' ? err : undefined));
    expect(failed.transitions.t1?.count).toBeUndefined();
    expect(failed.transitions.t2?.count).toBeUndefined();
    expect(failed.activities.b?.count).toBeUndefined();
  });

  test('an End shows the records it receives, though the engine computes nothing for it', () => {
    const d = deriveCounts(doc, snapshot({ counts: { t1: 1200 }, skipped: { b: 'no-output', c: 'no-output' } }));
    expect(d.activities.b).toEqual({ loading: false, count: 1200 });
    // Nothing counted on its way in (t2 leaves an End): no count, and why.
    expect(d.activities.c).toEqual({ loading: false, reason: 'No count: this activity has no output.' });
  });

  test('stale counts are marked; a new transition waits for the next answer', () => {
    const d = deriveCounts(doc, snapshot({ stale: true }));
    expect(d.transitions.t1).toEqual({ loading: false, count: 1200, stale: true });
    expect(d.transitions.t2).toEqual({ loading: true });
  });

  test('errors and skipped activities have no count, with the reason and the activity it comes from', () => {
    const raw = 'Conversion Error: Could not convert string "abc" to INT64';
    const d = deriveCounts(doc, snapshot({ errors: { a: raw }, skipped: { b: 'upstream' } }));
    const failed = { loading: false, error: expect.stringMatching(/^The query could not run: a value does not have the type/), technical: raw };
    expect(d.transitions.t1).toEqual(failed);
    expect(d.activities.a).toEqual(failed);
    expect(d.transitions.t2).toEqual({ loading: false, reason: 'No count: the query of “A” before this one failed.' });
    // The compiler's own sentences are already a marketer's words.
    expect(deriveCounts(doc, snapshot({ errors: { a: 'Country needs a value' } })).activities.a).toEqual({ loading: false, error: 'Country needs a value' });
    const disabled = deriveCounts(doc, snapshot({ skipped: { a: 'disabled', b: 'upstream' } }));
    expect(disabled.activities.a?.reason).toMatch(/disabled/);
    expect(disabled.activities.b?.reason).toBe('No count: “A” before this one is disabled.');
  });

  test('an activity that reads message results needs a run, as do the ones after it: not an error', () => {
    const d = deriveCounts(doc, snapshot({ counts: {}, outputs: {}, errors: { a: MESSAGE_RESULTS_NEED_A_RUN }, skipped: { b: 'upstream', c: 'upstream' } }));
    expect(d.activities.a).toEqual({ loading: false, needsRun: true, reason: MESSAGE_RESULTS_NEED_A_RUN });
    expect(d.transitions.t1).toEqual({ loading: false, needsRun: true, reason: MESSAGE_RESULTS_NEED_A_RUN });
    expect(d.activities.c).toEqual({ loading: false, needsRun: true, reason: '“A” before this one reads message results, which exist once the campaign is simulated.' });
    expect(d.transitions.t2?.error).toBeUndefined();
  });

  test('an engine error that the activity’s problems explain points to them instead of being told again', () => {
    const noField = 'Condition on nope: profiles has no field nope';
    const problem = (severity: Problem['severity'], code: string, message: string): Problem => ({ severity, code, message, activityId: 'a' });
    const withError = deriveCounts(doc, snapshot({ counts: {}, outputs: {}, errors: { a: noField }, skipped: { b: 'upstream' } }), undefined, () => [problem('error', 'rule', 'Profiles have no field “nope” in this data.')]);
    expect(withError.activities.a).toEqual({ loading: false, error: 'No count until the errors of this activity are fixed.', fromProblems: true, technical: noField });
    expect(withError.transitions.t1).toEqual({ loading: false, error: 'No count: “A” has an error to fix. Profiles have no field “nope” in this data.', fromProblems: true, technical: noField });
    expect(withError.transitions.t2?.reason).toBe('No count: “A” before this one has an error to fix.');

    const choose = 'Choose the saved audience to read.';
    const incomplete = deriveCounts(doc, snapshot({ counts: {}, outputs: {}, errors: { a: choose } }), undefined, () => [problem('warning', 'missing-config', choose)]);
    // The engine says exactly what the problem says: nothing more to show on demand.
    expect(incomplete.activities.a).toEqual({ loading: false, reason: 'No count until the settings of this activity are complete.', fromProblems: true, incomplete: 'last count, until the settings are complete' });
    expect(incomplete.transitions.t1).toEqual({
      loading: false,
      reason: `No count: “A” is not set up yet. ${choose}`,
      fromProblems: true,
      incomplete: 'last count, until the settings of “A” are complete',
    });

    // An unrelated warning does not hide a failed query.
    const failed = deriveCounts(doc, snapshot({ errors: { a: 'Out of Memory Error: failed to allocate' } }), undefined, () => [problem('warning', 'unconnected', '“A” is not connected.')]);
    expect(failed.activities.a?.error).toMatch(/ran out of memory/);
    expect(failed.activities.a?.fromProblems).toBeUndefined();
  });

  test('an empty output that is not emitted says so; the activity shows its 0 records', () => {
    const d = deriveCounts(doc, snapshot({ counts: {}, outputs: { a: { out: 0 } }, skipped: { b: 'upstream' } }));
    expect(d.transitions.t1).toEqual({ loading: false, reason: notEmittedText });
    expect(d.transitions.t2).toEqual({ loading: false, reason: 'No count: “A” before this one has no records to pass on.' });
    expect(d.activities.a).toEqual({ loading: false, count: 0 });
    const emitted = deriveCounts(doc, snapshot({ counts: { t1: 0 }, outputs: { a: { out: 0 } } }));
    expect(emitted.transitions.t1).toEqual({ loading: false, count: 0 });
  });

  test('an And-join whose branch is not emitted waits, and says for which branch', () => {
    const activity = (id: string, type: string, label: string) => ({ id, type, label, position: { x: 0, y: 0 }, config: {}, configVersion: 1 });
    const link = (id: string, from: string, to: string) => ({ id, source: { activityId: from, port: 'out' }, target: { activityId: to, port: 'in' } });
    const joined = {
      ...doc,
      activities: [activity('a', 'build-audience', 'Buyers'), activity('v', 'build-audience', 'VIPs'), activity('j', 'and-join', 'Join'), activity('e', 'end', 'End')],
      transitions: [link('ta', 'a', 'j'), link('tv', 'v', 'j'), link('tj', 'j', 'e')],
    } as unknown as CampaignDoc;
    const d = deriveCounts(joined, snapshot({ counts: { ta: 120 }, outputs: { a: { out: 120 }, v: { out: 0 } }, skipped: { j: 'upstream' } }));
    const reason = 'Waiting: “VIPs” is not emitted, so nothing continues. An activity with several inputs runs only when every input has records to carry.';
    expect(waitingText(['VIPs'])).toBe(reason);
    expect(d.activities.j).toEqual({ loading: false, waiting: true, reason });
    expect(d.transitions.tj).toEqual({ loading: false, waiting: true, reason });
    expect(d.transitions.tv).toEqual({ loading: false, reason: notEmittedText });
    expect(waitingText(['A', 'B', 'C'])).toMatch(/^Waiting: “A”, “B” and “C” are not emitted/);
  });
});

describe('count formats', () => {
  test('thousands separators; compact only when too long', () => {
    expect(formatCount(1234567)).toBe('1,234,567');
    expect(fittedCount(1234567)).toBe('1,234,567');
    expect(fittedCount(12_345_678)).toBe('12.3M');
    expect(formatCompactCount(9999)).toBe('9,999');
    expect(formatCompactCount(123_456)).toBe('123.5K');
  });
});

describe('records an activity loses without a trace', () => {
  const splitDoc = (complement: boolean) =>
    ({
      ...doc,
      activities: [
        doc.activities[0]!,
        {
          id: 's',
          type: 'split',
          label: 'S',
          position: { x: 0, y: 0 },
          configVersion: 1,
          config: { subsets: [{ id: 'k1', label: 'One' }, { id: 'k2', label: 'Two' }], complement, complementLabel: 'Rest' },
        },
      ],
      transitions: [{ id: 't1', source: { activityId: 'a', port: 'out' }, target: { activityId: 's', port: 'in' } }],
    }) as unknown as CampaignDoc;

  test('a Split without a complement tells the records in no subset: input minus its outputs', () => {
    const d = deriveCounts(splitDoc(false), snapshot({ outputs: { a: { out: 1200 }, s: { k1: 300, k2: 500 } } }));
    expect(d.activities.s!.leftOut).toEqual({ count: 400, text: 'not in any subset' });
  });

  test('nothing is told when a complement carries them, or when nothing is lost', () => {
    expect(deriveCounts(splitDoc(true), snapshot({ outputs: { a: { out: 1200 }, s: { k1: 300, k2: 500, complement: 400 } } })).activities.s!.leftOut).toBeUndefined();
    expect(deriveCounts(splitDoc(false), snapshot({ outputs: { a: { out: 1200 }, s: { k1: 700, k2: 500 } } })).activities.s!.leftOut).toBeUndefined();
  });

  test('nothing is told before the input is counted', () => {
    const d = deriveCounts(splitDoc(false), snapshot({ counts: {}, outputs: { s: { k1: 300, k2: 500 } }, stale: true }));
    expect(d.activities.s!.leftOut).toBeUndefined();
  });
});
