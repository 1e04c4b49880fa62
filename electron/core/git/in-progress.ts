/**
 * What git is in the middle of, read from the files git leaves in the git folder while a merge,
 * rebase, cherry-pick, revert or bisect waits for the user, and whether another process holds
 * the index lock. The app refuses to change the repository in either case.
 */
import { access } from 'node:fs/promises';
import path from 'node:path';
import { indexPath } from './rev-parse';

export type GitOperation = 'merge' | 'rebase' | 'am' | 'cherry-pick' | 'revert' | 'bisect' | 'sequencer';

/** The marker files, in the git folder, of each operation (as git's own `wt-status.c` reads them). */
const MARKERS: readonly [string, GitOperation][] = [
  ['MERGE_HEAD', 'merge'],
  ['rebase-merge', 'rebase'],
  ['rebase-apply/applying', 'am'],
  ['rebase-apply', 'rebase'],
  ['CHERRY_PICK_HEAD', 'cherry-pick'],
  ['REVERT_HEAD', 'revert'],
  ['BISECT_LOG', 'bisect'],
  ['sequencer/todo', 'sequencer'],
];

const exists = async (p: string): Promise<boolean> => {
  try {
    await access(p);
    return true;
  } catch {
    return false;
  }
};

/** The operation git is in the middle of, or null. */
export async function operationInProgress(dir: string): Promise<GitOperation | null> {
  for (const [marker, op] of MARKERS) if (await exists(path.join(dir, marker))) return op;
  return null;
}

/** Does another process hold the index lock right now? */
export async function indexLocked(repo: string): Promise<string | null> {
  const lock = `${await indexPath(repo)}.lock`;
  return (await exists(lock)) ? lock : null;
}
