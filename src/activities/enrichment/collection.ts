import { resolvePath } from '../../domain/data-model';
import type { EntityDef, FieldDef, LinkStep } from '../../domain/data-model';
import type { CompileContext } from '../compile-types';
import { CompileError } from '../compile-types';
import { checkAlias } from '../working-table';
import type { EnrichmentConfig } from './definition';
import type { EnrichmentParts } from './compile';

type CollectionEnrichment = EnrichmentConfig['collections'][number];

const numeric = (f: FieldDef) => f.type === 'integer' || f.type === 'decimal';

/**
 * Columns from a one-to-many collection: an aggregate over its filtered lines, or its first N lines
 * in a chosen order (N columns per chosen field, named `<alias>_<n>_<field>`). The collection is
 * read once: filtered, restricted to the parents present in the working table, grouped by parent.
 */
export function collectionSql(
  ctx: CompileContext,
  entity: EntityDef,
  c: CollectionEnrichment,
  n: number,
  taken: Set<string>,
  parts: EnrichmentParts,
  toOne: (steps: LinkStep[], n: number) => string,
): void {
  const what = `Collection ${c.path.join('.') || '(none)'}`;
  const resolved = resolvePath(ctx.model, entity.name, c.path, 'link');
  if (!resolved.ok) throw new CompileError(`${what}: ${resolved.message}`);
  const last = resolved.steps[resolved.steps.length - 1]!;
  if (last.link.cardinality !== 'one-to-many') throw new CompileError(`${what} is not a one-to-many collection.`);
  const coll = last.to;
  const owner = toOne(resolved.steps.slice(0, -1), n);
  const cte = `c${n}`;
  const parentCols = last.link.on.map((p, i) => {
    const hidden = `"__c${n}_p${i}"`;
    parts.baseColumns.push(`${owner}.${ctx.sql.ident(p.from)} AS ${hidden}`);
    return { hidden, to: ctx.sql.ident(p.to) };
  });
  const where = ctx.sql.filter(c.where, coll.name, 'c');
  const parents = `(SELECT DISTINCT ${parentCols.map((p) => p.hidden).join(', ')} FROM base) AS p`;
  const from = `${ctx.sql.table(coll.name)} AS c\n    JOIN ${parents} ON ${parentCols.map((p) => `c.${p.to} = p.${p.hidden}`).join(' AND ')}${where === 'TRUE' ? '' : `\n    WHERE ${where}`}`;
  const groupKeys = parentCols.map((p, i) => `c.${p.to} AS "__k${i}"`).join(', ');
  const groupBy = parentCols.map((p) => `c.${p.to}`).join(', ');
  parts.joins.push(`LEFT JOIN ${cte} ON ${parentCols.map((p, i) => `${cte}."__k${i}" = base.${p.hidden}`).join(' AND ')}`);
  const field = (name: string | undefined, use: string): FieldDef => {
    const f = name ? coll.fields.find((x) => x.name === name) : undefined;
    if (!f) throw new CompileError(`${what}: choose a field of ${coll.label || coll.name} ${use}${name ? ` (${name} is not one)` : ''}.`);
    return f;
  };

  if (c.mode === 'aggregate') {
    const agg = c.aggregate;
    if (!agg) throw new CompileError(`${what}: choose the aggregate (count, sum...).`);
    const alias = checkAlias(c.alias, taken, what);
    let expr: string;
    let type: string;
    if (agg.fn === 'count') [expr, type] = ['count(*)', 'integer'];
    else {
      const f = field(agg.field, `to aggregate`);
      const col = `c.${ctx.sql.ident(f.name)}`;
      if ((agg.fn === 'sum' || agg.fn === 'avg') && !numeric(f)) throw new CompileError(`${what}: ${agg.fn} needs a numeric field; ${f.name} is ${f.type}.`);
      if (agg.fn === 'count-distinct') [expr, type] = [`count(DISTINCT ${col})`, 'integer'];
      else if (agg.fn === 'avg') [expr, type] = [`avg(${col})`, 'decimal'];
      else [expr, type] = [`${agg.fn}(${col})`, f.type];
    }
    // Each parent's aggregate over the collection is a fact of the data: computed once, then every
    // enrichment that asks for it, and every recount after an edit, joins it instead of reading
    // the whole collection again.
    const lines = `${ctx.sql.table(coll.name)} AS c${where === 'TRUE' ? '' : `\n  WHERE ${where}`}`;
    const facts = ctx.sql.facts(`SELECT ${groupKeys}, ${expr} AS "__v"\nFROM ${lines}\nGROUP BY ${groupBy}`);
    parts.ctes.push(`${cte} AS (\n  SELECT * FROM ${facts}\n)`);
    // Counts and sums over no lines are 0 (no purchases: spent 0); averages, minimums and maximums stay empty.
    const zero = agg.fn === 'count' || agg.fn === 'count-distinct' || agg.fn === 'sum';
    parts.select.push(`${zero ? `coalesce(${cte}."__v", 0)` : `${cte}."__v"`} AS ${ctx.sql.ident(alias)}`);
    parts.columns.push({ name: alias, type });
    return;
  }

  if (c.fields.length === 0) throw new CompileError(`${what}: choose the fields of each line to bring.`);
  const fields = c.fields.map((name) => field(name, 'to bring'));
  const sort = c.sort ? `c.${ctx.sql.ident(field(c.sort.field, 'to sort by').name)} ${c.sort.direction === 'desc' ? 'DESC' : 'ASC'} NULLS LAST, ` : '';
  const lineKey = `c.${ctx.sql.ident(coll.primaryKey)}`;
  const pivot: string[] = [];
  for (let line = 1; line <= c.count; line++)
    for (const f of fields) {
      const alias = checkAlias(`${c.alias}_${line}_${f.name}`, taken, what);
      pivot.push(`any_value(c.${ctx.sql.ident(f.name)}) FILTER (WHERE c."__line" = ${line}) AS ${ctx.sql.ident(alias)}`);
      parts.select.push(`${cte}.${ctx.sql.ident(alias)}`);
      parts.columns.push({ name: alias, type: f.type });
    }
  parts.ctes.push(
    `${cte} AS (\n  SELECT ${parentCols.map((_, i) => `c."__k${i}"`).join(', ')}, ${pivot.join(', ')}\n  FROM (\n    SELECT c.*, ${groupKeys}, row_number() OVER (PARTITION BY ${groupBy} ORDER BY ${sort}${lineKey}) AS "__line"\n    FROM ${from}\n  ) AS c\n  WHERE c."__line" <= ${ctx.sql.literal(c.count)}\n  GROUP BY ${parentCols.map((_, i) => `c."__k${i}"`).join(', ')}\n)`,
  );
}
