import { defineConfig } from 'vitest/config';

/**
 * The activity suites run twice: on DuckDB and on embedded ClickHouse (`CAMPAIGN_TEST_ENGINE`,
 * src/engine/testing/test-connection.ts), against the same hand-computed expected rows. Suites that
 * set up tables in DuckDB's own SQL, or pin what ClickHouse cannot hold (docs/running-on-larger-data.md),
 * run on DuckDB only.
 */
const onClickHouse = [
  'src/activities/accounts-buying-groups.test.ts',
  'src/activities/record-identity.test.ts',
  'src/activities/*/*.test.ts',
  'src/engine/clickhouse/**/*.test.ts',
  'src/engine/trace/*.test.ts',
  'src/engine/data-explorer-queries.test.ts',
];
const duckdbOnly = [
  'src/activities/channel-delivery/denylist-feedback.test.ts',
  'src/activities/load-file/load-file-text.test.ts',
  // Checks of forms and documents alone, with no SQL engine.
  'src/activities/channel-content/**',
  'src/activities/__tests__/**',
  'src/activities/*/*-problems.test.ts',
  'src/activities/split/split-presets.test.ts',
  'src/activities/load-file/infer-columns.test.ts',
  'src/activities/enrichment/enrichment-columns.test.ts',
  'src/activities/incremental-query/format-run-time.test.ts',
  'src/activities/channel-delivery/denylist-model.test.ts',
];

export default defineConfig({
  test: {
    environment: 'node',
    testTimeout: 60_000,
    // Hooks open DuckDB and load fixtures: seconds on a busy machine, past the 10 s default.
    hookTimeout: 60_000,
    pool: 'forks',
    // Every core: the default leaves one free (one worker on a 2-core machine), which doubles the
    // suite's time where nothing else runs beside it.
    maxWorkers: '100%',
    projects: [
      { extends: true, test: { name: 'duckdb', include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'cli/**/*.test.ts', 'server/**/*.test.ts'], exclude: ['src/engine/clickhouse/**'] } },
      {
        extends: true,
        test: { name: 'clickhouse', include: onClickHouse, exclude: duckdbOnly, env: { CAMPAIGN_TEST_ENGINE: 'clickhouse' } },
      },
    ],
  },
});
