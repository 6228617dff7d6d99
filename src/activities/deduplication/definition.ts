import { z } from 'zod';
import { defineActivity } from '../define-activity';
import { compileDeduplication } from './compile';

export const deduplicationConfigSchema = z.object({
  /**
   * Ordered values that identify duplicates: a column of the working table (e.g. an enrichment
   * column), a field of the dimension, or a dotted path through one-to-one / many-to-one links
   * (`account.company`).
   */
  fields: z.array(z.string()).default(['email']),
  /** Records kept per duplicate group; 0 keeps all duplicates (nothing is removed). */
  keep: z.number().int().min(0).default(1),
  /** How the records to keep are chosen within a group (see docs/activities.md). */
  method: z.enum(['random', 'expression', 'non-empty', 'priority']).default('random'),
  expression: z
    .object({ field: z.string(), order: z.enum(['highest', 'lowest']) })
    .default({ field: '', order: 'highest' }),
  /** Method `priority`: records whose field holds an earlier listed value are kept first. */
  priority: z.object({ field: z.string(), values: z.array(z.string()) }).default({ field: '', values: [] }),
  /** Field whose non-empty values are preferred, for method `non-empty`. */
  nonEmptyField: z.string().default(''),
  /** Add an outbound transition carrying the removed duplicates. */
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
  // Without the Duplicates output, what the input has beyond the output is removed unseen.
  leftOut: (config, { inbound, outputs }) => {
    const removed = Object.values(inbound).reduce((a, b) => a + b, 0) - (outputs.out ?? 0);
    return !config.complement && outputs.out !== undefined && removed > 0 ? { count: removed, text: 'duplicates removed' } : null;
  },
  ports: (config) => ({
    in: [{ id: 'in', label: 'Records' }],
    out: [
      { id: 'out', label: 'Deduplicated' },
      ...(config.complement ? [{ id: 'complement', label: 'Duplicates', complement: true }] : []),
    ],
  }),
  schema: deduplicationConfigSchema,
  compile: compileDeduplication,
  defaults: () => deduplicationConfigSchema.parse({}),
  validate: (config, ctx) => {
    const missing = (message: string, path: string) => ({ severity: 'warning' as const, code: 'missing-config', message, activityId: ctx.activity.id, path });
    const problems = [];
    if (config.fields.length === 0) problems.push(missing('Choose at least one field that identifies duplicates.', 'fields'));
    if (config.method === 'expression' && config.expression.field === '') problems.push(missing('Choose the field whose value decides which record to keep.', 'expression.field'));
    if (config.method === 'non-empty' && config.nonEmptyField === '') problems.push(missing('Choose the field whose non-empty values are preferred.', 'nonEmptyField'));
    if (config.method === 'priority' && (config.priority.field === '' || config.priority.values.length === 0))
      problems.push(missing('Choose the field and list its values in order of priority.', 'priority'));
    return problems;
  },
});
