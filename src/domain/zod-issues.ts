import type { z } from 'zod';

/** One problem found in a file or a config, located by a path such as `activities[3].config.subsets[0].limit`. */
export interface PathError {
  path: string;
  message: string;
}

/** `['activities', 3, 'config']` -> `activities[3].config`, prefixed by `base`. */
export function formatPath(path: readonly PropertyKey[], base = ''): string {
  let out = base;
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out === '' ? '(document)' : out;
}

const article = (t: string) => (/^[aeiou]/.test(t) ? `an ${t}` : `a ${t}`);

/** What a number too large for a double (read as Infinity) is called, with its digits when known. */
export function outOfRangeMessage(source?: string): string {
  return `a number out of range${source ? ` (${source})` : ''}: numbers go up to about ±1.797e308`;
}

function describeReceived(input: unknown): string {
  if (input === undefined) return 'nothing';
  if (input === null) return 'null';
  if (Array.isArray(input)) return 'a list';
  if (typeof input === 'number' && !Number.isFinite(input)) return Number.isNaN(input) ? 'not a number' : 'a number out of range';
  return article(typeof input);
}

/** The value found at `path` inside `root`, or undefined. */
function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let v: unknown = root;
  for (const key of path) {
    if (typeof v !== 'object' || v === null) return undefined;
    v = (v as Record<PropertyKey, unknown>)[key];
  }
  return v;
}

/**
 * A message a person can act on, from one zod issue. `input` is the value that was parsed, used to
 * say what was found instead of what was expected.
 */
export function issueMessage(issue: z.core.$ZodIssue, input?: unknown): string {
  switch (issue.code) {
    case 'invalid_type': {
      const expected = issue.expected === 'array' ? 'list' : issue.expected;
      return `expected ${article(expected)}, got ${describeReceived(valueAt(input, issue.path))}`;
    }
    case 'invalid_value':
      return `expected one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
    case 'too_small':
      return issue.origin === 'array'
        ? `needs at least ${String(issue.minimum)} item(s)`
        : issue.origin === 'string'
          ? 'must not be empty'
          : `must be at least ${String(issue.minimum)}`;
    case 'too_big':
      return issue.origin === 'array' ? `allows at most ${String(issue.maximum)} item(s)` : `must be at most ${String(issue.maximum)}`;
    case 'invalid_union':
      return 'does not match any allowed shape';
    case 'unrecognized_keys':
      return `unknown key(s) ${issue.keys.join(', ')}`;
    default:
      return issue.message;
  }
}

/** Every issue of a failed parse of `input`, as path-located errors under `base`. */
export function zodErrors(error: z.ZodError, input: unknown, base = ''): PathError[] {
  return error.issues.map((issue) => ({ path: formatPath(issue.path, base), message: issueMessage(issue, input) }));
}
