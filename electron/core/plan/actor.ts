/** Who signs the plan's events when nobody chose: the repository's git identity, else the OS user. */
import os from 'node:os';
import type { Actor } from '../../../shared/model';
import { readConfig } from '../git/config';

/** Who is acting: the repository's git identity, else the OS user (a plan change always has an author). */
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
