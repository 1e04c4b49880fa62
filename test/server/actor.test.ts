/** The actor header, parsed as a string: what a browser sends, and what is refused and why. */
import { describe, expect, it } from 'vitest';
import { MAX_ACTOR_HEADER, parseActorHeader } from '../../electron/server/actor';

const header = (value: unknown): string => encodeURIComponent(JSON.stringify(value));

describe('parseActorHeader', () => {
  it('is null without a header: the server acts as its own git user', () => {
    expect(parseActorHeader(undefined)).toEqual({ ok: true, value: null });
  });

  it('reads a URI-encoded { name, email }, non-ASCII included, and trims both', () => {
    expect(parseActorHeader(header({ name: ' Christian Limpach ', email: 'cl@xensource.com ' }))).toEqual({
      ok: true,
      value: { name: 'Christian Limpach', email: 'cl@xensource.com' },
    });
    expect(parseActorHeader(header({ name: 'Jürgen Groß', email: '' }))).toEqual({ ok: true, value: { name: 'Jürgen Groß', email: '' } });
  });

  it('accepts the longest name and email the plan allows, each character a 4-byte one', () => {
    const name = '😀'.repeat(100); // 100 code points, 200 UTF-16 units: the schema's limit
    const email = `${'😀'.repeat(150)}@${'x'.repeat(19)}`;
    expect(name.length).toBe(200);
    expect(email.length).toBe(320);
    const value = header({ name, email });
    expect(value.length).toBeLessThanOrEqual(MAX_ACTOR_HEADER);
    expect(parseActorHeader(value)).toEqual({ ok: true, value: { name, email } });
  });

  const refused: Array<[string, string, RegExp]> = [
    ['not URI-encoded', '%E0%A4%A', /not URI-encoded/],
    ['not JSON', encodeURIComponent('Ian Pratt <ian@xensource.com>'), /is not JSON/],
    ['not an object', header(['Ian', 'ian@x']), /not a \{ name, email \} object/],
    ['without a name', header({ email: 'ian@xensource.com' }), /name/],
    ['with a blank name', header({ name: '   ', email: '' }), /empty name/],
    ['with a name too long', header({ name: 'n'.repeat(201), email: '' }), /name/],
    ['with a line break', header({ name: 'Ian\nPratt', email: '' }), /control character or line break/],
    ['with an email that is not an address', header({ name: 'Ian', email: 'Ian <ian@x>' }), /not an address/],
    ['longer than allowed', 'a'.repeat(MAX_ACTOR_HEADER + 1), /more than the \d+ allowed/],
  ];
  it.each(refused)('refuses a header %s, in words', (_what, value, why) => {
    const parsed = parseActorHeader(value);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.error.code).toBe('bad-input');
    expect(parsed.error.message).toMatch(why);
    expect(parsed.error.message).toMatch(/x-merge-sprint-actor header/);
  });
});
