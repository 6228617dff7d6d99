/** Set by vite.config.ts: a hash of the app's sources (see kept-keys.ts). Absent in Node tests. */
declare const __ENGINE_BUILD__: string | undefined;
