/**
 * Temporary worktrees for build checks: a detached checkout of one commit in a folder of its
 * own, so a build never runs in (or writes to) the user's working tree.
 */
import { runGit } from './exec';
import { NO_HOOKS } from './commit';

/** Checks out `commit` into the new folder `dir` as a detached worktree, with the post-checkout hook off. */
export async function addDetachedWorktree(repo: string, dir: string, commit: string): Promise<void> {
  await runGit(repo, 'worktree add', [...NO_HOOKS, 'worktree', 'add', '--detach', '--quiet', dir, commit]);
}

/**
 * Removes the worktree at `dir` with whatever the build left in it. Exit 128: it is not (or no
 * longer) a worktree, for example because its folder is already gone; prune then forgets it.
 */
export async function removeWorktree(repo: string, dir: string): Promise<boolean> {
  const out = await runGit(repo, 'worktree remove', ['worktree', 'remove', '--force', '--force', dir], { okExitCodes: [128] });
  return out.exitCode === 0;
}

/** Forgets worktrees whose folders no longer exist. */
export async function pruneWorktrees(repo: string): Promise<void> {
  await runGit(repo, 'worktree prune', ['worktree', 'prune']);
}

export interface WorktreeInfo {
  path: string;
  head: string | null;
  locked: boolean;
}

/**
 * Parses `git worktree list --porcelain -z`: attributes NUL-terminated, each worktree ended by
 * an empty record:
 *   "worktree /repo\0HEAD 9fceb02...\0branch refs/heads/main\0\0worktree /tmp/b\0HEAD 1a2b...\0detached\0\0"
 */
export function parseWorktreeList(out: string): WorktreeInfo[] {
  const list: WorktreeInfo[] = [];
  let current: WorktreeInfo | null = null;
  for (const record of out.split('\0')) {
    if (record === '') {
      if (current) list.push(current);
      current = null;
    } else if (record.startsWith('worktree ')) current = { path: record.slice('worktree '.length), head: null, locked: false };
    else if (current && record.startsWith('HEAD ')) current.head = record.slice('HEAD '.length);
    else if (current && (record === 'locked' || record.startsWith('locked '))) current.locked = true;
  }
  if (current) list.push(current);
  return list;
}

export async function listWorktrees(repo: string): Promise<WorktreeInfo[]> {
  const out = await runGit(repo, 'worktree list', ['worktree', 'list', '--porcelain', '-z']);
  return parseWorktreeList(out.stdout);
}
