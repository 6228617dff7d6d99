import base from './playwright.config';
import { defineConfig } from '@playwright/test';

/** Review screenshots of every screen, written to screenshots/: `npm run screenshots`. */
export default defineConfig({ ...base, testDir: 'e2e/screenshots', testMatch: '**/*.shots.ts', retries: 0 });
