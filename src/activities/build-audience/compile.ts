import type { CompileContext, CompiledOutputs } from '../compile-types';
import { CompileError } from '../compile-types';
import type { BuildAudienceConfig } from './definition';

/** The keys of the target dimension's records that satisfy the rule. */
export function compileBuildAudience(config: BuildAudienceConfig, ctx: CompileContext): CompiledOutputs {
  if (config.source === 'audience') throw new CompileError('Reading a saved audience is not available while editing yet.');
  const entity = ctx.sql.entity(config.targetDimension);
  const key = ctx.sql.ident(entity.primaryKey);
  const where = ctx.sql.condition(config.rule, entity.name, 't');
  return {
    out: {
      sql: `SELECT t.${key}\nFROM ${ctx.sql.table(entity.name)} AS t${where === 'TRUE' ? '' : `\nWHERE ${where}`}`,
      dimension: entity.name,
      columns: [],
    },
  };
}
