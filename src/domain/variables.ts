import { z } from 'zod';
import type { CampaignDoc } from './campaign';

/**
 * Campaign variables (`settings.variables`): named values set in the campaign settings, which a
 * Test activity compares with (e.g. `season = summer`). Values are text; a Test compares them as
 * numbers when both sides read as numbers.
 */
export const campaignVariableSchema = z.object({ name: z.string(), value: z.string() });
export type CampaignVariable = z.infer<typeof campaignVariableSchema>;

/** The variables of a campaign by name (the first of two alike wins, and validation says so). */
export function campaignVariables(doc: Pick<CampaignDoc, 'settings'>): Map<string, string> {
  const map = new Map<string, string>();
  for (const v of doc.settings.variables ?? []) if (v.name !== '' && !map.has(v.name)) map.set(v.name, v.value);
  return map;
}

/** Names that are empty or used twice, with their place in the list (`variables[1].name`). */
export function variableProblems(doc: Pick<CampaignDoc, 'settings'>): { path: string; message: string }[] {
  const seen = new Set<string>();
  return (doc.settings.variables ?? []).flatMap((v, i) => {
    const path = `variables[${i}].name`;
    if (v.name.trim() === '') return [{ path, message: `Variable ${i + 1} has no name.` }];
    if (seen.has(v.name)) return [{ path, message: `Two variables are named "${v.name}": Test activities read the first.` }];
    seen.add(v.name);
    return [];
  });
}
