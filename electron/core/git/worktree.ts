/**
 * Temporary worktrees: a detached checkout of one commit in a folder of its own, where the app
 * runs builds and applies patches, so it never works in (or writes to) the user's working tree.
 */
import { rm } from 'node:fs/promises';
import { git } from './exec';
import { NO_HOOKS } from './commit';

/**
 * Adds a detached worktree of `commit` in the new folder `dir`, with the repository's hooks off
 * (post-checkout would run in a tree only the app uses). Without `checkout` the worktree has no
 * files, only an index filled from `commit`: enough to apply patches with `--cached`, and far
 * faster on a large tree.
 */
export async function addDetachedWorktree(repo: string, dir: string, commit: string, opts: { checkout: boolean } = { checkout: true }): Promise<void> {
  const noCheckout = opts.checkout ? [] : ['--no-checkout'];
  await git(repo, [...NO_HOOKS, 'worktree', 'add', '--detach', '--quiet', ...noCheckout, '--', dir, commit], { operation: 'worktree add' });
  if (!opts.checkout) await git(dir, ['read-tree', '--end-of-options', commit]);
}

/**
 * Removes the worktree at `dir` with whatever was left in it, and its administrative files.
 * Exit 128: it is not (or no longer) a worktree, for example because its folder is already
 * gone or only half made; then the folder goes anyway and prune forgets the registration.
 */
export async function removeWorktree(repo: string, dir: string): Promise<void> {
  const out = await git(repo, ['worktree', 'remove', '--force', '--force', '--', dir], { operation: 'worktree remove', successExitCodes: [128] });
  if (out.exitCode === 0) return;
  await rm(dir, { recursive: true, force: true });
  await pruneWorktrees(repo);
}

/** Forgets worktrees whose folders no longer exist. */
export async function pruneWorktrees(repo: string): Promise<void> {
  await git(repo, ['worktree', 'prune'], { operation: 'worktree prune' });
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
  const out = await git(repo, ['worktree', 'list', '--porcelain', '-z'], { operation: 'worktree list' });
  return parseWorktreeList(out.stdout);
}
