import { describe, expect, test } from 'vitest';
import type { Problem } from '../../domain/problems';
import { MESSAGE_RESULTS_NEED_A_RUN } from '../../domain/rule-needs-run';
import { engineErrorText, engineProblems, judgeEngineError } from './engine-messages';

describe('engine messages in a marketer’s words', () => {
  test('DuckDB’s messages are reworded by kind, the original kept', () => {
    const raw = "Conversion Error: Could not convert string 'abc' to INT64";
    expect(engineErrorText(raw)).toEqual({ text: 'The query could not run: a value does not have the type the query needs (for example text where a number or a date is expected).', technical: raw });
    expect(engineErrorText('Binder Error: Referenced column "x" not found in FROM clause!').text).toBe('The query could not run: the query names a column or a table that the data does not have.');
    expect(engineErrorText('Invalid Input Error: something').text).toBe('The query could not run: the database refused it.');
    expect(engineErrorText('Could not save the audience: Constraint Error: duplicate key').text).toMatch(/^The audience could not be saved: /);
    expect(engineErrorText('Cannot compile: TypeError: x is undefined')).toEqual({ text: expect.stringMatching(/could not be turned into a query/), technical: 'Cannot compile: TypeError: x is undefined' });
  });

  test('the compiler’s sentences are kept as they are', () => {
    expect(engineErrorText('Country needs a value')).toEqual({ text: 'Country needs a value' });
    expect(engineErrorText('This activity is on a loop of transitions; break the loop to count it.')).toEqual({ text: 'This activity is on a loop of transitions; break the loop to count it.' });
  });

  test('an error is judged next to the activity’s problems', () => {
    const p = (severity: Problem['severity'], code: string, message: string): Problem => ({ severity, code, message, activityId: 'a' });
    expect(judgeEngineError(MESSAGE_RESULTS_NEED_A_RUN)).toEqual({ kind: 'needs-run', reason: MESSAGE_RESULTS_NEED_A_RUN });
    // Errors to fix come before needing a run.
    expect(judgeEngineError(MESSAGE_RESULTS_NEED_A_RUN, [p('error', 'rule', 'Choose the message whose results to use.')]).kind).toBe('problems');
    expect(judgeEngineError('Choose the file to load.', [p('warning', 'missing-config', 'Choose the file to load.')])).toMatchObject({ kind: 'problems', severity: 'warning' });
    // The compiler's sentence names the condition before the problem the rule already has.
    expect(judgeEngineError('Condition on (no field): Choose a field.', [p('warning', 'rule', 'Choose a field.')])).toMatchObject({ kind: 'problems', severity: 'warning' });
    // Missing settings do not explain a database failure.
    expect(judgeEngineError('Out of Memory Error: x', [p('warning', 'missing-config', 'Choose the file to load.')]).kind).toBe('failed');
    expect(engineProblems({ a: 'Country needs a value', b: MESSAGE_RESULTS_NEED_A_RUN, c: 'Enter a value' }, (id) => (id === 'c' ? [p('error', 'rule', 'Enter a value.')] : undefined))).toEqual([
      { severity: 'error', code: 'engine-error', message: 'Country needs a value', activityId: 'a' },
    ]);
  });
});
