/** People for the board from the repository's commit authors, each with a free colour. */
import type { Person } from '../../../shared/model';
import { nextColor } from '../../../shared/plan/colors';
import { uniqueSlug } from '../../../shared/plan/ids';
import { ok, type Result } from '../../../shared/result';
import { listAuthors, type Author } from '../git/authors';

/**
 * New Person records for authors not yet on the board (same address or same name, ignoring
 * case, counts as already there; the board names people by name), in order of commits.
 */
export function authorsToPeople(authors: Author[], existing: Person[]): Person[] {
  const ids = new Set(existing.map((p) => p.id));
  const names = new Set(existing.map((p) => p.name.trim().toLowerCase()));
  const emails = new Set(existing.map((p) => p.email.toLowerCase()).filter((e) => e !== ''));
  const colors = existing.map((p) => p.color);
  const people: Person[] = [];
  for (const a of authors) {
    const name = a.name.trim();
    const email = a.email.trim();
    if (name === '' || names.has(name.toLowerCase()) || (email !== '' && emails.has(email.toLowerCase()))) continue;
    const color = nextColor(colors);
    const person: Person = { id: uniqueSlug(name, ids, 'person'), name, email, color };
    people.push(person);
    names.add(name.toLowerCase());
    if (email !== '') emails.add(email.toLowerCase());
    colors.push(color);
  }
  return people;
}

/** The top `limit` authors of `range` who are not on the board yet, as people. */
export async function peopleFromAuthors(repo: string, range: string, existing: Person[], limit: number): Promise<Result<Person[]>> {
  // Authors already on the board are skipped, so ask for enough to still find `limit` new ones.
  const authors = await listAuthors(repo, range, limit + existing.length);
  return authors.ok ? ok(authorsToPeople(authors.value, existing).slice(0, limit)) : authors;
}
