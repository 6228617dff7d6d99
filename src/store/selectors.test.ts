import { describe, expect, it } from 'vitest';
import { sampleDataModel } from '../engine/data/sample-model';
import { activity, campaign, transition } from '../domain/__tests__/fixtures';
import { problemsOf } from './selectors';

describe('problemsOf', () => {
  const doc = campaign(
    [
      activity('a', 'build-audience', {
        targetDimension: 'profiles',
        rule: {
          kind: 'group',
          id: 'root',
          combinator: 'and',
          children: [{ kind: 'attribute', id: 'c1', path: ['shoe_size'], operator: 'equals', value: 42 }],
        },
      }),
      activity('m', 'email'),
    ],
    [transition('t', 'a', 'm')],
  );

  it('checks rules against the data model once it is known', () => {
    expect(problemsOf(doc).byActivity.get('a')).toBeUndefined();
    const withModel = problemsOf(doc, sampleDataModel).byActivity.get('a') ?? [];
    expect(withModel.length).toBeGreaterThan(0);
    expect(withModel[0]!.message).toMatch(/shoe_size/);
  });

  it('computes once per document and model', () => {
    expect(problemsOf(doc, sampleDataModel)).toBe(problemsOf(doc, sampleDataModel));
    expect(problemsOf(doc)).not.toBe(problemsOf(doc, sampleDataModel));
  });
});
