/**
 * Commits made without the working tree: a commit object from a tree, then a compare-and-swap
 * of the branch ref (update-ref.ts). No hooks run unless asked (commit-tree runs none; update-ref's
 * reference-transaction hook is switched off), so nothing of the repository's runs inside the
 * app's own commits unless the clone turned that on (hooks.ts).
 */
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

/**
 * Creates a commit object with `tree` and `parents`, the message read from standard input (no
 * size limit). Author and committer come from the repository's git config, as for `git commit`,
 * unless `identity` gives GIT_AUTHOR_* and GIT_COMMITTER_* variables; `unsigned` keeps a
 * configured commit.gpgSign from signing. Prints the new commit id:
 *   "9fceb02d0ae598e95dc970b74767f19372d61af8\n"
 */
export async function commitTree(
  repo: string,
  tree: string,
  parents: readonly string[],
  message: string,
  opts: { identity?: Record<string, string>; unsigned?: boolean } = {},
): Promise<string> {
  const args = ['commit-tree', ...(opts.unsigned === true ? ['--no-gpg-sign'] : []), ...parents.flatMap((p) => ['-p', p]), tree];
  const input = message.endsWith('\n') ? message : `${message}\n`;
  const out = await git(repo, args, opts.identity === undefined ? { input } : { input, env: opts.identity });
  return out.stdout.trim();
}
