/**
 * Who a browser in the room acts as. Every browser's change reaches git through this one server,
 * whose own git user would otherwise sign them all; the page sends the person it was told it is
 * as `X-Merge-Sprint-Actor: encodeURIComponent(JSON.stringify({ name, email }))`, and the plan
 * records that as the event's `by`. A pure function of the header, so it is tested on strings.
 */
import type { Actor } from '../../shared/model';
import { actorSchema } from '../../shared/plan/schema';
import { fail, ok, type AppError, type Result } from '../../shared/result';

export const ACTOR_HEADER = 'x-merge-sprint-actor';

/**
 * The longest header accepted: a 200-character name and a 320-character email, every character
 * a 4-byte UTF-8 sequence written as %XX (12 characters each), plus the JSON around them.
 */
export const MAX_ACTOR_HEADER = 12 * (200 + 320) + 64;

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
  fail('bad-input', `The ${ACTOR_HEADER} header ${why}: send encodeURIComponent(JSON.stringify({ name, email })), or leave the header out to act as the server's git user.`);

/**
 * The actor a request names, or null when it names none (the server's own actor applies).
 * The name is trimmed; the email is empty or an address.
 */
export function parseActorHeader(value: string | string[] | undefined): Result<Actor | null> {
  if (value === undefined) return ok(null);
  if (Array.isArray(value)) return refuse('is sent more than once');
  if (value.length > MAX_ACTOR_HEADER) return refuse(`is ${value.length} characters long, more than the ${MAX_ACTOR_HEADER} allowed`);
  let text: string;
  try {
    text = decodeURIComponent(value);
  } catch {
    return refuse('is not URI-encoded (a % is not followed by a valid UTF-8 escape)');
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return refuse('is not JSON');
  }
  const parsed = actorSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue && issue.path.length > 0 ? issue.path.join('.') : 'the value';
    return refuse(`is not a { name, email } object (${where}: ${issue?.message ?? 'invalid'})`);
  }
  const name = parsed.data.name.trim();
  const email = parsed.data.email.trim();
  if (name === '') return refuse('has an empty name');
  if (hasControl(name) || hasControl(email)) return refuse('has a control character or line break in the name or email');
  if (email !== '' && !EMAIL.test(email)) return refuse(`has "${email}" as email, which is not an address (name@host)`);
  return ok({ name, email });
}
