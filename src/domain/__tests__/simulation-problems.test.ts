import { describe, expect, test } from 'vitest';
import { campaign, fixtureModel } from '../../engine/testing/fixture';
import { validateCampaign } from '../validate';
import type { CampaignDoc } from '../campaign';
import { simMillis } from '../sim-time';

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
const simulationCodes = ['invalid-simulation-setting', 'invalid-launch', 'wait-before-launch'];
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
        code: 'invalid-launch',
        message: 'The launch "next monday" is not a date and time (YYYY-MM-DD HH:MM). The simulation starts at the data\'s reference date instead.',
        path: 'settings.simulation.launch',
      },
    ]);
  });

  test('model rates outside 0–1 are problems with their paths', () => {
    const problems = simulationProblems(withSimulation({ launch: '2025-06-01T09:00', model: { email: { open: 1.5 }, sms: { optOut: -0.1 } } }));
    expect(problems.map((p) => [p.path, p.message])).toEqual([
      ['settings.simulation.model.email.open', 'Simulation settings: model.email.open: a rate is between 0 and 1.'],
      ['settings.simulation.model.sms.optOut', 'Simulation settings: model.sms.optOut: a rate is between 0 and 1.'],
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
