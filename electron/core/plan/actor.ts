/**
 * Who signs the plan's events. On a laptop: the sprint's person whose email is the clone's
 * `git config user.email` (with the name the board knows them by), else the clone's git
 * identity, else the OS user. On the command line `--as NAME` picks a person of the sprint by
 * name, email or id, or signs with the name given.
 */
import os from 'node:os';
import type { Actor, Plan } from '../../../shared/model';
import { fail, ok, type Result } from '../../../shared/result';
import { readConfig } from '../git/config';

const fold = (s: string): string => s.normalize('NFC').toLowerCase().trim();

/** The repository's git identity, else the OS user (a plan change always has an author). */
export async function resolveActor(repo: string): Promise<Actor> {
  const [name, email] = await Promise.all([readConfig(repo, 'user.name'), readConfig(repo, 'user.email')]);
  let fallback = 'Merge Sprint user';
  try {
    fallback = os.userInfo().username || fallback;
  } catch {
    // No passwd entry (some containers): keep the generic name.
  }
  return { name: name?.trim() || fallback, email: email?.trim() ?? '' };
}

/** The sprint's person with the git identity's email, as the board names them; else the identity itself. */
export function personForIdentity(plan: Plan, identity: Actor): Actor {
  if (identity.email === '') return identity;
  const person = Object.values(plan.people).find((p) => p.email !== '' && fold(p.email) === fold(identity.email));
  return person ? { name: person.name, email: person.email } : identity;
}

/** `--as NAME`: a person of the sprint (name, email or id, any case), else the name given with no email. */
export function actorAs(plan: Plan, typed: string): Result<Actor> {
  const name = typed.trim();
  if (name === '' || /[\p{Cc}\u2028\u2029<>]/u.test(name) || name.length > 200) {
    return fail('bad-input', `--as takes a person's name (as on the board, or their email), not ${JSON.stringify(typed)}: for example --as "Keir Fraser".`);
  }
  const person = Object.values(plan.people).find((p) => p.id === name || fold(p.name) === fold(name) || (p.email !== '' && fold(p.email) === fold(name)));
  return ok(person ? { name: person.name, email: person.email } : { name, email: '' });
}
