import { describe, expect, test } from 'vitest';
import { initialDataFromUrl } from './initial-data-from-url';

describe('initial data from the URL', () => {
  test('defaults to the built-in sample', () => {
    expect(initialDataFromUrl('')).toEqual({ kind: 'sample', profiles: 100_000, seed: 42 });
  });
  test('reads the profile count and seed', () => {
    expect(initialDataFromUrl('?profiles=10000&seed=7')).toEqual({ kind: 'sample', profiles: 10_000, seed: 7 });
  });
  test('ignores values it cannot use', () => {
    expect(initialDataFromUrl('?profiles=abc&seed=x')).toEqual({ kind: 'sample', profiles: 100_000, seed: 42 });
    expect(initialDataFromUrl('?profiles=5')).toMatchObject({ profiles: 100_000 });
    expect(initialDataFromUrl('?profiles=1.5')).toMatchObject({ profiles: 100_000 });
  });
});
