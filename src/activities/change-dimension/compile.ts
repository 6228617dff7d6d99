import type { CompileContext, CompiledOutputs } from '../compile-types';
import { CompileError, LEFT_OUT_OUTPUT } from '../compile-types';
import { linkPairsSql } from '../link-path';
import { dimensionEntity, mainInput } from '../working-table';
import type { ChangeDimensionConfig } from './definition';

/**
 * Switches the working table to another dimension by following links of any cardinality (profiles
 * -> their bookings, accounts -> their people, people -> their account). The result holds each
 * reached record once; records without a match drop out, and are counted as left out. Enrichment columns belong to the old
 * dimension and are not carried over.
 */
export function compileChangeDimension(config: ChangeDimensionConfig, ctx: CompileContext): CompiledOutputs {
  const input = mainInput(ctx, 'Change dimension');
  const start = dimensionEntity(ctx, input, 'Change dimension');
  const walk = linkPairsSql(ctx, start, config.path, 'Change dimension', input.relation);
  if (config.targetDimension !== '' && walk.end.name !== config.targetDimension)
    throw new CompileError(`Change dimension: the links lead to ${walk.end.name}, not to ${config.targetDimension}.`);
  const key = ctx.sql.ident(walk.end.primaryKey);
  const startKey = ctx.sql.ident(start.primaryKey);
  return {
    out: { sql: `SELECT DISTINCT m."__to" AS ${key}\nFROM (${walk.sql}) AS m`, dimension: walk.end.name, columns: [] },
    // Inbound records the links lead nowhere from: counted, as what the activity leaves out.
    [LEFT_OUT_OUTPUT]: {
      sql: `SELECT r.${startKey} FROM ${input.relation} AS r\nWHERE r.${startKey} NOT IN (SELECT m."__from" FROM (${walk.sql}) AS m)`,
      dimension: start.name,
      columns: [],
    },
  };
}
