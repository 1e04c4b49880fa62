/**
 * What must hold before a rename operation changes the repository: no merge, rebase,
 * cherry-pick, revert or bisect waiting, nobody holding the index lock, HEAD on a branch, and
 * nothing uncommitted (or untracked, or a symbolic link) where the operation writes.
 */
import { lstat } from 'node:fs/promises';
import path from 'node:path';
import { parentPaths, quotePath } from '../../../shared/paths';
import { fail, ok, type Result } from '../../../shared/result';
import { currentBranch, refCommit } from '../git/commit';
import { gitDir, indexLocked, operationInProgress, type GitOperation } from '../git/in-progress';
import { statusOfPaths, type PathStatus } from '../git/status';

export interface RepoState {
  gitDir: string;
  branch: string;
  head: string;
}

const OPERATION_WORDS: Record<GitOperation, string> = {
  merge: 'a merge',
  rebase: 'a rebase',
  am: 'applying patches (git am)',
  'cherry-pick': 'a cherry-pick',
  revert: 'a revert',
  bisect: 'a bisect',
  sequencer: 'a cherry-pick or revert of several commits',
};

/** The repository may be changed: returns the branch and its commit, or why not. */
export async function checkRepoState(repo: string): Promise<Result<RepoState>> {
  const dir = await gitDir(repo);
  const op = await operationInProgress(dir);
  if (op) {
    return fail('refused', `The repository is in the middle of ${OPERATION_WORDS[op]}: finish it or abort it (git ${op === 'sequencer' ? 'cherry-pick' : op} --abort) first, then try again.`);
  }
  const lock = await indexLocked(repo);
  if (lock) {
    return fail('refused', `Another git process holds the index lock (${quotePath(lock)}): wait for it to finish and try again. If no git process is running, a crashed one left the lock behind; remove it yourself once you are sure.`);
  }
  const branch = await currentBranch(repo);
  if (branch === null) {
    return fail('refused', 'HEAD is detached (not on a branch): the rename plan commits to the current branch, so switch to the branch you are working on first (git switch BRANCH).');
  }
  const head = await refCommit(repo, `refs/heads/${branch}`);
  if (head === null) return fail('refused', `The branch ${quotePath(branch)} has no commit yet: commit something first.`);
  return ok({ gitDir: dir, branch, head });
}

export interface TouchPolicy {
  /** Whether ignored files (build products) are in the way: yes where files are written, no where they are only removed. */
  ignoredInTheWay: boolean;
}

const describe = (s: PathStatus): string => {
  if (s.index === '?') return 'untracked';
  if (s.index === '!') return 'ignored';
  if (s.index === 'U' || s.worktree === 'U') return 'unmerged';
  const parts = [];
  if (s.index !== ' ') parts.push('staged');
  if (s.worktree === 'D') parts.push('deleted');
  else if (s.worktree !== ' ') parts.push('modified');
  return parts.join(' and ') || 'changed';
};

const LISTED = 8;

/**
 * Refuses when anything uncommitted is at or under `roots`, naming it; and when a folder on the
 * way to a root is a symbolic link in the working tree (git would write through it).
 */
export async function checkTouchedPaths(repo: string, roots: readonly string[], policy: TouchPolicy): Promise<Result<void>> {
  const status = await statusOfPaths(repo, roots);
  const inTheWay = status.filter((s) => policy.ignoredInTheWay || s.index !== '!');
  if (inTheWay.length > 0) {
    const named = inTheWay.slice(0, LISTED).map((s) => `${quotePath(s.path)} (${describe(s)})`);
    const more = inTheWay.length > LISTED ? ` and ${inTheWay.length - LISTED} more` : '';
    return fail('refused', `Uncommitted work is where this operation writes: ${named.join(', ')}${more}. Commit, move or remove it first; nothing was changed.`);
  }
  for (const root of roots) {
    for (const dir of parentPaths(root)) {
      try {
        if ((await lstat(path.join(repo, dir))).isSymbolicLink()) {
          return fail('refused', `${quotePath(dir)} is a symbolic link in the working tree, on the way to ${quotePath(root)}: the app never writes through a link. Replace it with a folder first.`);
        }
      } catch {
        break;
      }
    }
  }
  return ok(undefined);
}
