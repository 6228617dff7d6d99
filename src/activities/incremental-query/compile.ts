import type { CompileContext, CompiledOutputs } from '../compile-types';
import { CompileError } from '../compile-types';
import type { IncrementalQueryConfig } from './definition';

/**
 * The records of the dimension that satisfy the rule and whose date field is after the high-water
 * mark of the campaign's last run: the latest date among the records this activity returned then
 * (see Engine.recordRun). Until a first run every record qualifies; after one, a record without a
 * date never does. The mark is part of the SQL, so recording a run yields a new working table.
 */
export function compileIncrementalQuery(
  config: IncrementalQueryConfig,
  ctx: CompileContext,
): CompiledOutputs {
  const entity = ctx.sql.entity(config.targetDimension);
  if (config.dateField === '') throw new CompileError('Choose the date field that tells new records.');
  const field = entity.fields.find((f) => f.name === config.dateField);
  if (!field) throw new CompileError(`${entity.label || entity.name} has no field ${config.dateField}.`);
  if (field.type !== 'date' && field.type !== 'timestamp')
    throw new CompileError(`${field.label || field.name} is not a date; choose a date or date-time field.`);
  const key = ctx.sql.ident(entity.primaryKey);
  const date = `t.${ctx.sql.ident(field.name)}`;
  const conditions = [ctx.sql.filter(config.rule, entity.name, 't')];
  if (ctx.run) {
    // A run of a simulated schedule: the records that exist at its launch and are newer than the
    // previous run's launch (a date counts from its midnight).
    conditions.push(`CAST(${date} AS TIMESTAMP) <= CAST(${ctx.sql.literal(ctx.run.launch)} AS TIMESTAMP)`);
    if (ctx.run.previousLaunch !== undefined)
      conditions.push(`CAST(${date} AS TIMESTAMP) > CAST(${ctx.sql.literal(ctx.run.previousLaunch)} AS TIMESTAMP)`);
  } else {
    const mark = ctx.campaignId === undefined ? undefined : ctx.state?.runMark(ctx.campaignId, ctx.activity.id);
    if (mark !== undefined)
      conditions.push(
        `${date} > CAST(${ctx.sql.literal(mark)} AS ${field.type === 'date' ? 'DATE' : 'TIMESTAMP'})`,
      );
  }
  const where = conditions.filter((c) => c !== 'TRUE');
  const from = `FROM ${ctx.sql.table(entity.name)} AS t${where.length ? `\nWHERE ${where.join('\n  AND ')}` : ''}`;
  return {
    out: {
      sql: `SELECT t.${key}\n${from}`,
      dimension: entity.name,
      columns: [],
      runMark: `SELECT ${ctx.sql.dialect.timeText(`max(${date})`)} AS mark\n${from}`,
    },
  };
}
