import { describe, expect, it } from 'vitest';
import { createCampaign } from '../factory';
import { setSimulationSettings } from '../edits/settings';
import { defaultOf, formatDefault, MODEL_FIELDS, simulationSettingsProblems } from '../simulation-model-fields';

describe('simulation settings in the form', () => {
  it('shows every model default as the engine has it', () => {
    const open = MODEL_FIELDS.find((f) => f.group === 'email' && f.key === 'open')!;
    expect(defaultOf(open)).toBe(0.2271);
    expect(formatDefault(open)).toBe('22.71 %');
    const period = MODEL_FIELDS.find((f) => f.key === 'periodMinutes')!;
    expect(formatDefault(period)).toBe('30 minutes');
    expect(MODEL_FIELDS.every((f) => typeof defaultOf(f) === 'number')).toBe(true);
  });

  it('tells a rate outside 0–1 and a launch that does not parse, at their paths', () => {
    const doc = setSimulationSettings(createCampaign('c'), { launch: '2025-02-30 09:00', model: { email: { open: 1.5 } } });
    const problems = simulationSettingsProblems(doc, '2025-06-30');
    expect(problems.map((p) => p.path).sort()).toEqual(['settings.simulation.launch', 'settings.simulation.model.email.open']);
    expect(problems.find((p) => p.path!.endsWith('open'))!.message).toBe('Simulation settings, Email open rate: a rate is between 0 and 1.');
    expect(problems.find((p) => p.path!.endsWith('launch'))!.message).toContain('is not a real date and time');
  });

  it('finds nothing wrong in defaults, and reset removes the settings', () => {
    const doc = setSimulationSettings(createCampaign('c'), { model: { sms: { click: 0.1 } } });
    expect(simulationSettingsProblems(doc, '2025-06-30')).toEqual([]);
    const reset = setSimulationSettings(doc, undefined);
    expect('simulation' in reset.settings).toBe(false);
    expect(simulationSettingsProblems(reset, undefined)).toEqual([]);
  });
});
