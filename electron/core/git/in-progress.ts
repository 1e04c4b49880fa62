/**
 * What git is in the middle of, read from the files git leaves in the git folder while a merge,
 * rebase, cherry-pick, revert or bisect waits for the user, and whether another process holds
 * the index lock. The app refuses to change the repository in either case.
 */
import { access } from 'node:fs/promises';
import path from 'node:path';
import { git } from './exec';

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

/** The git folder of the work tree (for a linked worktree, its own folder under .git/worktrees). `--absolute-git-dir` prints "/path/.git\n". */
export async function gitDir(repo: string): Promise<string> {
  const out = await git(repo, ['rev-parse', '--absolute-git-dir']);
  return out.stdout.replace(/\n$/, '');
}

/** Where git keeps the work tree's index. `--git-path index` prints it relative to the work tree ("/.git/index\n" or ".git/index\n"). */
export async function indexPath(repo: string): Promise<string> {
  const out = await git(repo, ['rev-parse', '--git-path', 'index']);
  return path.resolve(repo, out.stdout.replace(/\n$/, ''));
}

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
