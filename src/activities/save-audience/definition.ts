import { z } from 'zod';
import { defineActivity } from '../define-activity';
import { CompileError, passThrough } from '../compile-types';
import { isFileDimension } from '../working-table';

export const saveAudienceConfigSchema = z.object({
  /** Name of the static audience, fully overwritten each time the campaign is computed. */
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
  compile: (config, ctx) => {
    // The records flow on unchanged; the engine writes them under the name once they are computed,
    // on every computation of the campaign (see docs/activities.md).
    const input = ctx.inputs.in?.[0];
    if (!input) throw new CompileError('Save audience has no input.');
    if (isFileDimension(input.dimension))
      throw new CompileError(
        'Save audience needs records of a targeting dimension; map the file with a Reconciliation first.',
      );
    const name = config.audienceName.trim();
    return { out: name === '' ? passThrough(input) : { ...passThrough(input), saveAudience: name } };
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
