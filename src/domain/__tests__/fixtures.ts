import { CURRENT_SCHEMA_VERSION, type Activity, type CampaignDoc, type Transition } from '../campaign';
import { getActivityDef } from '../../activities/registry';

/** A compact way to write small campaigns in tests: activities by id and type, transitions as pairs. */
export function activity(id: string, type: string, config?: Record<string, unknown>): Activity {
  const def = getActivityDef(type);
  if (!def) throw new Error(`unknown type ${type}`);
  return {
    id,
    type,
    label: id,
    position: { x: 0, y: 0 },
    config: config ?? (def.defaults() as Record<string, unknown>),
    configVersion: 1,
    disabled: false,
  };
}

/** A channel activity with its required content written: tests about other things see no "incomplete" problem on it. */
export function message(id: string, type: 'email' | 'sms' | 'push'): Activity {
  const content = type === 'email' ? { subject: 'Hello', body: '<p>Hello</p><a href="{{unsubscribe_url}}">Unsubscribe</a>' } : { body: type === 'sms' ? 'Hello. Reply STOP to opt out.' : 'Hello' };
  const def = getActivityDef(type)!;
  return activity(id, type, { ...(def.defaults() as Record<string, unknown>), ...content });
}

export function transition(id: string, from: string, to: string, fromPort = 'out', toPort = 'in'): Transition {
  return { id, source: { activityId: from, port: fromPort }, target: { activityId: to, port: toPort }, label: '' };
}

export function campaign(activities: Activity[], transitions: Transition[] = []): CampaignDoc {
  return {
    id: 'c1',
    name: 'Test',
    description: '',
    schemaVersion: CURRENT_SCHEMA_VERSION,
    activities,
    transitions,
    settings: { orientation: 'horizontal', defaultTargetDimension: 'profiles', seed: 42 },
  };
}
