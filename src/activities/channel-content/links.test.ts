import { describe, expect, test } from 'vitest';
import { trackedLinks } from './links';

describe('tracked links of an email body', () => {
  test('every <a href> to an http(s) address, in order; unsubscribe links marked', () => {
    const html = `<p>Hi <a href="https://shop.example/new?a=1&amp;b=2">New</a>, <a class="x" href='http://shop.example/sale'>Sale</a>
      <a href="mailto:help@shop.example">Mail us</a> <a href="#top">Top</a> <a href=https://x.example/u>Unsubscribe here</a>
      <a href="https://x.example/optout?id=1">Stop</a></p>`;
    expect(trackedLinks(html)).toEqual([
      { url: 'https://shop.example/new?a=1&amp;b=2', unsubscribe: false },
      { url: 'http://shop.example/sale', unsubscribe: false },
      { url: 'https://x.example/u', unsubscribe: true },
      { url: 'https://x.example/optout?id=1', unsubscribe: true },
    ]);
  });
  test('no links, or a body that is not HTML, gives none', () => {
    expect(trackedLinks('')).toEqual([]);
    expect(trackedLinks('Visit https://shop.example today')).toEqual([]);
  });
});
