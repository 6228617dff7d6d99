import { describe, expect, test } from 'vitest';
import { anniversaryDatesText, anniversaryWindow } from './anniversary';

describe('birthday within N days: the covered dates', () => {
  test('N + 1 days: the reference date and the N after it', () => {
    expect(anniversaryWindow('2025-12-03', 7)).toEqual({ from: '2025-12-03', to: '2025-12-10' });
    expect(anniversaryDatesText('2025-12-03', 7)).toBe('3–10 Dec');
    expect(anniversaryDatesText('2025-06-30', 7)).toBe('30 Jun – 7 Jul');
    expect(anniversaryDatesText('2025-12-28', 7)).toBe('28 Dec – 4 Jan');
    expect(anniversaryDatesText('2025-06-30', 0)).toBe('30 Jun');
    expect(anniversaryDatesText('2025-06-30', 365)).toBe('every day of the year');
  });

  test('over the end of February: 29 February exists only in a leap year', () => {
    expect(anniversaryDatesText('2025-02-27', 2)).toBe('27 Feb – 1 Mar');
    expect(anniversaryDatesText('2024-02-27', 2)).toBe('27–29 Feb');
  });

  test('no text without a whole number of days', () => {
    expect(anniversaryDatesText('2025-06-30', 2.5)).toBeUndefined();
    expect(anniversaryDatesText('2025-06-30', -1)).toBeUndefined();
    expect(anniversaryDatesText('2025-06-30', 'x')).toBeUndefined();
  });
});
