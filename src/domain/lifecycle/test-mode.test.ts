import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Engine } from '../../engine/engine';
import { campaign } from '../../engine/testing/fixture';
import { all, attr, audience, engineWith } from '../../engine/testing/activity-harness';
import { validateCampaign } from '../validate';
import { describeRun, idleRun, nodeStates, reachedAlerts, testModeStep, type TestRun } from './test-mode';

// Audience (France: 1, 3, 6) -> Alert -> Save audience -> Email -> Wait; the Email waits for Resume.
const doc = campaign(
  [
    audience('a', all(attr('country', 'equals', 'FR'))),
    { id: 'al', type: 'alert', config: { title: 'France reached', message: 'Check the send' } },
    { id: 'sv', type: 'save-audience', config: { audienceName: 'france' } },
    { id: 'm', type: 'email', config: { subject: 'Hi {{first_name}}', body: 'Hello <a href="{{unsubscribe_url}}">Unsubscribe</a>' } },
    { id: 'w', type: 'wait' },
  ],
  [
    ['t1', 'a', 'al'],
    ['t2', 'al', 'sv'],
    ['t3', 'sv', 'm'],
    ['t4', 'm', 'w'],
  ],
);

let engine: Engine;
beforeAll(async () => {
  engine = await engineWith();
}, 60_000);
afterAll(async () => engine.close());

const started = (): TestRun => testModeStep(idleRun, { type: 'start', doc, problems: validateCampaign(doc) });
const statuses = (run: TestRun) => Object.fromEntries(Object.entries(nodeStates(run)).map(([id, s]) => [id, s.status]));

describe('test mode', () => {
  test('start runs every activity before the first channel, skips Save audience and pauses at the channel', async () => {
    const run = started();
    expect(run.phase).toBe('running');
    expect(statuses(run)).toEqual({ a: 'running', al: 'running', sv: 'running', m: 'running', w: 'running' });
    const paused = testModeStep(run, { type: 'computed', result: await engine.counts(doc) });
    expect(paused.phase).toBe('paused');
    expect(statuses(paused)).toEqual({ a: 'done', al: 'done', sv: 'skipped', m: 'paused', w: 'pending' });
    const states = nodeStates(paused);
    expect([states.a?.recordsIn, states.a?.recordsOut, states.al?.recordsIn, states.al?.recordsOut, states.m?.recordsIn]).toEqual([undefined, 3, 3, 3, 3]);
    expect(states.m?.recordsOut).toBeUndefined();
    expect(reachedAlerts(paused)).toEqual([{ activityId: 'al', title: 'France reached', message: 'Check the send', records: 3 }]);
    expect(describeRun(paused)).toBe('Paused before the channel “m”: 2 done');
    // Test mode never saves: the engine holds no audience after it.
    expect(engine.savedAudiences().map((a) => a.name)).not.toContain('france');
  });

  test('resume goes past the pause: the channel (test sends only) and what follows are done', async () => {
    const paused = testModeStep(started(), { type: 'computed', result: await engine.counts(doc) });
    const done = testModeStep(paused, { type: 'resume' });
    expect(done.phase).toBe('done');
    expect(statuses(done)).toEqual({ a: 'done', al: 'done', sv: 'skipped', m: 'done', w: 'done' });
    expect(nodeStates(done).w?.recordsIn).toBe(3);
    expect(nodeStates(done).m?.warnings).toContain('Test sends only: no message is sent and no event reaches the reports.');
    // Resume applies only to a paused run.
    expect(testModeStep(done, { type: 'resume' })).toBe(done);
  });

  test('stop keeps what was done; restart starts over from the current draft; start does not restart a live run', async () => {
    const paused = testModeStep(started(), { type: 'computed', result: await engine.counts(doc) });
    expect(testModeStep(paused, { type: 'start', doc, problems: [] })).toBe(paused);
    const stopped = testModeStep(paused, { type: 'stop' });
    expect(stopped.phase).toBe('stopped');
    expect(testModeStep(stopped, { type: 'resume' })).toBe(stopped);
    // The answer of a stopped run arriving late changes nothing.
    expect(testModeStep(testModeStep(started(), { type: 'stop' }), { type: 'computed', result: await engine.counts(doc) }).phase).toBe('stopped');
    const restarted = testModeStep(stopped, { type: 'restart', doc, problems: [] });
    expect(restarted).toMatchObject({ phase: 'running', result: null, resumed: false });
    expect(testModeStep(idleRun, { type: 'restart', doc, problems: [] })).toBe(idleRun);
  });

  test('an activity the engine cannot compute fails, and nothing after it runs', async () => {
    const broken = { ...doc, activities: doc.activities.map((a) => (a.id === 'al' ? { ...a, config: { title: 5 } } : a)) };
    const run = testModeStep(testModeStep(idleRun, { type: 'start', doc: broken, problems: validateCampaign(broken) }), { type: 'computed', result: await engine.counts(broken) });
    expect(statuses(run)).toEqual({ a: 'done', al: 'failed', sv: 'pending', m: 'pending', w: 'pending' });
    expect(run.phase).toBe('done');
    expect(nodeStates(run).al?.errors.length).toBeGreaterThan(0);
  });

  test('an engine failure fails the run with its reason', () => {
    const failed = testModeStep(started(), { type: 'failed', message: 'worker lost' });
    expect(failed.phase).toBe('failed');
    expect(describeRun(failed)).toBe('Test failed: worker lost');
  });
});
