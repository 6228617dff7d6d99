import { hash64 } from '../compile/hash';

/**
 * What identifies kept data and kept counts. Both are a function of the data and of the code that
 * computes them, so each is named by both: a kept file or a kept count whose name does not match
 * is never read.
 */

/**
 * The build of the app (a hash of its sources, set by the build; `dev` under the development server
 * and in tests). Another build may generate other rows or compile other SQL for the same campaign,
 * so what an older build kept is not read.
 */
export const ENGINE_BUILD: string = typeof __ENGINE_BUILD__ === 'string' ? __ENGINE_BUILD__ : 'dev';

/** Layout of a kept database (its tables and catalogue); a file of another layout is not read. */
export const KEPT_FORMAT = 1;

/** Prefix of every kept database file in the origin-private file system. */
export const KEPT_FILE_PREFIX = 'cc-kept-';

/** The kept database file of a dataset (its id names its content) under this build. */
export function keptFileName(datasetId: string, build: string = ENGINE_BUILD): string {
  return `${KEPT_FILE_PREFIX}${hash64(`${KEPT_FORMAT}\u0000${build}\u0000${datasetId}`)}.db`;
}

/** Kept datasets at most: the least recently used beyond this are removed (each can take hundreds of MB). */
export const KEPT_BUDGET = 2;

/** What the Data screen says about keeping the data in use between visits. */
export type KeptStatus =
  /** Opened from the data this browser kept: nothing was generated or loaded. */
  | { status: 'opened' }
  /** Being written to the browser's storage, in the background. */
  | { status: 'keeping' }
  /** Kept: the next visit opens it without loading it again. */
  | { status: 'kept' }
  /**
   * Not kept, and not needed: the data is small enough (under KEEP_MIN_ROWS rows in all) to load
   * again in about a second, less than writing it to the storage costs.
   */
  | { status: 'small' }
  /** Not kept between visits, and why (storage refused, full or missing); the app works as before. */
  | { status: 'not-kept'; reason: string };
