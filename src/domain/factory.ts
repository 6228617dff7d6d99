import { CURRENT_SCHEMA_VERSION, type Activity, type CampaignDoc, type PortRef, type Position, type Transition } from './campaign';
import { getActivityDef } from '../activities/registry';
import { newId } from './ids';

/** A new, empty campaign document. */
export function createCampaign(name: string): CampaignDoc {
  const now = new Date().toISOString();
  return {
    id: newId('cmp'),
    name,
    description: '',
    schemaVersion: CURRENT_SCHEMA_VERSION,
    activities: [],
    transitions: [],
    settings: { orientation: 'horizontal', defaultTargetDimension: 'profiles', seed: 42 },
    createdAt: now,
    updatedAt: now,
  };
}

/**
 * A new activity of `type` with its definition's defaults. When `doc` is given the label is made
 * unique within it ("Email", "Email 2", ...), so that problems and reports can name activities.
 */
export function createActivity(type: string, position: Position, doc?: Pick<CampaignDoc, 'activities'>): Activity {
  const def = getActivityDef(type);
  if (!def) throw new Error(`Unknown activity type "${type}"`);
  return {
    id: newId('act'),
    type,
    label: uniqueLabel(def.meta.title, doc?.activities ?? []),
    position: { x: position.x, y: position.y },
    config: def.defaults() as Record<string, unknown>,
    configVersion: def.version,
    disabled: false,
  };
}

/** A new transition between two ports. */
export function createTransition(source: PortRef, target: PortRef, label = ''): Transition {
  return { id: newId('tr'), source: { ...source }, target: { ...target }, label };
}

/** `base`, or `base N` with the smallest N ≥ 2 not used by another activity. */
export function uniqueLabel(base: string, activities: readonly Pick<Activity, 'label'>[]): string {
  const used = new Set(activities.map((a) => a.label));
  if (!used.has(base)) return base;
  for (let n = 2; ; n++) if (!used.has(`${base} ${n}`)) return `${base} ${n}`;
}
