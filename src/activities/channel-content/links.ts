/**
 * The tracked links of an email body: every `<a href>` whose target is an http(s) address, in the
 * order they appear. A link is an unsubscribe link when its address or its text says so.
 */
export function trackedLinks(html: string): { url: string; unsubscribe: boolean }[] {
  const links: { url: string; unsubscribe: boolean }[] = [];
  const anchor = /<a\b[^>]*?\bhref\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))[^>]*>([\s\S]*?)<\/a\s*>/gi;
  for (const m of html.matchAll(anchor)) {
    const url = (m[1] ?? m[2] ?? m[3] ?? '').trim();
    if (!/^https?:\/\//i.test(url)) continue;
    const text = m[4] ?? '';
    links.push({ url, unsubscribe: /unsubscribe|opt[-_ ]?out/i.test(url) || /unsubscribe/i.test(text) });
  }
  return links;
}
