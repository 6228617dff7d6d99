/**
 * Links of an email's HTML body. Every `<a href>` to an http(s) address (or a token that gives
 * one) is tracked: a click goes through the tracking service, which records it, then on to the
 * address. The unsubscribe link is told by a `{{unsubscribe_url}}` href or an address containing
 * "unsubscribe".
 */

export interface EmailLink {
  href: string;
  /** The visible text of the link, without tags. */
  text: string;
  /** True for the unsubscribe link. */
  unsubscribe: boolean;
  /** True when clicks on it are tracked (http(s) or the unsubscribe token). */
  tracked: boolean;
}

const ANCHOR = /<a\b([^>]*)>([\s\S]*?)<\/a\s*>/gi;
const HREF = /\bhref\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/i;

/** Whether an href is the unsubscribe link. */
export function isUnsubscribeHref(href: string): boolean {
  return /\{\{\s*unsubscribe_url\s*(\|[^}]*)?\}\}/.test(href) || /unsubscribe/i.test(href);
}

/** Every `<a href>` of `html`, in order. */
export function emailLinks(html: string): EmailLink[] {
  const links: EmailLink[] = [];
  for (const m of html.matchAll(ANCHOR)) {
    const h = HREF.exec(m[1]!);
    if (!h) continue;
    const href = (h[1] ?? h[2] ?? h[3] ?? '').trim();
    const unsubscribe = isUnsubscribeHref(href);
    const text = m[2]!.replace(/<[^>]*>/g, '').replace(/\s+/g, ' ').trim();
    links.push({ href, text, unsubscribe, tracked: unsubscribe || /^(https?:\/\/|\{\{)/i.test(href) });
  }
  return links;
}

/** True when the body has an unsubscribe link. */
export function hasUnsubscribeLink(html: string): boolean {
  return emailLinks(html).some((l) => l.unsubscribe);
}

/** True when an SMS text tells how to opt out: the word STOP, in capitals. */
export function hasStopWording(text: string): boolean {
  return /\bSTOP\b/.test(text);
}
