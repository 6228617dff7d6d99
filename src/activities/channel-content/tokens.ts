/**
 * Personalization tokens in message content: `{{first_name}}`, `{{account.name}}` (a field one
 * link away) or `{{company}}` (a column of the inbound records), each with an optional fallback
 * used when the record has no value: `{{first_name | "there"}}`. This one parser and renderer serves
 * the forms, the preview, validation and the direct-mail file (see docs/activities.md).
 */

/** One `{{…}}` occurrence in a text. */
export interface Token {
  /** The text as written, braces included. */
  raw: string;
  /** Offsets of `raw` in the text. */
  start: number;
  end: number;
  /** What it names: `first_name`, `account.name`; empty when the token is malformed. */
  path: string;
  /** Text used when the record has no value; undefined when none is given. */
  fallback: string | undefined;
  /** Why the token cannot be read, when it is malformed. */
  error?: string;
}

const TOKEN = /\{\{([^{}]*)\}\}/g;
const PATH = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)?$/;
const FALLBACK = /^"([^"]*)"$/;

/** Every token of `text`, in order, malformed ones included (with their `error`). */
export function parseTokens(text: string): Token[] {
  const tokens: Token[] = [];
  for (const m of text.matchAll(TOKEN)) {
    const raw = m[0];
    const inner = m[1]!;
    const bar = inner.indexOf('|');
    const path = (bar < 0 ? inner : inner.slice(0, bar)).trim();
    const fallbackText = bar < 0 ? undefined : inner.slice(bar + 1).trim();
    const base = { raw, start: m.index, end: m.index + raw.length };
    if (!PATH.test(path)) {
      tokens.push({ ...base, path: '', fallback: undefined, error: path === '' ? 'names no field' : `“${path}” is not a field name (letters, digits and underscores, with at most one link: account.name)` });
      continue;
    }
    const fallback = fallbackText === undefined ? undefined : FALLBACK.exec(fallbackText)?.[1];
    if (fallbackText !== undefined && fallback === undefined) {
      tokens.push({ ...base, path, fallback: undefined, error: 'has a fallback that is not in double quotes, e.g. {{first_name | "there"}}' });
      continue;
    }
    tokens.push({ ...base, path, fallback });
  }
  return tokens;
}

/** The distinct paths the well-formed tokens of `texts` name, in order of appearance. */
export function tokenPaths(...texts: string[]): string[] {
  const paths = new Set<string>();
  for (const text of texts) for (const t of parseTokens(text)) if (!t.error) paths.add(t.path);
  return [...paths];
}

/** A record's value as message text: empty for none. */
export type TokenValue = string | number | boolean | null | undefined;

/**
 * `text` with each well-formed token replaced by the record's value for its path, or its fallback
 * when the value is missing or blank (nothing when it has none). Malformed tokens stay as written.
 * `escape` is applied to values and fallbacks (HTML bodies), not to the text around them.
 */
export function renderTokens(text: string, valueOf: (path: string) => TokenValue, escape: (s: string) => string = (s) => s): string {
  let out = '';
  let at = 0;
  for (const t of parseTokens(text)) {
    out += text.slice(at, t.start);
    at = t.end;
    if (t.error) {
      out += t.raw;
      continue;
    }
    const v = valueOf(t.path);
    const shown = v === null || v === undefined || String(v).trim() === '' ? (t.fallback ?? '') : String(v);
    out += escape(shown);
  }
  return out + text.slice(at);
}

/** `text` with every token as its fallback (nothing when it has none): what the SMS length counts. */
export function withFallbacks(text: string): string {
  return renderTokens(text, () => undefined);
}

/** The token to write for a path, e.g. `{{first_name}}`. */
export function tokenText(path: string, fallback?: string): string {
  return fallback === undefined ? `{{${path}}}` : `{{${path} | "${fallback}"}}`;
}

/** Escapes text for HTML content and attribute values. */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}
