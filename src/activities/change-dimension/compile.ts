import type { CompileContext, CompiledOutputs } from '../compile-types';
import { CompileError } from '../compile-types';
import { linkPairsSql } from '../link-path';
import { dimensionEntity, mainInput } from '../working-table';
import type { ChangeDimensionConfig } from './definition';

/**
 * Switches the working table to another dimension by following links of any cardinality (profiles
 * -> their bookings, accounts -> their people, people -> their account). The result holds each
 * reached record once; records without a match drop out. Enrichment columns belong to the old
 * dimension and are not carried over.
 */
export function compileChangeDimension(config: ChangeDimensionConfig, ctx: CompileContext): CompiledOutputs {
  const input = mainInput(ctx, 'Change dimension');
  const start = dimensionEntity(ctx, input, 'Change dimension');
  const walk = linkPairsSql(ctx, start, config.path, 'Change dimension', input.relation);
  if (config.targetDimension !== '' && walk.end.name !== config.targetDimension)
    throw new CompileError(`Change dimension: the links lead to ${walk.end.name}, not to ${config.targetDimension}.`);
  const key = ctx.sql.ident(walk.end.primaryKey);
  return { out: { sql: `SELECT DISTINCT m."__to" AS ${key}\nFROM (${walk.sql}) AS m`, dimension: walk.end.name, columns: [] } };
}
