import { describe, expect, it } from 'vitest';
import { describeSmsLength, smsLength } from './sms-segments';

const of = (text: string) => {
  const l = smsLength(text);
  return [l.encoding, l.units, l.segments];
};

describe('SMS length', () => {
  it('counts GSM-7 texts: 160 in one message, 153 per part', () => {
    expect(of('')).toEqual(['GSM-7', 0, 0]);
    expect(of('a'.repeat(160))).toEqual(['GSM-7', 160, 1]);
    expect(of('a'.repeat(161))).toEqual(['GSM-7', 161, 2]);
    expect(of('a'.repeat(306))).toEqual(['GSM-7', 306, 2]);
    expect(of('a'.repeat(307))).toEqual(['GSM-7', 307, 3]);
    expect(of('£èÉÑß@ ¿¡§')).toEqual(['GSM-7', 10, 1]);
  });

  it('counts the extension characters twice', () => {
    expect(of('^{}\\[~]|€')).toEqual(['GSM-7', 18, 1]);
    expect(of('€'.repeat(80))).toEqual(['GSM-7', 160, 1]);
    expect(of(`${'€'.repeat(80)}a`)).toEqual(['GSM-7', 161, 2]);
  });

  it('counts UCS-2 texts: 70 in one message, 67 per part', () => {
    expect(of('é'.repeat(69) + 'ç')).toEqual(['UCS-2', 70, 1]);
    expect(of('ç'.repeat(71))).toEqual(['UCS-2', 71, 2]);
    expect(of('ç'.repeat(134))).toEqual(['UCS-2', 134, 2]);
    expect(of('ç'.repeat(135))).toEqual(['UCS-2', 135, 3]);
    // An emoji is two UTF-16 units.
    expect(of('🎉')).toEqual(['UCS-2', 2, 1]);
  });

  it('describes the length for the form', () => {
    expect(describeSmsLength(smsLength('Hello'))).toBe('5 characters · GSM-7 · 1 message');
    expect(describeSmsLength(smsLength('a'.repeat(161)))).toBe('161 characters · GSM-7 · 2 messages of up to 153 characters');
    expect(describeSmsLength(smsLength('ça va'))).toBe('5 characters · UCS-2 · 1 message (up to 70 characters each, because of ç)');
  });
});
