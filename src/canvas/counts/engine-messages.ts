import type { Problem } from '../../domain/problems';
import { MESSAGE_RESULTS_NEED_A_RUN, needsRun } from '../../domain/rule-needs-run';

/** An engine message as a marketer reads it, with the engine's own words when they differ. */
export interface EngineErrorText {
  text: string;
  /** The engine's message, kept for the curious (shown on demand), when `text` rewords it. */
  technical?: string;
}

// DuckDB prefixes its messages with the kind of exception: "Binder Error: ...", "Out of Memory Error: ...".
const DUCKDB_ERROR = /^(?:(Could not save the audience): )?([A-Z][A-Za-z]*(?: [A-Za-z]+)*) Error: /;

const duckdbTexts: Record<string, string> = {
  Conversion: 'a value does not have the type the query needs (for example text where a number or a date is expected).',
  Binder: 'the query names a column or a table that the data does not have.',
  Catalog: 'the query names a column or a table that the data does not have.',
  'Out of Memory': 'the browser ran out of memory; try a smaller sample of the data.',
  Interrupt: 'the count was interrupted; it is computed again with the next edit.',
};

/** Whether an engine message is a DuckDB error (technical) rather than one of the compiler's sentences. */
export function isDatabaseError(raw: string): boolean {
  return DUCKDB_ERROR.test(raw) || raw.startsWith('Cannot compile: ');
}

/**
 * An engine error in a marketer's words. The compiler already speaks them ("Country needs a value");
 * DuckDB's own messages ("Conversion Error: Could not convert string 'abc' to INT64") and unexpected
 * failures are reworded by kind, and the original is kept in `technical`.
 */
export function engineErrorText(raw: string): EngineErrorText {
  const m = DUCKDB_ERROR.exec(raw);
  if (m) {
    const why = duckdbTexts[m[2]!] ?? 'the database refused it.';
    const text = m[1] ? `The audience could not be saved: ${why}` : `The query could not run: ${why}`;
    return { text, technical: raw };
  }
  if (raw.startsWith('Cannot compile: ')) return { text: 'This activity could not be turned into a query: its settings may come from a newer version of the app.', technical: raw };
  return { text: raw };
}

/** What an activity's engine error means once its own problems are known. */
export type EngineVerdict =
  /** Not an error: what the activity reads exists once the campaign has run. */
  | { kind: 'needs-run'; reason: string }
  /** The activity's problems already say what is wrong; the engine's message is their echo. */
  | { kind: 'problems'; severity: 'error' | 'warning'; first: string; technical?: string }
  /** The query failed for a reason of its own. */
  | ({ kind: 'failed' } & EngineErrorText);

/**
 * Reads an activity's engine error next to its validation problems, so that one defect is told
 * once: an activity with errors (or with missing settings the compiler also refuses) fails to
 * compile because of them, and its problems already say so in better words.
 */
export function judgeEngineError(raw: string, problems: readonly Problem[] = []): EngineVerdict {
  // The engine's words are kept on demand, unless a problem already says exactly the same.
  const technical = problems.some((p) => p.message === raw) ? {} : { technical: raw };
  const errors = problems.filter((p) => p.severity === 'error');
  if (errors.length > 0) return { kind: 'problems', severity: 'error', first: errors[0]!.message, ...technical };
  if (needsRun(raw)) return { kind: 'needs-run', reason: MESSAGE_RESULTS_NEED_A_RUN };
  // The compiler names the condition before the problem ("Condition on (no field): Choose a field.").
  const missing = problems.find((p) => p.code === 'missing-config' || raw === p.message || raw.endsWith(`: ${p.message}`));
  if (missing && !isDatabaseError(raw)) return { kind: 'problems', severity: 'warning', first: missing.message, ...technical };
  return { kind: 'failed', ...engineErrorText(raw) };
}

/**
 * One `engine-error` problem per activity whose query failed for a reason its own problems do not
 * already give, in a marketer's words. An activity that needs a run has no problem.
 */
export function engineProblems(errors: Record<string, string>, problemsOf: (activityId: string) => readonly Problem[] | undefined): Problem[] {
  return Object.entries(errors).flatMap(([activityId, raw]): Problem[] => {
    const verdict = judgeEngineError(raw, problemsOf(activityId));
    return verdict.kind === 'failed' ? [{ severity: 'error', code: 'engine-error', message: verdict.text, activityId }] : [];
  });
}
