import type { CompileContext, CompiledOutputs } from '../compile-types';
import { CompileError } from '../compile-types';
import type { BuildAudienceConfig } from './definition';

/**
 * The keys of the target dimension's records that satisfy the rule, or of a saved audience. Unless
 * `emitWhenEmpty` is on, an empty audience emits no transition: what follows does not run.
 */
export function compileBuildAudience(config: BuildAudienceConfig, ctx: CompileContext): CompiledOutputs {
  const { out } = config.source === 'audience' ? readAudience(config, ctx) : ruleAudience(config, ctx);
  return { out: config.emitWhenEmpty ? out! : { ...out!, skipWhenEmpty: true } };
}

function ruleAudience(config: BuildAudienceConfig, ctx: CompileContext): CompiledOutputs {
  const entity = ctx.sql.entity(config.targetDimension);
  const key = ctx.sql.ident(entity.primaryKey);
  const where = ctx.sql.filter(config.rule, entity.name, 't');
  return {
    out: {
      sql: `SELECT t.${key}\nFROM ${ctx.sql.table(entity.name)} AS t${where === 'TRUE' ? '' : `\nWHERE ${where}`}`,
      dimension: entity.name,
      columns: [],
    },
  };
}

/**
 * The keys of a saved audience as last written (see Save audience), limited to records still in
 * the data. The audience's stored table is named after its content, so a rewrite with other records
 * changes this SQL and the working tables that depend on it.
 */
function readAudience(config: BuildAudienceConfig, ctx: CompileContext): CompiledOutputs {
  const name = config.audienceName.trim();
  if (name === '') throw new CompileError('Choose the saved audience to read.');
  const saved = ctx.state?.audience(name);
  // Audiences are filed by dataset: one saved from other data is not found here (the picker says which data it belongs to).
  if (!saved || saved.datasetId !== ctx.state?.datasetId)
    throw new CompileError(
      `No audience named "${name}" has been saved yet from the data in use, or it was deleted: run the campaign that saves it first.`,
    );
  if (config.targetDimension !== saved.dimension)
    throw new CompileError(
      `The audience "${name}" holds ${saved.dimension}, not ${config.targetDimension}: choose ${saved.dimension} as the target dimension.`,
    );
  const entity = ctx.sql.entity(saved.dimension);
  const key = ctx.sql.ident(entity.primaryKey);
  return {
    out: {
      sql: `SELECT a.${key}\nFROM ${saved.relation} AS a\nWHERE a.${key} IN (SELECT ${key} FROM ${ctx.sql.table(entity.name)})`,
      dimension: entity.name,
      columns: [],
    },
  };
}
