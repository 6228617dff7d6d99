import type { CampaignDoc } from '../campaign';
import { simMillis, simStamp } from '../sim-time';
import { launchesUntil } from './launches';
import { readSchedule, simulatedPresent } from './problems';

/** At most this many runs in one simulated period (a year of daily runs, or 15 days every 15 minutes). */
export const MAX_SIMULATED_RUNS = 1500;

/**
 * The launches a simulated schedule runs (docs/lifecycle.md#runs): every launch of the campaign's
 * schedule from the simulated present (or `from`) up to `until`, both `YYYY-MM-DD HH:MM` in
 * simulated time, as `YYYY-MM-DDTHH:MM`; or the reason there are none to run, said for a person.
 */
export function scheduledRunLaunches(
  doc: CampaignDoc,
  referenceDate: string,
  until: string,
  from?: string,
): { ok: true; launches: string[] } | { ok: false; message: string } {
  if (doc.settings.schedule === undefined) return { ok: false, message: 'This campaign has no schedule: set its launches in the campaign settings, or run it now.' };
  const end = simMillis(until);
  if (end === undefined) return { ok: false, message: `"${until}" is not a date and time (YYYY-MM-DD HH:MM).` };
  let start = simulatedPresent(doc, referenceDate);
  if (from !== undefined && from.trim() !== '') {
    const at = simMillis(from);
    if (at === undefined) return { ok: false, message: `"${from}" is not a date and time (YYYY-MM-DD HH:MM).` };
    start = at;
  }
  const { schedule, problems } = readSchedule(doc.settings.schedule, start);
  if (!schedule || problems.length > 0) return { ok: false, message: `The schedule has a problem: ${problems.map((p) => `${p.field}: ${p.message}`).join('; ')}.` };
  if (end < start) return { ok: false, message: `${until} is before the first possible launch (${simStamp(start).slice(0, 16)}).` };
  const launches = launchesUntil(schedule, start, end, MAX_SIMULATED_RUNS + 1);
  if (launches.length > MAX_SIMULATED_RUNS) return { ok: false, message: `That is more than ${MAX_SIMULATED_RUNS} launches: choose an earlier date.` };
  if (launches.length === 0) return { ok: false, message: `The schedule has no launch between ${simStamp(start).slice(0, 16)} and ${simStamp(end).slice(0, 16)}.` };
  return { ok: true, launches: launches.map((l) => simStamp(l.at).slice(0, 16).replace(' ', 'T')) };
}
