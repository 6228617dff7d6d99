import { describe, expect, it } from 'vitest';
import { formatModified } from './format-modified';

const now = new Date('2026-03-10T12:00:00Z');
const ago = (s: number) => new Date(now.getTime() - s * 1000).toISOString();

describe('formatModified', () => {
  it('reads recent changes relatively', () => {
    expect(formatModified(ago(10), now)).toBe('Just now');
    expect(formatModified(ago(60 * 5), now)).toBe('5 minutes ago');
    expect(formatModified(ago(3600 * 3), now)).toBe('3 hours ago');
  });
  it('shows older changes as a date, with the year only when it differs', () => {
    expect(formatModified(ago(86_400 * 3), now)).toMatch(/^Mar 7,/);
    expect(formatModified('2025-12-24T10:00:00Z', now)).toBe('Dec 24, 2025');
  });
  it('survives a broken date', () => expect(formatModified('nope', now)).toBe('Unknown'));
});
