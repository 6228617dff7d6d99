import { z } from 'zod';
import { defineActivity } from '../define-activity';

export const deduplicationConfigSchema = z.object({
  /** Ordered fields that identify duplicates (paths through one-to-one links allowed). */
  fields: z.array(z.string()).default(['email']),
  /** Records kept per duplicate group; 0 keeps all duplicates. */
  keep: z.number().int().min(0).default(1),
  method: z.enum(['random', 'expression', 'non-empty', 'priority']).default('random'),
  expression: z
    .object({ field: z.string(), order: z.enum(['highest', 'lowest']) })
    .default({ field: '', order: 'highest' }),
  priority: z.object({ field: z.string(), values: z.array(z.string()) }).default({ field: '', values: [] }),
  /** Field whose non-empty values are preferred, for method `non-empty`. */
  nonEmptyField: z.string().default(''),
  complement: z.boolean().default(false),
});
export type DeduplicationConfig = z.infer<typeof deduplicationConfigSchema>;

export const deduplication = defineActivity<DeduplicationConfig>({
  type: 'deduplication',
  version: 1,
  meta: {
    title: 'Deduplication',
    description: 'Keep one record (or N) per group of duplicates.',
    category: 'targeting',
    icon: 'copy-minus',
    keywords: ['duplicates', 'dedupe', 'unique'],
  },
  ports: (config) => ({
    in: [{ id: 'in', label: 'Records' }],
    out: [
      { id: 'out', label: 'Deduplicated' },
      ...(config.complement ? [{ id: 'complement', label: 'Duplicates', complement: true }] : []),
    ],
  }),
  schema: deduplicationConfigSchema,
  defaults: () => deduplicationConfigSchema.parse({}),
  validate: (config, ctx) =>
    config.fields.length === 0
      ? [
          {
            severity: 'warning',
            code: 'missing-config',
            message: 'Choose at least one field that identifies duplicates.',
            activityId: ctx.activity.id,
            path: 'fields',
          },
        ]
      : [],
});
