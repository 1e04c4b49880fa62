/** A browser's choice of who it is, parsed from the session request, and the sessions that keep it. */
import { describe, expect, it } from 'vitest';
import { createActorSessions, describeChoice, parseActorChoice, sessionCookie, sessionCookieName } from '../../../electron/core/server/actor';

describe('parseActorChoice', () => {
  it('reads { actor: { name, email } }, non-ASCII included, and trims both', () => {
    expect(parseActorChoice({ actor: { name: ' Christian Limpach ', email: 'cl@xensource.com ' } })).toEqual({
      ok: true,
      value: { name: 'Christian Limpach', email: 'cl@xensource.com' },
    });
    expect(parseActorChoice({ actor: { name: 'Jürgen Groß', email: '' } })).toEqual({ ok: true, value: { name: 'Jürgen Groß', email: '' } });
    expect(parseActorChoice({ actor: { name: 'Jürgen Groß' } })).toEqual({ ok: true, value: { name: 'Jürgen Groß', email: '' } });
  });

  it('reads { actor: null } as forgetting the choice', () => {
    expect(parseActorChoice({ actor: null })).toEqual({ ok: true, value: null });
  });

  it('accepts the longest name and email the plan allows', () => {
    const name = '😀'.repeat(100);
    const email = `${'😀'.repeat(150)}@${'x'.repeat(19)}`;
    expect([name.length, email.length]).toEqual([200, 320]);
    expect(parseActorChoice({ actor: { name, email } })).toEqual({ ok: true, value: { name, email } });
  });

  const refused: Array<[string, unknown, RegExp]> = [
    ['without an actor', {}, /is missing/],
    ['that is not an object', 'Ian', /is missing/],
    ['whose actor is text', { actor: 'Ian Pratt <ian@xensource.com>' }, /not a \{ name, email \} object/],
    ['without a name', { actor: { email: 'ian@xensource.com' } }, /no name/],
    ['with a blank name', { actor: { name: '   ', email: '' } }, /empty name/],
    ['with a name too long', { actor: { name: 'n'.repeat(201), email: '' } }, /more than the 200 allowed/],
    ['with an email too long', { actor: { name: 'Ian', email: `${'e'.repeat(320)}@x` } }, /more than the 320 allowed/],
    ['with a line break', { actor: { name: 'Ian\nPratt', email: '' } }, /control character or line break/],
    ['with a C1 control', { actor: { name: 'Ian\u0085', email: '' } }, /control character/],
    ['with an email that is not an address', { actor: { name: 'Ian', email: 'Ian <ian@x>' } }, /not an address/],
    ['with an email that is not text', { actor: { name: 'Ian', email: 7 } }, /not text/],
  ];
  it.each(refused)('refuses a choice %s, in words', (_what, body, why) => {
    const parsed = parseActorChoice(body);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.error.code).toBe('bad-input');
    expect(parsed.error.message).toMatch(why);
    expect(parsed.error.message).toMatch(/"actor"/);
  });
});

describe('actor sessions', () => {
  const ian = { name: 'Ian Pratt', email: 'ian@xensource.com' };
  const keir = { name: 'Keir Fraser', email: '' };

  it('give a new, unguessable id to a browser without one, and keep its choice under it', () => {
    const sessions = createActorSessions();
    const a = sessions.choose(undefined, ian);
    const b = sessions.choose('an id the server never gave', keir);
    expect(a.id).toMatch(/^[A-Za-z0-9_-]{24}$/);
    expect(b.id).not.toBe('an id the server never gave');
    expect(a.id).not.toBe(b.id);
    expect(sessions.actorOf(a.id)).toEqual(ian);
    expect(sessions.actorOf(b.id)).toEqual(keir);
    expect(sessions.actorOf('an id the server never gave')).toBeNull();
    expect(sessions.actorOf(undefined)).toBeNull();
  });

  it('keep the id on a re-choice and say what changed', () => {
    const sessions = createActorSessions();
    const first = sessions.choose(undefined, ian);
    expect(first).toMatchObject({ previous: null, changed: true });
    expect(sessions.choose(first.id, ian)).toEqual({ id: first.id, previous: ian, changed: false });
    const again = sessions.choose(first.id, keir);
    expect(again).toEqual({ id: first.id, previous: ian, changed: true });
    expect(describeChoice(again, keir)).toBe('A browser changed who it is from Ian Pratt <ian@xensource.com> to Keir Fraser.');
    expect(describeChoice(sessions.choose(first.id, keir), keir)).toBeNull();
    const forgot = sessions.choose(first.id, null);
    expect(sessions.actorOf(first.id)).toBeNull();
    expect(describeChoice(forgot, null)).toMatch(/was Keir Fraser chose to be nobody/);
  });

  it('forget the oldest beyond their limit', () => {
    const sessions = createActorSessions(2);
    const [a, b, c] = [sessions.choose(undefined, ian), sessions.choose(undefined, keir), sessions.choose(undefined, ian)];
    expect(sessions.actorOf(a.id)).toBeNull();
    expect(sessions.actorOf(b.id)).toEqual(keir);
    expect(sessions.actorOf(c.id)).toEqual(ian);
  });

  it('live in an HttpOnly, SameSite=Strict cookie named after the port', () => {
    expect(sessionCookieName(4477)).not.toBe(sessionCookieName(4478));
    expect(sessionCookie('abc', 4477)).toMatch(new RegExp(`^${sessionCookieName(4477)}=abc; .*HttpOnly; SameSite=Strict$`));
  });
});
