import { describe, expect, it } from 'vitest';
import { launchTimestamp, readSimulationSettings } from '../simulation-settings';

describe('simulation settings', () => {
  it('fills defaults for what is absent', () => {
    const { settings, problems } = readSimulationSettings(undefined);
    expect(problems).toEqual([]);
    expect(settings.launch).toBe('');
    expect(settings.model.email.open).toBeCloseTo(0.2271);
    expect(settings.model.retry.periodMinutes).toBe(30);
  });

  it('replaces only the wrong value by its default and keeps the others', () => {
    const { settings, problems } = readSimulationSettings({ model: { email: { open: 1.5, click: 0.05 }, sms: { optOut: 0.1 } } });
    expect(problems).toEqual([{ path: 'settings.simulation.model.email.open', message: 'a rate is between 0 and 1' }]);
    expect(settings.model.email.open).toBeCloseTo(0.2271);
    expect(settings.model.email.click).toBe(0.05);
    expect(settings.model.sms.optOut).toBe(0.1);
  });

  it('reads the launch, or says why it cannot', () => {
    expect(launchTimestamp('', '2025-06-30')).toEqual({ ok: true, value: '2025-06-30 09:00:00' });
    expect(launchTimestamp('2025-07-01T14:30', '2025-06-30')).toEqual({ ok: true, value: '2025-07-01 14:30:00' });
    expect(launchTimestamp('2025-02-30 10:00', '2025-06-30').ok).toBe(false);
    expect(launchTimestamp('next monday', '2025-06-30')).toEqual({ ok: false, message: 'The launch "next monday" is not a date and time (YYYY-MM-DD HH:MM).' });
  });
});
