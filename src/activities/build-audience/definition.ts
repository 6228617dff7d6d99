import { z } from 'zod';
import { defineActivity } from '../define-activity';
import { conditionGroupSchema, emptyRule } from '../../domain/rule';
import { compileBuildAudience } from './compile';
import { ruleProblems } from '../rule-problems';

export const buildAudienceConfigSchema = z.object({
  /** Entity whose records flow out, e.g. `profiles` or `accounts`. */
  targetDimension: z.string().default('profiles'),
  source: z.enum(['rule', 'audience']).default('rule'),
  rule: conditionGroupSchema.default(emptyRule()),
  /** Name of a saved audience, when source is `audience`. */
  audienceName: z.string().default(''),
  /** Emit the outbound transition even when the audience is empty. */
  emitWhenEmpty: z.boolean().default(false),
});
export type BuildAudienceConfig = z.infer<typeof buildAudienceConfigSchema>;

export const buildAudience = defineActivity<BuildAudienceConfig>({
  type: 'build-audience',
  version: 1,
  meta: {
    title: 'Build audience',
    description: 'Select records of a targeting dimension with a rule or a saved audience.',
    category: 'targeting',
    icon: 'users',
    keywords: ['query', 'target', 'segment', 'read audience'],
  },
  ports: () => ({ in: [], out: [{ id: 'out', label: 'Audience' }] }),
  schema: buildAudienceConfigSchema,
  defaults: () => buildAudienceConfigSchema.parse({}),
  compile: compileBuildAudience,
  producesAudience: true,
  validate: (config, ctx) => {
    if (config.source === 'audience')
      return config.audienceName.trim() === ''
        ? [
            {
              severity: 'warning',
              code: 'missing-config',
              message: 'Choose the saved audience to read.',
              activityId: ctx.activity.id,
              path: 'audienceName',
            },
          ]
        : [];
    if (ctx.model && !ctx.model.entities.some((e) => e.name === config.targetDimension))
      return [
        {
          severity: 'error',
          code: 'missing-config',
          message: `The data has no ${config.targetDimension}: choose another target dimension.`,
          activityId: ctx.activity.id,
          path: 'targetDimension',
        },
      ];
    return ruleProblems(config.rule, config.targetDimension, ctx, ['rule']);
  },
});
