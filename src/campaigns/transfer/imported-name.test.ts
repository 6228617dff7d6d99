import { describe, expect, test } from 'vitest';
import { importedName } from './imported-name';

describe('importedName', () => {
  test('a name nobody has is kept', () => {
    expect(importedName('Spring newsletter', ['Welcome series'])).toBe('Spring newsletter');
  });

  test('a name in use gets "(imported)", then a number', () => {
    expect(importedName('Spring newsletter', ['Spring newsletter'])).toBe('Spring newsletter (imported)');
    expect(importedName('Spring newsletter', ['Spring newsletter', 'Spring newsletter (imported)'])).toBe(
      'Spring newsletter (imported 2)',
    );
  });
});
