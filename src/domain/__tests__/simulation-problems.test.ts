import { describe, expect, test } from 'vitest';
import { campaign, fixtureModel } from '../../engine/testing/fixture';
import { validateCampaign } from '../validate';
import type { CampaignDoc } from '../campaign';
import { simMillis } from '../sim-time';
import { validateRule } from '../rule-validation';

function withSimulation(simulation: Record<string, unknown>, until = '2025-06-01T10:00'): CampaignDoc {
  const doc = campaign(
    [
      { id: 'q', type: 'build-audience', config: {} },
      { id: 'w', type: 'wait', config: { mode: 'until', until } },
    ],
    [['t', 'q', 'w']],
  );
  return { ...doc, settings: { ...doc.settings, simulation } };
}
const simulationCodes = ['simulation-settings', 'wait-before-launch'];
const simulationProblems = (doc: CampaignDoc) => validateCampaign(doc, fixtureModel).filter((p) => simulationCodes.includes(p.code));

describe('simulation problems', () => {
  test('a wait until a date before the launch is a problem on the Wait', () => {
    expect(simulationProblems(withSimulation({ launch: '2025-07-01T09:00' }))).toEqual([
      { severity: 'error', code: 'wait-before-launch', message: '"w" waits until 2025-06-01 10:00, before the launch (2025-07-01 09:00): choose a later date.', activityId: 'w', path: 'until' },
    ]);
    expect(simulationProblems(withSimulation({ launch: '2025-07-01T09:00' }, '2025-07-01T09:00'))).toEqual([]);
  });

  test('without a launch, the data’s reference date at 09:00 is the launch', () => {
    expect(simulationProblems(withSimulation({}, '2025-06-30T08:59')).map((p) => p.code)).toEqual(['wait-before-launch']);
    expect(simulationProblems(withSimulation({}, '2025-06-30T09:00'))).toEqual([]);
  });

  test('a launch that does not parse is a problem on the campaign, and nothing else is checked against it', () => {
    expect(simulationProblems(withSimulation({ launch: 'next monday' }))).toEqual([
      {
        severity: 'error',
        code: 'simulation-settings',
        message: 'Simulation settings: The launch "next monday" is not a date and time (YYYY-MM-DD HH:MM).',
        path: 'settings.simulation.launch',
      },
    ]);
  });

  test('model rates outside 0–1 are problems with their paths', () => {
    const problems = simulationProblems(withSimulation({ launch: '2025-06-01T09:00', model: { email: { open: 1.5 }, sms: { optOut: -0.1 } } }));
    expect(problems.map((p) => [p.path, p.message])).toEqual([
      ['settings.simulation.model.email.open', 'Simulation settings, Email open rate: a rate is between 0 and 1.'],
      ['settings.simulation.model.sms.optOut', 'Simulation settings, SMS STOP opt-out rate: a rate is between 0 and 1.'],
    ]);
  });
});

describe('simulated time', () => {
  test('a timestamp without seconds reads as :00 (a Wait until a date set to the minute moves the clock)', () => {
    expect(simMillis('2025-06-01T10:00')).toBe(Date.UTC(2025, 5, 1, 10, 0, 0));
    expect(simMillis('2025-06-01 10:00:30')).toBe(Date.UTC(2025, 5, 1, 10, 0, 30));
    expect(simMillis('2025-02-30 10:00')).toBeUndefined();
  });
});

describe('delivery conditions on accounts', () => {
  const rule = (extra: Record<string, unknown>) => ({ kind: 'group' as const, id: 'g', combinator: 'and' as const, children: [{ kind: 'delivery' as const, id: 'd', activityId: 'm', event: 'opened' as const, ...extra }] });
  test('"at least N people" needs a link that exists and a whole number', () => {
    expect(validateRule(rule({ path: ['people'], atLeast: 2 }), fixtureModel, 'accounts')).toEqual([]);
    expect(validateRule(rule({ path: ['staff'], atLeast: 2 }), fixtureModel, 'accounts').map((p) => p.message)).toEqual([
      'The link to the people who received the message cannot be followed: accounts has no link staff.',
    ]);
    expect(validateRule(rule({ atLeast: 0 }), fixtureModel, 'accounts').map((p) => p.message)).toEqual([
      'How many people at least: a whole number, 1 or more.',
      'Choose the link to the people who received the message.',
    ]);
  });
});
