import type { ZodType } from 'zod';
import type { Activity, CampaignDoc, Transition } from '../domain/campaign';
import type { Problem } from '../domain/problems';
import type { DataModel } from '../domain/data-model';
import type { CompileContext, CompiledOutputs } from './compile-types';
import type { TransitionSchema } from './inbound-columns';

export type ActivityCategory = 'targeting' | 'flow' | 'channel';

/** Names of the icons the canvas knows how to draw (see canvas/activity-icons.tsx). */
export type IconName =
  | 'users'
  | 'merge'
  | 'copy-minus'
  | 'table-plus'
  | 'split'
  | 'save'
  | 'shuffle'
  | 'git-fork'
  | 'git-merge'
  | 'clock'
  | 'circle-stop'
  | 'mail'
  | 'message-square'
  | 'bell'
  | 'mailbox'
  | 'file-up'
  | 'link'
  | 'history'
  | 'flask'
  | 'siren';

export interface PortSpec {
  id: string;
  label: string;
  /**
   * On an input: accepts more than one transition (Combine, And-join).
   * On an output: may feed more than one transition.
   */
  multiple?: boolean;
  /** An output carrying the records the activity left out. */
  complement?: boolean;
}

export interface PortLayout {
  in: PortSpec[];
  out: PortSpec[];
}

/** What validate() may look at besides the activity's own config. */
export interface GraphContext {
  doc: CampaignDoc;
  activity: Activity;
  incoming: Transition[];
  outgoing: Transition[];
  /** The loaded data model, when the caller knows it; rules are checked against it. */
  model?: DataModel;
  /** What the first transition into `port` (default `in`) carries, told from the document; with the model only. */
  inbound?: (port?: string) => TransitionSchema | undefined;
  /** Channel activities whose message results a rule of this activity may read; when absent, such conditions are not checked. */
  earlierChannels?: () => readonly { id: string; label: string }[];
}

/**
 * One definition per activity type. It drives the palette, the canvas node, validation and
 * compilation; the React parts (inspector form, node body) sit next to it in the same folder and are
 * registered in ui-registry.ts so that this file, and everything that compiles campaigns, stays free
 * of React.
 */
export interface ActivityDef<C = Record<string, unknown>> {
  /** Persisted id, never renamed. */
  type: string;
  /** Version of the config shape; migrate() lifts older configs to it. */
  version: number;
  meta: {
    title: string;
    /** One line for the palette and its search. */
    description: string;
    category: ActivityCategory;
    icon: IconName;
    /** Extra words the palette search matches, e.g. "A/B test" for Split. */
    keywords?: string[];
  };
  ports: (config: C) => PortLayout;
  schema: ZodType<C>;
  defaults: () => C;
  /** Lifts a config saved under an older `version`. */
  migrate?: (config: unknown, fromVersion: number) => unknown;
  /** Problems beyond the schema's: missing settings, impossible combinations. Never throws. */
  validate?: (config: C, ctx: GraphContext) => Problem[];
  /** SQL per output port. Absent for activities that only end a branch. */
  compile?: (config: C, ctx: CompileContext) => CompiledOutputs;
  /**
   * Records the activity loses without an output carrying them (a Split's records in no subset
   * and no complement), from the engine's counts: records per inbound transition id and per
   * output port. Only where that is exact; null when nothing is lost or it cannot be told.
   */
  leftOut?: (config: C, counts: { inbound: Readonly<Record<string, number>>; outputs: Readonly<Record<string, number>> }) => LeftOut | null;
  /**
   * Simulated time at which records leave the activity, given when it starts (both
   * `YYYY-MM-DD HH:MM:SS`). Absent: they leave when it starts. A Wait adds its duration; a channel
   * leaves when its sending starts. Never throws: a setting that cannot move the clock leaves it.
   */
  advanceClock?: (config: C, start: string) => string;
  /** Channel activities need an audience upstream; the connection rules enforce it. */
  needsAudience?: boolean;
  /** Starts a branch: has no input and produces an audience (Build audience, Load file). */
  producesAudience?: boolean;
}

/** Records an activity loses without a trace, and how to say it after the number ("not in any subset"). */
export interface LeftOut {
  count: number;
  text: string;
}

/** Identity helper that keeps the config type of a definition while erasing it for the registry. */
export function defineActivity<C>(def: ActivityDef<C>): ActivityDef<C> {
  return def;
}
