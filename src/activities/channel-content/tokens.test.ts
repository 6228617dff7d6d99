import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseTokens, renderTokens, tokenPaths, withFallbacks, escapeHtml } from './tokens';

describe('personalization tokens', () => {
  it('reads fields, links, fallbacks and spacing', () => {
    const tokens = parseTokens('Hi {{first_name | "there"}}, {{ account.name }} {{x|""}}');
    expect(tokens.map((t) => [t.path, t.fallback, t.error])).toEqual([
      ['first_name', 'there', undefined],
      ['account.name', undefined, undefined],
      ['x', '', undefined],
    ]);
    expect(tokens[0]!.raw).toBe('{{first_name | "there"}}');
    expect(tokenPaths('{{a}} {{b.c}}', '{{a}}')).toEqual(['a', 'b.c']);
  });

  it('says why a malformed token cannot be read', () => {
    expect(parseTokens('{{}}')[0]!.error).toBe('names no field');
    expect(parseTokens('{{first name}}')[0]!.error).toMatch(/is not a field name/);
    expect(parseTokens('{{a.b.c}}')[0]!.error).toMatch(/at most one link/);
    expect(parseTokens('{{first_name | there}}')[0]!.error).toMatch(/not in double quotes/);
  });

  it('renders values, with the fallback for a missing or blank value', () => {
    const values: Record<string, string | number | null> = { first_name: 'Ann', 'account.name': null, city: '  ', score: 0 };
    const text = 'Hi {{first_name | "there"}} of {{account.name | "your company"}} in {{city | "town"}} ({{score}}) {{nothing}}!';
    expect(renderTokens(text, (p) => values[p])).toBe('Hi Ann of your company in town (0) !');
    expect(withFallbacks(text)).toBe('Hi there of your company in town () !');
    expect(renderTokens('{{bad token}} ok', () => 'x')).toBe('{{bad token}} ok');
  });

  it('escapes values, not the template, when asked (HTML bodies)', () => {
    expect(renderTokens('<b>{{n}}</b>', () => '<i>&', escapeHtml)).toBe('<b>&lt;i&gt;&amp;</b>');
  });

  it('leaves text without tokens unchanged and replaces every well-formed token (property)', () => {
    fc.assert(
      fc.property(fc.string().filter((s) => !s.includes('{{')), (s) => {
        expect(renderTokens(s, () => 'X')).toBe(s);
      }),
    );
    fc.assert(
      fc.property(fc.array(fc.stringMatching(/^[a-z_][a-z0-9_]{0,8}$/), { maxLength: 5 }), (names) => {
        const text = names.map((n) => `{{${n}}}`).join(' ');
        expect(renderTokens(text, () => 'v')).toBe(names.map(() => 'v').join(' '));
      }),
    );
  });
});
