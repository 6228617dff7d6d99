/**
 * Text a person typed (an activity's label, an id, a subset id), made safe to print on one line of
 * a SQL comment or a terminal. A line break would end a `-- comment` and turn the rest of the label
 * into SQL; control characters and ANSI escape sequences would drive the terminal; bidirectional
 * overrides would show the text in another order than it is read. Each such character is written
 * as a visible escape (`\n`, `\u{1b}`), so the text stays recognisable and nothing is hidden.
 * Used by the command line for every line it prints and by the code view for its comments.
 */
// C0 controls and DEL, C1 controls (NEL included), line and paragraph separators, bidi controls.
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

const named: Readonly<Record<string, string>> = Object.freeze(Object.assign(Object.create(null) as Record<string, string>, { '\n': '\\n', '\r': '\\r', '\t': '\\t' }));

export function oneLine(text: string): string {
  return text.replace(UNSAFE, (c) => named[c] ?? `\\u{${c.codePointAt(0)!.toString(16)}}`);
}

/** Every line of `text` made safe with oneLine(), the line breaks between them kept. */
export function safeLines(text: string): string {
  return text
    .split(/\r\n|\n/)
    .map(oneLine)
    .join('\n');
}
