/** The "I am …" picker's decisions, as pure functions of the plan and what was typed. */
import type { AppInfo } from '../../../../shared/api';
import type { Actor, Person, Plan } from '../../../../shared/model';
import type { ChosenActor } from '../../api/actor';

/** The repository the picker's choice is remembered for; null where it has no place (Electron acts as the git user). */
export const pickerRepository = (info: Pick<AppInfo, 'mode' | 'repoPath'> | null): string | null => (info?.mode === 'room' ? info.repoPath : null);

/** The room server's rule for an email: empty, or one `@` between characters that are not blanks or angle brackets. */
const EMAIL = /^[^\s<>@]+@[^\s<>@]+$/u;

/** What is wrong with a typed name and email, in words, or null when the server will accept them. */
export function checkTypedActor(name: string, email: string): string | null {
  const n = name.trim();
  const e = email.trim();
  if (n === '') return 'Type your name.';
  if (n.length > 200) return 'That name is longer than 200 characters.';
  if (e.length > 320) return 'That email is longer than 320 characters.';
  if (e !== '' && !EMAIL.test(e)) return `"${e}" does not look like an email address (name@host).`;
  return null;
}

/** The sprint's person a typed identity already is: same email (when given), else same name, ignoring case. */
export function matchingPerson(plan: Plan, actor: Actor): Person | null {
  const email = actor.email.trim().toLowerCase();
  const name = actor.name.trim().toLowerCase();
  const people = plan.personOrder.map((id) => plan.people[id]).filter((p): p is Person => p !== undefined);
  return (email !== '' ? people.find((p) => p.email.trim().toLowerCase() === email) : undefined) ?? people.find((p) => p.name.trim().toLowerCase() === name) ?? null;
}

export const chosenPerson = (person: Person): ChosenActor => ({ actor: { name: person.name, email: person.email }, personId: person.id });

/**
 * The choice after someone edited the chosen person's name or email (on the People page, in
 * another browser), or null when nothing needs to change; a removed person stays the actor.
 */
export function followPerson(chosen: ChosenActor | null, person: Person | null): ChosenActor | null {
  if (!chosen?.personId || !person || person.id !== chosen.personId) return null;
  if (person.name === chosen.actor.name && person.email === chosen.actor.email) return null;
  return chosenPerson(person);
}
