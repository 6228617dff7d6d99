import { z } from 'zod';
import { campaignVariableSchema } from './variables';

/**
 * The saved campaign document. It is the single source of truth: the canvas, the inspector,
 * validation and the engine all read it; React Flow nodes and edges are derived from it.
 * Bump CURRENT_SCHEMA_VERSION and add a step to migrations.ts whenever its shape changes.
 */
export const CURRENT_SCHEMA_VERSION = 1;

export const positionSchema = z.object({ x: z.number(), y: z.number() });

export const activitySchema = z.object({
  id: z.string().min(1),
  /** Activity type id from the registry, e.g. `build-audience`. Never renamed once persisted. */
  type: z.string().min(1),
  label: z.string(),
  position: positionSchema,
  /** Validated against the activity definition's own schema, see validateDocument(). */
  config: z.record(z.string(), z.unknown()),
  /** Version of `config`, so that a definition can migrate older documents. */
  configVersion: z.number().int().positive().default(1),
  disabled: z.boolean().default(false),
});

export const transitionSchema = z.object({
  id: z.string().min(1),
  source: z.object({ activityId: z.string().min(1), port: z.string().min(1) }),
  target: z.object({ activityId: z.string().min(1), port: z.string().min(1) }),
  label: z.string().default(''),
});

export const campaignSettingsSchema = z.object({
  /** Layout direction of tidy-up and of the handles on nodes. */
  orientation: z.enum(['horizontal', 'vertical']).default('horizontal'),
  /** Targeting dimension used by activities that do not choose one. */
  defaultTargetDimension: z.string().default('profiles'),
  /** Seed for every random choice the campaign makes (random split, random dedup, simulation). */
  seed: z.number().int().default(42),
  /**
   * Delivery simulation: launch and engagement model (see simulation-settings.ts). Kept loose here
   * so that a wrong value is a problem shown on the campaign, not a document that cannot open.
   */
  simulation: z.record(z.string(), z.unknown()).optional(),
  /**
   * When the published campaign launches (src/domain/schedule): loose here for the same reason,
   * its problems are shown on the campaign.
   */
  schedule: z.record(z.string(), z.unknown()).optional(),
  /** Named values a Test activity compares with (src/domain/variables.ts). */
  variables: z.array(campaignVariableSchema).optional(),
});

export const campaignSchema = z.object({
  id: z.string().min(1),
  name: z.string().min(1, 'a campaign needs a name'),
  description: z.string().default(''),
  schemaVersion: z.literal(CURRENT_SCHEMA_VERSION),
  activities: z.array(activitySchema),
  transitions: z.array(transitionSchema),
  settings: campaignSettingsSchema.default({ orientation: 'horizontal', defaultTargetDimension: 'profiles', seed: 42 }),
  createdAt: z.string().optional(),
  updatedAt: z.string().optional(),
});

export type Position = z.infer<typeof positionSchema>;
export type Activity = z.infer<typeof activitySchema>;
export type Transition = z.infer<typeof transitionSchema>;
export type CampaignSettings = z.infer<typeof campaignSettingsSchema>;
export type CampaignDoc = z.infer<typeof campaignSchema>;
export type PortRef = Transition['source'];
