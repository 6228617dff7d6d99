import { z } from 'zod';
import { defineActivity } from '../define-activity';
import { CompileError, passThrough } from '../compile-types';

export const forkConfigSchema = z.object({
  branches: z.array(z.object({ id: z.string(), label: z.string() })).min(2),
});
export type ForkConfig = z.infer<typeof forkConfigSchema>;

export const fork = defineActivity<ForkConfig>({
  type: 'fork',
  version: 1,
  meta: {
    title: 'Fork',
    description: 'Copy the input to two or more branches.',
    category: 'flow',
    icon: 'git-fork',
    keywords: ['parallel', 'branch', 'copy'],
  },
  ports: (config) => ({
    in: [{ id: 'in', label: 'Records' }],
    out: config.branches.map((b) => ({ id: b.id, label: b.label || 'Branch' })),
  }),
  compile: (config, ctx) => {
    const input = ctx.inputs.in?.[0];
    if (!input) throw new CompileError('Fork has no input.');
    return Object.fromEntries(config.branches.map((b) => [b.id, passThrough(input)]));
  },
  schema: forkConfigSchema,
  defaults: () => ({
    branches: [
      { id: 'branch-1', label: 'Branch 1' },
      { id: 'branch-2', label: 'Branch 2' },
    ],
  }),
});
