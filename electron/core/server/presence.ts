/** Who is in the room: each person with a board open once (by name and email), and how many boards chose nobody yet. */
import type { Actor } from '../../../shared/model';
import type { Presence } from '../../../shared/sync/api';

export function presenceOf(actors: ReadonlyArray<Actor | null>): Presence {
  const people = new Map<string, Actor>();
  let anonymous = 0;
  for (const a of actors) {
    if (a === null) anonymous++;
    else people.set(`${a.name}\0${a.email}`, a);
  }
  return { people: [...people.values()].sort((a, b) => a.name.localeCompare(b.name)), anonymous };
}
