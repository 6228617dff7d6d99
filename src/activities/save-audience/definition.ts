import { z } from 'zod';
import { defineActivity } from '../define-activity';
import { CompileError, passThrough } from '../compile-types';

export const saveAudienceConfigSchema = z.object({
  /** Name of the static audience, fully overwritten on each run. */
  audienceName: z.string().default(''),
});
export type SaveAudienceConfig = z.infer<typeof saveAudienceConfigSchema>;

export const saveAudience = defineActivity<SaveAudienceConfig>({
  type: 'save-audience',
  version: 1,
  meta: {
    title: 'Save audience',
    description: 'Store the working table as a named audience, reusable by Build audience.',
    category: 'targeting',
    icon: 'save',
    keywords: ['store', 'static audience', 'list'],
  },
  ports: () => ({ in: [{ id: 'in', label: 'Records' }], out: [{ id: 'out', label: 'Saved' }] }),
  schema: saveAudienceConfigSchema,
  defaults: () => saveAudienceConfigSchema.parse({}),
  compile: (_config, ctx) => {
    // Saving happens when the campaign runs; while editing, the records flow on unchanged.
    const input = ctx.inputs.in?.[0];
    if (!input) throw new CompileError('Save audience has no input.');
    return { out: passThrough(input) };
  },
  validate: (config, ctx) =>
    config.audienceName.trim() === ''
      ? [
          {
            severity: 'warning',
            code: 'missing-config',
            message: 'Name the audience to save.',
            activityId: ctx.activity.id,
            path: 'audienceName',
          },
        ]
      : [],
});
