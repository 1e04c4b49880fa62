/**
 * Commits made without the working tree: a commit object from a tree, then a compare-and-swap
 * of the branch ref. No hooks run unless asked (commit-tree runs none; update-ref's
 * reference-transaction hook is switched off), so nothing of the repository's runs inside the
 * app's own commits unless the clone turned that on (hooks.ts).
 */
import { GitError } from './errors';
import { git } from './exec';

/** Switches off every hook for one git call (`-c` config applies to that call only). */
export const NO_HOOKS = ['-c', 'core.hooksPath=/dev/null'];

/**
 * The branch HEAD names, or null when HEAD is detached. `git symbolic-ref -q HEAD` prints
 *   "refs/heads/main\n"
 * and exits 1 (quietly) when HEAD is detached, which is an answer, not a failure.
 */
export async function currentBranch(repo: string): Promise<string | null> {
  const out = await git(repo, ['symbolic-ref', '-q', 'HEAD'], { successExitCodes: [1] });
  const ref = out.stdout.trim();
  return out.exitCode === 0 && ref.startsWith('refs/heads/') ? ref.slice('refs/heads/'.length) : null;
}

/** The commit a full ref name points at, or null when it does not exist (exit 1 with --quiet). */
export async function refCommit(repo: string, ref: string): Promise<string | null> {
  const out = await git(repo, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${ref}^{commit}`], { successExitCodes: [1] });
  return out.exitCode === 0 ? out.stdout.trim() : null;
}

/**
 * Creates a commit object with `tree` and `parents`; author and committer come from the
 * repository's git config, as for `git commit`. Prints the new commit id:
 *   "9fceb02d0ae598e95dc970b74767f19372d61af8\n"
 */
export async function commitTree(repo: string, tree: string, parents: readonly string[], message: string): Promise<string> {
  const args = ['commit-tree', ...parents.flatMap((p) => ['-p', p]), tree];
  const out = await git(repo, args, { input: message.endsWith('\n') ? message : `${message}\n` });
  return out.stdout.trim();
}

export type BranchSwap = { swapped: true } | { swapped: false; refusedByHook: string | null };

/**
 * Moves `refs/heads/<branch>` from `expected` to `next`, atomically: git refuses when the branch
 * no longer points at `expected`, for example because someone committed meanwhile. The reflog
 * records `reason`. The update goes through `update-ref --stdin` ("update SP REF SP NEW SP OLD LF"),
 * the transaction form; a branch name holds no space or line feed. With `runHooks` the
 * repository's reference-transaction hook runs, as for `git commit`; it may refuse:
 *   "fatal: ref updates aborted by hook\n"   (after whatever the hook printed)
 */
export async function swapBranch(repo: string, branch: string, next: string, expected: string, reason: string, opts: { runHooks?: boolean } = {}): Promise<BranchSwap> {
  const args = [...(opts.runHooks ? [] : NO_HOOKS), 'update-ref', '-m', reason, '--stdin'];
  try {
    await git(repo, args, { input: `update refs/heads/${branch} ${next} ${expected}\n` });
    return { swapped: true };
  } catch (error) {
    // Exit 128: the ref moved (or another writer holds its lock), or the hook refused; the caller
    // tells the user to retry, or quotes the hook.
    if (!(error instanceof GitError) || error.exitCode !== 128) throw error;
    const hook = opts.runHooks === true && /^fatal: ref updates aborted by hook$/m.test(error.stderr);
    return { swapped: false, refusedByHook: hook ? error.stderr.replace(/^fatal: ref updates aborted by hook\n?/m, '').trim() : null };
  }
}

/** Is `ancestor` reachable from `descendant` (or equal)? `merge-base --is-ancestor` answers with exit 0 or 1. */
export async function isAncestor(repo: string, ancestor: string, descendant: string): Promise<boolean> {
  const out = await git(repo, ['merge-base', '--is-ancestor', ancestor, descendant], { successExitCodes: [1] });
  return out.exitCode === 0;
}

/** The first parent of a commit, or null for a root commit. */
export async function firstParent(repo: string, commit: string): Promise<string | null> {
  const out = await git(repo, ['rev-parse', '--verify', '--quiet', `${commit}^1`], {
    // Exit 1: a root commit has no parent.
    successExitCodes: [1],
  });
  return out.exitCode === 0 ? out.stdout.trim() : null;
}

/**
 * The full ref name a revision names, or null when it names no ref (a commit id, `HEAD~1`, an
 * ambiguous or unknown name). `git rev-parse --verify --quiet --symbolic-full-name` prints
 *   "refs/heads/xen\n"   for "xen", "heads/xen" or "HEAD" while on xen
 *   "\n"                 for a commit id or an ambiguous name (which git reports on stderr)
 * and exits 1 with --quiet when the name is unknown, which is an answer, not a failure.
 */
export async function fullRefName(repo: string, rev: string): Promise<string | null> {
  const out = await git(repo, ['rev-parse', '--verify', '--quiet', '--symbolic-full-name', '--end-of-options', rev], { successExitCodes: [1] });
  const name = out.stdout.trim();
  return out.exitCode === 0 && name.startsWith('refs/') ? name : null;
}
