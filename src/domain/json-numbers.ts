/**
 * Numbers that JSON can write but a double cannot hold. `JSON.parse` reads `1e999` as Infinity
 * (and `-1e999` as -Infinity), which no field accepts and no file can write back; this finds them
 * in the text, with their path in the document and the digits as written, so that the message can
 * say which number and where.
 */

export interface OutOfRangeNumber {
  path: (string | number)[];
  /** The number as written in the file, e.g. `1e999`. */
  source: string;
}

type Frame = { kind: 'object'; key: string | undefined; expectKey: boolean } | { kind: 'array'; index: number };

/** True when a parsed JSON value holds a number that is not finite, at any depth. */
export function hasNonFiniteNumber(value: unknown): boolean {
  // An explicit stack: a deeply nested file must not overflow the call stack here.
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const v = stack.pop();
    if (typeof v === 'number' && !Number.isFinite(v)) return true;
    if (v !== null && typeof v === 'object') for (const child of Object.values(v)) stack.push(child);
  }
  return false;
}

/**
 * Every number of `text` (valid JSON) whose value is not finite. The scan follows the JSON
 * grammar only as far as needed to know the path: containers, keys, indices, strings and bare
 * tokens.
 */
export function outOfRangeNumbers(text: string): OutOfRangeNumber[] {
  const found: OutOfRangeNumber[] = [];
  const stack: Frame[] = [];
  const path = () => stack.map((f) => (f.kind === 'array' ? f.index : (f.key ?? '')));
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    const top = stack[stack.length - 1];
    if (c === '{') {
      stack.push({ kind: 'object', key: undefined, expectKey: true });
      i++;
    } else if (c === '[') {
      stack.push({ kind: 'array', index: 0 });
      i++;
    } else if (c === '}' || c === ']') {
      stack.pop();
      i++;
    } else if (c === ',') {
      if (top?.kind === 'array') top.index++;
      else if (top?.kind === 'object') top.expectKey = true;
      i++;
    } else if (c === '"') {
      let end = i + 1;
      while (text[end] !== '"') end += text[end] === '\\' ? 2 : 1;
      if (top?.kind === 'object' && top.expectKey) {
        top.key = JSON.parse(text.slice(i, end + 1)) as string;
        top.expectKey = false;
      }
      i = end + 1;
    } else if (c === '-' || (c >= '0' && c <= '9')) {
      let end = i + 1;
      while (end < text.length && /[0-9eE.+-]/.test(text[end]!)) end++;
      const source = text.slice(i, end);
      if (!Number.isFinite(Number(source))) found.push({ path: path(), source });
      i = end;
    } else i++;
  }
  return found;
}
