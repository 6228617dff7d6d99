import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// Cross-origin isolation: the page can measure its own memory, workers and wasm included
// (performance.measureUserAgentSpecificMemory, used by the bench). Every resource of the app is
// same-origin, so requiring it costs nothing.
const isolation = { 'Cross-Origin-Opener-Policy': 'same-origin', 'Cross-Origin-Embedder-Policy': 'require-corp' };

export default defineConfig({
  plugins: [react()],
  server: { port: 5173, strictPort: false, host: '127.0.0.1', headers: isolation },
  preview: { port: 4173, host: '127.0.0.1', headers: isolation },
  optimizeDeps: { exclude: ['@duckdb/duckdb-wasm'] },
  worker: { format: 'es' },
  build: { target: 'es2022', sourcemap: false, chunkSizeWarningLimit: 2000 },
});
