import type { CampaignVariable } from '../variables';
import type { CampaignDoc, CampaignSettings } from '../campaign';

/** Sets the layout direction of the canvas (handles on nodes and tidy-up follow it). */
export function setOrientation(doc: CampaignDoc, orientation: CampaignSettings['orientation']): CampaignDoc {
  if (doc.settings.orientation === orientation) return doc;
  return { ...doc, settings: { ...doc.settings, orientation } };
}

/** Sets the campaign's seed (random splits, random deduplication, the simulation's draws). */
export function setSeed(doc: CampaignDoc, seed: number): CampaignDoc {
  if (doc.settings.seed === seed || !Number.isInteger(seed)) return doc;
  return { ...doc, settings: { ...doc.settings, seed } };
}

/**
 * Replaces the simulation settings (`settings.simulation`: launch and engagement model) as the
 * person typed them: a wrong value is kept, and shown as a problem, rather than changed. Undefined
 * removes them (every value back to its default).
 */
export function setSimulationSettings(doc: CampaignDoc, simulation: Record<string, unknown> | undefined): CampaignDoc {
  if (doc.settings.simulation === simulation) return doc;
  const { simulation: _, ...rest } = doc.settings;
  return { ...doc, settings: simulation === undefined ? rest : { ...rest, simulation } };
}

/**
 * Replaces the schedule (`settings.schedule`) as the person set it: a wrong value is kept and shown
 * as a problem. Undefined removes it (the campaign runs on demand).
 */
export function setSchedule(doc: CampaignDoc, schedule: Record<string, unknown> | undefined): CampaignDoc {
  if (doc.settings.schedule === schedule) return doc;
  const { schedule: _, ...rest } = doc.settings;
  return { ...doc, settings: schedule === undefined ? rest : { ...rest, schedule } };
}

/** Replaces the campaign variables (an empty list removes them). */
export function setVariables(doc: CampaignDoc, variables: readonly CampaignVariable[]): CampaignDoc {
  const { variables: _, ...rest } = doc.settings;
  return { ...doc, settings: variables.length === 0 ? rest : { ...rest, variables: [...variables] } };
}
