import { z } from 'zod';
import { defineActivity } from '../define-activity';
import { CompileError } from '../compile-types';
import type { CompileContext, CompiledOutputs, SqlToolkit } from '../compile-types';
import type { Problem } from '../../domain/problems';
import { campaignVariables } from '../../domain/variables';

export const testOperators = ['gte', 'gt', 'lte', 'lt', 'eq', 'ne'] as const;
export type TestOperator = (typeof testOperators)[number];

/** How each operator reads, after "count" or a variable's name. */
export const testOperatorLabels: Record<TestOperator, string> = { gte: '≥', gt: '>', lte: '≤', lt: '<', eq: '=', ne: '≠' };

const SQL_OPERATORS: Record<TestOperator, string> = { gte: '>=', gt: '>', lte: '<=', lt: '<', eq: '=', ne: '<>' };

const conditionSchema = z.object({
  /** Also the output port id of the branch. */
  id: z.string(),
  label: z.string(),
  /** What is compared: the number of records coming in, or a campaign variable (settings.variables). */
  on: z.enum(['count', 'variable']).default('count'),
  /** Name of the campaign variable, for `on: variable`. */
  variable: z.string().default(''),
  operator: z.enum(testOperators).default('gte'),
  /** A number for the count; for a variable, compared as numbers when both read as numbers, else as text. */
  value: z.string().default(''),
});
export type TestCondition = z.infer<typeof conditionSchema>;

export const DEFAULT_BRANCH = 'default';

export const testConfigSchema = z
  .object({
    conditions: z.array(conditionSchema).min(1),
    defaultLabel: z.string().default('Default'),
  })
  .superRefine((config, ctx) => {
    // A condition's id is its output port: two alike (or one named like the default) would share a port.
    const seen = new Set<string>([DEFAULT_BRANCH]);
    config.conditions.forEach((c, i) => {
      if (seen.has(c.id)) ctx.addIssue({ code: 'custom', path: ['conditions', i, 'id'], message: `another output already has the id ${JSON.stringify(c.id)}` });
      seen.add(c.id);
    });
  });
export type TestConfig = z.infer<typeof testConfigSchema>;

/** "count ≥ 1000", "variable season = summer": how a condition reads on its port and in messages. */
export function describeCondition(c: TestCondition): string {
  const subject = c.on === 'count' ? 'count' : c.variable || 'variable';
  return `${subject} ${testOperatorLabels[c.operator]} ${c.value || '…'}`;
}

export const test = defineActivity<TestConfig>({
  type: 'test',
  version: 1,
  meta: {
    title: 'Test',
    description: 'Send all records down the first branch whose condition holds: on their count or a campaign variable.',
    category: 'flow',
    icon: 'flask',
    keywords: ['if', 'condition', 'branch', 'threshold', 'variable'],
  },
  ports: (config) => ({
    in: [{ id: 'in', label: 'Records' }],
    out: [
      ...config.conditions.map((c) => ({ id: c.id, label: c.label || describeCondition(c) })),
      { id: DEFAULT_BRANCH, label: config.defaultLabel || 'Default' },
    ],
  }),
  schema: testConfigSchema,
  defaults: () =>
    testConfigSchema.parse({
      conditions: [{ id: 'branch-1', label: 'Large audience', on: 'count', operator: 'gte', value: '1000' }],
    }),
  compile: compileTest,
  validate: (config, ctx) => {
    const variables = campaignVariables(ctx.doc);
    return config.conditions.flatMap((c, i): Problem[] => {
      const at = { activityId: ctx.activity.id };
      const name = c.label || `Condition ${i + 1}`;
      if (c.on === 'variable' && c.variable === '')
        return [{ ...at, severity: 'warning', code: 'missing-config', message: `"${name}": choose the campaign variable to test.`, path: `conditions[${i}].variable` }];
      if (c.on === 'variable' && !variables.has(c.variable))
        return [{ ...at, severity: 'warning', code: 'unknown-variable', message: `"${name}": the campaign has no variable "${c.variable}"; the condition never holds.`, path: `conditions[${i}].variable` }];
      if (c.on === 'count' && !isNumber(c.value))
        return [{ ...at, severity: 'error', code: 'invalid-config', message: `"${name}": the count is compared with a number, not "${c.value}".`, path: `conditions[${i}].value` }];
      return [];
    });
  },
});

const isNumber = (text: string) => text.trim() !== '' && Number.isFinite(Number(text));

/**
 * Every branch reads the whole input or nothing: a CASE picks the branch once, from the input's
 * count (a scalar subquery over the input table) and the variables (literals), in condition order.
 * Everything stays SQL, so the counts on the canvas are the engine's like any other activity's.
 */
function compileTest(config: TestConfig, ctx: CompileContext): CompiledOutputs {
  const input = ctx.inputs.in?.[0];
  if (!input) throw new CompileError('Test has no input.');
  const { literal } = ctx.sql;
  const whens = config.conditions.map((c) => `WHEN ${conditionSql(c, input.relation, ctx.variables ?? {}, ctx.sql)} THEN ${literal(c.id)}`);
  const branch = `(CASE ${whens.join(' ')} ELSE ${literal(DEFAULT_BRANCH)} END)`;
  const outputs: CompiledOutputs = {};
  for (const port of [...config.conditions.map((c) => c.id), DEFAULT_BRANCH])
    outputs[port] = { sql: `SELECT * FROM ${input.relation} WHERE ${branch} = ${literal(port)}`, dimension: input.dimension, columns: input.columns };
  return outputs;
}

/** A condition as a boolean SQL expression; NULL (a value that is not a number) counts as false in a CASE. */
function conditionSql(c: TestCondition, relation: string, variables: Readonly<Record<string, string>>, sql: SqlToolkit): string {
  const op = SQL_OPERATORS[c.operator];
  if (c.on === 'count') {
    if (!isNumber(c.value)) throw new CompileError(`"${c.label || describeCondition(c)}": the count is compared with a number, not "${c.value}".`);
    return `(SELECT count(*) FROM ${relation}) ${op} ${sql.literal(Number(c.value))}`;
  }
  const value = Object.hasOwn(variables, c.variable) ? variables[c.variable]! : null;
  if (value === null) return 'FALSE';
  // Numbers compare as numbers ("9" < "10"), anything else as text.
  if (isNumber(value) && isNumber(c.value)) return `${sql.literal(Number(value))} ${op} ${sql.literal(Number(c.value))}`;
  return `${sql.literal(value)} ${op} ${sql.literal(c.value)}`;
}
