import { idRecord } from '../../domain/ids';
import { z } from 'zod';
import { defineActivity } from '../define-activity';
import { CompileError, passThrough } from '../compile-types';

export const forkConfigSchema = z.object({
  branches: z
    .array(z.object({ id: z.string(), label: z.string() }))
    .min(2)
    .superRefine((branches, ctx) => {
      // A branch's id is its output port: two alike would make one port carry either branch.
      const seen = new Set<string>();
      branches.forEach((b, i) => {
        if (seen.has(b.id)) ctx.addIssue({ code: 'custom', path: [i, 'id'], message: `another branch already has the id ${JSON.stringify(b.id)}` });
        seen.add(b.id);
      });
    }),
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
    return Object.assign(idRecord(), Object.fromEntries(config.branches.map((b) => [b.id, passThrough(input)])));
  },
  schema: forkConfigSchema,
  defaults: () => ({
    branches: [
      { id: 'branch-1', label: 'Branch 1' },
      { id: 'branch-2', label: 'Branch 2' },
    ],
  }),
});
