import type { CampaignDoc } from './campaign';
import type { DataModel } from './data-model';
import type { Problem } from './problems';
import { launchTimestamp } from './simulation-settings';
import { simulationSettingsProblems } from './simulation-model-fields';
import { simMillis } from './sim-time';

/**
 * Problems of the campaign's delivery simulation (docs/simulation.md): a launch that does not
 * parse and model rates outside their range (on the campaign, with the setting's path), and a Wait
 * until a date before the launch (on the Wait: its records could not wait). Never throws; the
 * simulation goes on with the defaults for what is wrong.
 */
export function simulationProblems(doc: CampaignDoc, model?: DataModel): Problem[] {
  // The settings' own problems, worded with the names the settings form shows.
  const problems: Problem[] = simulationSettingsProblems(doc, model?.referenceDate);
  const settings = doc.settings.simulation;
  const launchText = typeof settings === 'object' && settings !== null && 'launch' in settings && typeof settings.launch === 'string' ? settings.launch : '';
  // Without data the default launch (the data's reference date) is not known: only a set launch is checked.
  const launch = launchTimestamp(launchText, model?.referenceDate ?? '');
  if (!launch.ok) return problems;
  const launchAt = simMillis(launch.value);
  if (launchAt === undefined) return problems;
  for (const a of doc.activities) {
    if (a.type !== 'wait' || a.config.mode !== 'until' || typeof a.config.until !== 'string' || a.config.until === '') continue;
    const until = simMillis(a.config.until);
    if (until !== undefined && until < launchAt)
      problems.push({
        severity: 'error',
        code: 'wait-before-launch',
        message: `"${a.label}" waits until ${a.config.until.replace('T', ' ')}, before the launch (${launch.value.slice(0, 16)}): choose a later date.`,
        activityId: a.id,
        path: 'until',
      });
  }
  return problems;
}
