import { describe, expect, it } from 'vitest';
import { emailLinks, hasStopWording, hasUnsubscribeLink } from './email-links';

describe('email links', () => {
  it('lists every link, tracked when http(s) or the unsubscribe token', () => {
    const html = `<p><a href="https://shop.example/new?u={{profile_id}}">New <b>arrivals</b></a>
      <a class="x" href='http://a.example'>A</a> <a href=mailto:help@x.example>Help</a>
      <a name="top">no href</a> <A HREF="{{unsubscribe_url}}">Unsubscribe</A></p>`;
    expect(emailLinks(html)).toEqual([
      { href: 'https://shop.example/new?u={{profile_id}}', text: 'New arrivals', unsubscribe: false, tracked: true },
      { href: 'http://a.example', text: 'A', unsubscribe: false, tracked: true },
      { href: 'mailto:help@x.example', text: 'Help', unsubscribe: false, tracked: false },
      { href: '{{unsubscribe_url}}', text: 'Unsubscribe', unsubscribe: true, tracked: true },
    ]);
  });

  it('recognises the unsubscribe link by its token or its address', () => {
    expect(hasUnsubscribeLink('<a href="{{ unsubscribe_url }}">Leave</a>')).toBe(true);
    expect(hasUnsubscribeLink('<a href="https://x.example/Unsubscribe?id=1">Leave</a>')).toBe(true);
    expect(hasUnsubscribeLink('Unsubscribe at https://x.example/unsubscribe')).toBe(false);
    expect(hasUnsubscribeLink('<a href="https://x.example">unsubscribe</a>')).toBe(false);
  });

  it('finds the STOP opt-out wording in capitals only', () => {
    expect(hasStopWording('Reply STOP to opt out')).toBe(true);
    expect(hasStopWording('STOP')).toBe(true);
    expect(hasStopWording('Do not stop now')).toBe(false);
    expect(hasStopWording('NONSTOP deals')).toBe(false);
  });
});
