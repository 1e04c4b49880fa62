/** The clone's remotes, as git config names them: where the plan is fetched from and pushed to. */
import { git } from './exec';

/**
 * `git remote` prints one configured remote name a line (a name holds no line feed):
 *   "origin\nkeir\n"
 */
export function parseRemoteList(out: string): string[] {
  return out.split('\n').filter((line) => line !== '');
}

export async function listRemotes(repo: string): Promise<string[]> {
  return parseRemoteList((await git(repo, ['remote'])).stdout);
}
