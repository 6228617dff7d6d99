import { z } from 'zod';
import { defineActivity } from '../define-activity';
import { CompileError, passThrough } from '../compile-types';

export const andJoinConfigSchema = z.object({
  /** Inbound transition whose records continue once every inbound branch has arrived. */
  primaryTransitionId: z.string().default(''),
});
export type AndJoinConfig = z.infer<typeof andJoinConfigSchema>;

export const andJoin = defineActivity<AndJoinConfig>({
  type: 'and-join',
  version: 1,
  meta: {
    title: 'And-join',
    description: 'Wait for every inbound branch, then continue with the primary one.',
    category: 'flow',
    icon: 'git-merge',
    keywords: ['join', 'synchronise', 'wait for all'],
  },
  ports: () => ({ in: [{ id: 'in', label: 'Branches', multiple: true }], out: [{ id: 'out', label: 'Primary' }] }),
  schema: andJoinConfigSchema,
  defaults: () => andJoinConfigSchema.parse({}),
  compile: (config, ctx) => {
    const branches = ctx.inputs.in ?? [];
    const primary = branches.find((b) => b.transitionId === config.primaryTransitionId) ?? branches[0];
    if (!primary) throw new CompileError('And-join has no inbound branch.');
    return { out: passThrough(primary) };
  },
  validate: (config, ctx) => {
    if (ctx.incoming.length < 2)
      return [
        {
          severity: 'warning',
          code: 'missing-input',
          message: 'And-join needs at least 2 inbound branches.',
          activityId: ctx.activity.id,
        },
      ];
    if (!ctx.incoming.some((t) => t.id === config.primaryTransitionId))
      return [
        {
          severity: 'warning',
          code: 'missing-config',
          message: 'Choose the primary inbound branch.',
          activityId: ctx.activity.id,
          path: 'primaryTransitionId',
        },
      ];
    return [];
  },
});
