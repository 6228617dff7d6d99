import { emailLinks } from './email-links';

/**
 * The links of an email body the simulator can click: every `<a href>` to an http(s) address, in
 * the order they appear, read by the one link reader of the email form (email-links.ts). A link is
 * an unsubscribe link when its address or its text says so.
 */
export function trackedLinks(html: string): { url: string; unsubscribe: boolean }[] {
  return emailLinks(html)
    .filter((l) => /^https?:\/\//i.test(l.href))
    .map((l) => ({ url: l.href, unsubscribe: l.unsubscribe || /opt[-_ ]?out/i.test(l.href) || /unsubscribe/i.test(l.text) }));
}
