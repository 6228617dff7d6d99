import { describe, expect, test } from 'vitest';
import { engineFromAddress, rememberEngine, rememberedEngine } from './engine-choice';

function memoryStorage() {
  const items = new Map<string, string>();
  return { getItem: (k: string) => items.get(k) ?? null, setItem: (k: string, v: string) => void items.set(k, v) };
}

describe('the engine choice', () => {
  test('is remembered, and falls back to the browser when nothing usable is kept', () => {
    const storage = memoryStorage();
    expect(rememberedEngine(storage)).toEqual({ kind: 'browser' });
    rememberEngine(storage, { kind: 'server', url: 'http://127.0.0.1:7700', token: 't0k3n-abc' });
    expect(rememberedEngine(storage)).toEqual({ kind: 'server', url: 'http://127.0.0.1:7700', token: 't0k3n-abc' });
    storage.setItem('campaign-canvas.engine', '{"kind":"server","url":"javascript:alert(1)","token":"x"}');
    expect(rememberedEngine(storage)).toEqual({ kind: 'browser' });
    storage.setItem('campaign-canvas.engine', 'not json');
    expect(rememberedEngine(storage)).toEqual({ kind: 'browser' });
  });

  test('can be given in the address, which is then cleaned of it', () => {
    expect(engineFromAddress('?engine=http%3A%2F%2F127.0.0.1%3A7700%2F&token=abc&profiles=10000')).toEqual({
      choice: { kind: 'server', url: 'http://127.0.0.1:7700', token: 'abc' },
      search: '?profiles=10000',
    });
    expect(engineFromAddress('?engine=browser')).toEqual({ choice: { kind: 'browser' }, search: '' });
    expect(engineFromAddress('?profiles=10000')).toBeUndefined();
    expect(engineFromAddress('?engine=ftp://x')).toBeUndefined();
  });
});
