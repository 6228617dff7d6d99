import { describe, expect, test } from 'vitest';
import { Utf8Builder, dictionaryColumn, stringColumn, timestampColumn } from './columns';

describe('Arrow column builders', () => {
  test('Utf8Builder keeps ASCII, accents, emoji, empty and missing values, and copies', () => {
    const values = ['plain', 'Léa', '', null, 'São Paulo 😀', 'a\u0000b'];
    const b = new Utf8Builder(values.length + 2);
    values.forEach((v) => b.append(v));
    b.appendCopyOf(1);
    b.appendCopyOf(3);
    expect([...b.finish()]).toEqual([...values, 'Léa', null]);
    expect([...stringColumn(values)]).toEqual(values);
  });

  test('Utf8Builder refuses a wrong number of values', () => {
    const b = new Utf8Builder(2);
    b.append('x');
    expect(() => b.finish()).toThrow(/expected 2/);
  });

  test('dictionary codes, with -1 as missing', () => {
    expect([...dictionaryColumn(Int8Array.from([1, -1, 0]), ['a', 'b'])]).toEqual(['b', null, 'a']);
  });

  test('timestamps in seconds, before and after 1970', () => {
    expect([...timestampColumn(Int32Array.from([0, 86_400, -1]))]).toEqual([0, 86_400_000, -1000]);
  });

  test('timestamps beyond 32-bit seconds: years 0001, 1890, 2040 and 9999', () => {
    const isos = ['0001-01-01T00:00:00Z', '1890-05-05T00:00:00Z', '2040-01-01T12:00:00Z', '9999-12-31T23:59:59Z'];
    const ms = isos.map((iso) => Date.parse(iso));
    expect([...timestampColumn(Float64Array.from(ms, (m) => m / 1000))]).toEqual(ms);
  });
});

describe('values written in pieces', () => {
  test('text, numbers and hex make one value each', () => {
    const b = new Utf8Builder(4);
    b.text('contact').int(42).text('@').text('exämple.org').end();
    b.int(0).end();
    b.hex32(0x518c1b1f).hex32(0xa).end();
    b.append('after');
    expect([...b.finish()]).toEqual(['contact42@exämple.org', '0', '518c1b1f0000000a', 'after']);
  });
});
