import type { CampaignDoc } from '../campaign';
import { createActivity, createCampaign, createTransition } from '../factory';

/** A small campaign for tests: Build audience -> Split (2 subsets) -> Email / End. */
export function sampleCampaign(): CampaignDoc {
  const doc = createCampaign('Test');
  const audience = createActivity('build-audience', { x: 0, y: 0 }, doc);
  const split = createActivity('split', { x: 300, y: 0 }, doc);
  const email = createActivity('email', { x: 600, y: -100 }, doc);
  const end = createActivity('end', { x: 600, y: 100 }, doc);
  return {
    ...doc,
    activities: [audience, split, email, end],
    transitions: [
      createTransition({ activityId: audience.id, port: 'out' }, { activityId: split.id, port: 'in' }, 'All'),
      createTransition({ activityId: split.id, port: 'subset-1' }, { activityId: email.id, port: 'in' }, 'VIP'),
      createTransition({ activityId: split.id, port: 'subset-2' }, { activityId: end.id, port: 'in' }),
    ],
  };
}

export function byType(doc: CampaignDoc, type: string) {
  const a = doc.activities.find((x) => x.type === type);
  if (!a) throw new Error(`no ${type}`);
  return a;
}
