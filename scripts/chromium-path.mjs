import { existsSync } from 'node:fs';

/** The system Chromium to drive, or undefined to let Playwright use its own browser. */
export function chromiumExecutable() {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];
  return candidates.find((p) => p && existsSync(p));
}
