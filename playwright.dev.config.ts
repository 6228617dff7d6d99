import { defineConfig } from '@playwright/test';
import base from './playwright.config';

const port = Number(process.env.E2E_DEV_PORT ?? 5174);

/**
 * The smoke suite on the development server (`vite`, as `npm start` serves the app): React's
 * development build checks and logs things the production build does not, so a page can fail
 * here and work in `dist/`. Short on purpose: a few flows a newcomer takes first.
 */
export default defineConfig({
  ...base,
  testMatch: '**/*.dev.ts',
  fullyParallel: false,
  workers: 1,
  timeout: 120_000,
  use: { ...base.use, baseURL: `http://127.0.0.1:${port}` },
  webServer: {
    command: `npx vite --port ${port} --strictPort`,
    url: `http://127.0.0.1:${port}`,
    reuseExistingServer: !process.env.CI,
    timeout: 120_000,
  },
});
