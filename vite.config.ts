import { readFile } from 'node:fs/promises';
import { readFileSync, readdirSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

// Cross-origin isolation: the page can measure its own memory, workers and wasm included
// (performance.measureUserAgentSpecificMemory, used by the bench). Every resource of the app is
// same-origin, so requiring it costs nothing.
const isolation = { 'Cross-Origin-Opener-Policy': 'same-origin', 'Cross-Origin-Embedder-Policy': 'require-corp' };

/**
 * DuckDB-WASM ships its bundles with source maps whose sources lie outside the package (its
 * Arrow and TypeScript sources are not published), so the development server warned once per
 * source, over a hundred lines at each start. The development server loads those bundles here
 * without their source-map comment; every other file, and every other warning, is untouched.
 */
function duckdbWithoutSourceMaps(): Plugin {
  const bundle = /\/node_modules\/@duckdb\/duckdb-wasm\/dist\/[^?]+\.(?:c|m)?js$/;
  // Imports for an address or a text (`?url`, `?raw`) keep their own loading.
  const special = /(?:^|&)(?:url|raw|inline)(?:&|=|$)/;
  return {
    name: 'duckdb-wasm-without-source-maps',
    apply: 'serve',
    enforce: 'pre',
    async load(id) {
      const [file = '', query = ''] = id.split('?');
      if (!bundle.test(file) || special.test(query)) return null;
      const code = await readFile(file, 'utf-8');
      return { code: code.replace(/^\/\/# sourceMappingURL=.*$/gm, ''), map: null };
    },
  };
}

/**
 * The app's build, as data kept in the browser names it (src/engine/kept/kept-keys.ts): a hash of
 * every source file, so that another build never reads the rows or counts an older one kept. The
 * development server adds its start time, since its code changes without a build.
 */
function engineBuild(command: string): string {
  const hash = createHash('sha256');
  const files = readdirSync('src', { recursive: true, encoding: 'utf8' }).filter((f) => /\.(ts|tsx)$/.test(f) && !/\.test\.tsx?$/.test(f)).sort();
  for (const file of files) hash.update(file).update(readFileSync(`src/${file}`));
  if (command === 'serve') hash.update(String(Date.now()));
  return hash.digest('hex').slice(0, 16);
}

export default defineConfig(({ command }) => ({
  define: { __ENGINE_BUILD__: JSON.stringify(engineBuild(command)) },
  plugins: [react(), duckdbWithoutSourceMaps()],
  server: { port: 5173, strictPort: false, host: '127.0.0.1', headers: isolation },
  preview: { port: 4173, host: '127.0.0.1', headers: isolation },
  // Arrow is imported by the engine's worker only, found late by the dependency scan: named here so
  // that the development server does not reload the page when the engine first starts.
  optimizeDeps: { exclude: ['@duckdb/duckdb-wasm'], include: ['apache-arrow'] },
  worker: { format: 'es' },
  build: { target: 'es2022', sourcemap: false, chunkSizeWarningLimit: 2000 },
}));
