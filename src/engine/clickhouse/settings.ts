/**
 * Settings under which ClickHouse reads the engine's SQL the way DuckDB does, set on every
 * connection (embedded or server):
 * - an outer join's missing side is NULL, not the type's default (`join_use_nulls`);
 * - an aggregate over no rows is NULL, as in standard SQL (`sum` of nothing);
 * - a bare `UNION` removes duplicates, as in standard SQL;
 * - a cast keeps NULL as NULL;
 * - correlated sub-queries (a rule's `EXISTS` over a collection) are allowed;
 * - date-times are wall-clock, read and written in UTC like DuckDB's TIMESTAMP;
 * - Arrow results carry text as text, uncompressed, so apache-arrow reads them.
 */
export const CLICKHOUSE_SETTINGS: Record<string, string | number> = {
  join_use_nulls: 1,
  aggregate_functions_null_for_empty: 1,
  union_default_mode: 'DISTINCT',
  cast_keep_nullable: 1,
  joined_subquery_requires_alias: 0,
  allow_experimental_correlated_subqueries: 1,
  session_timezone: 'UTC',
  output_format_arrow_compression_method: 'none',
  output_format_arrow_string_as_string: 1,
  output_format_arrow_low_cardinality_as_dictionary: 0,
};
