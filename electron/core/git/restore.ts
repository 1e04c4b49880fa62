/**
 * Bringing the repository's index and working tree in line with a commit, for listed paths
 * only: what an operation does after its commit is on the branch. Nothing else is touched.
 */
import { git } from './exec';
import { NO_HOOKS } from './commit';
import { literalPathspec } from './trees';

/**
 * `git restore --source=COMMIT --staged --worktree` for `paths` (files or folders): index entries
 * and files become the commit's; tracked files the commit lacks are removed (restore does not
 * overlay). Paths go through standard input, NUL-separated, so no count or spelling is a problem.
 * Each path must exist in the commit or in the index, or git refuses the whole call.
 */
export async function restoreFromCommit(repo: string, commit: string, paths: readonly string[]): Promise<void> {
  if (paths.length === 0) return;
  const input = paths.map((p) => `${literalPathspec(p)}\0`).join('');
  const args = [...NO_HOOKS, 'restore', `--source=${commit}`, '--staged', '--worktree', '--pathspec-from-file=-', '--pathspec-file-nul'];
  await git(repo, args, { input });
}
