import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'cli/**/*.test.ts', 'server/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    // Hooks open DuckDB and load fixtures: seconds on a busy machine, past the 10 s default.
    hookTimeout: 60_000,
    pool: 'forks',
    // Every core: the default leaves one free (one worker on a 2-core machine), which doubles the
    // suite's time where nothing else runs beside it.
    maxWorkers: '100%',
  },
});
