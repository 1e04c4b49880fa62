/**
 * Who a browser in the room acts as. Every browser's change reaches git through this one server,
 * whose own git user must sign none of them. A browser says once who it is (`POST /api/session`
 * with `{ actor: { name, email } }`, or `{ actor: null }` to forget it); the server gives it a
 * random session id in a cookie and keeps, on its side, which person that session chose. Every
 * later change from that browser carries that person, and only that person: a request cannot
 * name someone else.
 */
import { randomBytes } from 'node:crypto';
import type { Actor } from '../../../shared/model';
import { fail, ok, type AppError, type Result } from '../../../shared/result';

export const SESSION_PATH = '/api/session';

/** The header browsers once sent to name who acts; now refused, so a script relying on it learns why. */
export const OLD_ACTOR_HEADER = 'x-merge-sprint-actor';

export const OLD_ACTOR_HEADER_REFUSED = `The ${OLD_ACTOR_HEADER} header is not accepted: a browser says who it is once, with POST ${SESSION_PATH} and { "actor": { "name", "email" } }, and its changes are then signed with that name.`;

/** Like the token's cookie, named after the port so two rooms on one host keep apart. */
export const sessionCookieName = (port: number): string => `merge-sprint-session-${port}`;

export const sessionCookie = (id: string, port: number): string => `${sessionCookieName(port)}=${id}; Path=/; HttpOnly; SameSite=Strict`;

/** The plan's limits on an actor (shared/plan/schema.ts actorSchema). */
const MAX_NAME = 200;
const MAX_EMAIL = 320;

/** C0 and C1 controls, and line and paragraph separators: they would break the feed and git's ident. */
function hasControl(text: string): boolean {
  for (const ch of text) {
    const c = ch.codePointAt(0) ?? 0;
    if (c < 0x20 || (c >= 0x7f && c <= 0x9f) || c === 0x2028 || c === 0x2029) return true;
  }
  return false;
}
/** Git drops `<`, `>` and newlines from an ident; an address without them and with one `@`. */
const EMAIL = /^[^\s<>@]+@[^\s<>@]+$/u;

const refuse = (why: string): { ok: false; error: AppError } =>
  fail('bad-input', `Who you are ${why}: send { "actor": { "name": "Your Name", "email": "you@example.org" } } (the email may be empty), or { "actor": null } to forget it.`);

/** The person a session request chooses (trimmed), or null to forget the choice. */
export function parseActorChoice(body: unknown): Result<Actor | null> {
  if (typeof body !== 'object' || body === null || !('actor' in body)) return refuse('is missing');
  const { actor } = body as { actor: unknown };
  if (actor === null) return ok(null);
  if (typeof actor !== 'object') return refuse('is not a { name, email } object');
  const { name, email } = actor as { name?: unknown; email?: unknown };
  if (typeof name !== 'string') return refuse('has no name');
  if (typeof email !== 'string' && email !== undefined) return refuse('has an email that is not text');
  const n = name.trim();
  const e = (email ?? '').trim();
  if (n === '') return refuse('has an empty name');
  if (n.length > MAX_NAME) return refuse(`has a name of ${n.length} characters, more than the ${MAX_NAME} allowed`);
  if (e.length > MAX_EMAIL) return refuse(`has an email of ${e.length} characters, more than the ${MAX_EMAIL} allowed`);
  if (hasControl(n) || hasControl(e)) return refuse('has a control character or line break in the name or email');
  if (e !== '' && !EMAIL.test(e)) return refuse(`has "${e}" as email, which is not an address (name@host)`);
  return ok({ name: n, email: e });
}

const sameActor = (a: Actor | null, b: Actor | null): boolean => a?.name === b?.name && a?.email === b?.email;

/** What a choice did: the session's id (new or kept), who it was before, and whether that changed. */
export interface SessionChoice {
  id: string;
  previous: Actor | null;
  changed: boolean;
}

export interface ActorSessions {
  /** The person a session chose, or null (no such session, or it chose nobody). */
  actorOf(id: string | undefined): Actor | null;
  /** Records a choice for the session `id` (a new session when it is unknown). */
  choose(id: string | undefined, actor: Actor | null): SessionChoice;
}

/** Sessions live as long as the server; the oldest are forgotten beyond `limit`, so a flood of joins cannot grow memory. */
export function createActorSessions(limit = 10_000): ActorSessions {
  const sessions = new Map<string, Actor | null>();
  return {
    actorOf: (id) => (id === undefined ? null : (sessions.get(id) ?? null)),
    choose(id, actor) {
      const known = id !== undefined && sessions.has(id) ? id : null;
      const sessionId = known ?? randomBytes(18).toString('base64url');
      const previous = known === null ? null : (sessions.get(known) ?? null);
      sessions.delete(sessionId);
      sessions.set(sessionId, actor);
      while (sessions.size > limit) {
        const oldest = sessions.keys().next().value;
        if (oldest === undefined) break;
        sessions.delete(oldest);
      }
      return { id: sessionId, previous, changed: !sameActor(previous, actor) };
    },
  };
}

/** The server's log line for a choice, or null when nothing changed. */
export function describeChoice(choice: SessionChoice, actor: Actor | null): string | null {
  if (!choice.changed) return null;
  const who = (a: Actor): string => (a.email ? `${a.name} <${a.email}>` : a.name);
  if (actor === null) return choice.previous ? `A browser that was ${who(choice.previous)} chose to be nobody: it can look at the board but not change it.` : null;
  return choice.previous ? `A browser changed who it is from ${who(choice.previous)} to ${who(actor)}.` : `A browser joined as ${who(actor)}.`;
}
