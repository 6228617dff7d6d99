import type { CompileContext, CompiledOutputs } from '../compile-types';
import { CompileError, LEFT_OUT_OUTPUT } from '../compile-types';
import { isFileDimension, keyColumn, mainInput, recordValue, workingColumns, type RecordValue } from '../working-table';
import type { ReconciliationConfig } from './definition';
import { joinRuleSql, type JoinValue } from '../join-rule-sql';
import { identityKey } from '../record-identity';

/**
 * Maps incoming records onto a targeting dimension: a record of the dimension matches when every
 * pair of values is the same by the identity rule (record-identity.ts: text without case and
 * surrounding spaces; an empty value never matches). Each matched record of the dimension appears once, carrying the incoming columns of
 * its first matching line. Unmatched incoming records go to the `unmatched` output when kept, and are
 * counted as left out otherwise.
 */
export function compileReconciliation(config: ReconciliationConfig, ctx: CompileContext): CompiledOutputs {
  const input = mainInput(ctx, 'Reconciliation');
  if (config.mode === 'pairs' && config.pairs.length === 0) throw new CompileError('Choose the fields that identify a record.');
  const target = ctx.sql.entity(config.targetDimension);
  const targetKey = ctx.sql.ident(target.primaryKey);
  const inKey = ctx.sql.ident(keyColumn(ctx, input.dimension));
  const values: RecordValue[] = config.mode === 'pairs' ? config.pairs.map((p, i) => recordValue(ctx, input, p.column, `Pair ${i + 1}: the incoming column`)) : [];
  // Rule: each incoming value the rule reads becomes a column of `src`, the dimension's fields are read on `e`.
  const ruleOn =
    config.mode === 'rule'
      ? joinRuleSql(config.rule, ctx, {
          labels: { records: 'the incoming records', other: `${target.label || target.name}` },
          records: (name, what): JoinValue => {
            const v = recordValue(ctx, input, name, `${what}: the incoming value`);
            values.push(v);
            return { sql: `src."__v${values.length - 1}"`, type: v.type };
          },
          other: (name, what): JoinValue => {
            const f = target.fields.find((x) => x.name === name);
            if (!f) throw new CompileError(`${what}: ${target.label || target.name} has no field ${name || '(none)'}.`);
            return { sql: `e.${ctx.sql.ident(f.name)}`, type: f.type };
          },
        })
      : undefined;
  const fields = (config.mode === 'pairs' ? config.pairs : []).map((p, i) => {
    const f = target.fields.find((x) => x.name === p.field);
    if (!f) throw new CompileError(`Pair ${i + 1}: ${target.label || target.name} has no field ${p.field || '(none)'}.`);
    return f;
  });
  const join = values.some((v) => v.usesEntity) && !isFileDimension(input.dimension) ? `\n  JOIN ${ctx.sql.table(input.dimension)} AS t ON t.${inKey} = w.${inKey}` : '';
  const conditions = (config.mode === 'pairs' ? values : []).map((v, i) => {
    const f = fields[i]!;
    const left = { sql: `src."__v${i}"`, type: v.type };
    const right = { sql: `e.${ctx.sql.ident(f.name)}`, type: f.type };
    // The identity rule; an empty value has no key (NULL), so it never matches.
    return `${identityKey(left, [right.type])} = ${identityKey(right, [left.type])}`;
  });
  const carried = input.columns.filter((c) => c.name.toLowerCase() !== target.primaryKey.toLowerCase());
  const cols = carried.map((c) => `src.${ctx.sql.ident(c.name)}`);
  const ctes = `WITH src AS (\n  SELECT ${workingColumns(ctx, input)}${values.map((v, i) => `, ${v.sql} AS "__v${i}"`).join('')}\n  FROM ${input.relation} AS w${join}\n),
matched AS (\n  SELECT e.${targetKey} AS "__target", src.${inKey} AS "__in"${cols.map((c) => `, ${c}`).join('')},
    row_number() OVER (PARTITION BY e.${targetKey} ORDER BY src.${inKey}) AS "__n"\n  FROM src JOIN ${ctx.sql.table(target.name)} AS e ON ${ruleOn ?? conditions.join(' AND ')}\n)`;
  const outputs: CompiledOutputs = {
    out: {
      sql: `${ctes}\nSELECT m."__target" AS ${targetKey}${carried.map((c) => `, m.${ctx.sql.ident(c.name)}`).join('')}\nFROM matched AS m WHERE m."__n" = 1`,
      dimension: target.name,
      columns: carried,
    },
  };
  // The incoming records that match nothing: the Unmatched output when kept, else only counted as
  // what the activity leaves out.
  const unmatched = {
    sql: `${ctes}\nSELECT w.* FROM ${input.relation} AS w\nWHERE w.${inKey} NOT IN (SELECT "__in" FROM matched)`,
    dimension: input.dimension,
    columns: input.columns,
  };
  outputs[config.keepUnmatched ? 'unmatched' : LEFT_OUT_OUTPUT] = unmatched;
  return outputs;
}
