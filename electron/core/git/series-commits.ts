/**
 * Refs and facts around the series' commits: the date they carry, the branch the user asked
 * for (created only if new; its name is checked in check-ref-format.ts), and our own refs that
 * keep exported versions.
 */
import { git } from './exec';
import { swapRef } from './update-ref';

/** A commit's author date in git's internal format. Output: "1700000000 +0000\n". */
export async function authorDate(repo: string, commit: string): Promise<string> {
  const out = await git(repo, ['show', '-s', '--format=%ad', '--date=raw', '--end-of-options', commit]);
  return out.stdout.trim();
}

/** Does the full ref name exist? (`show-ref --verify --quiet` exits 1 when it does not.) */
export async function refExists(repo: string, ref: string): Promise<boolean> {
  const out = await git(repo, ['show-ref', '--verify', '--quiet', '--', ref], { successExitCodes: [1] });
  return out.exitCode === 0;
}

/**
 * Creates `ref` at `commit` only if it does not exist: update-ref's empty old value means "must
 * not exist", so a branch made meanwhile by someone else is never overwritten.
 * Returns false when the ref already exists.
 */
export async function createRef(repo: string, ref: string, commit: string, reason: string): Promise<boolean> {
  if (await refExists(repo, ref)) return false;
  // 'ref-moved': it was created between the two calls. Made at the user's request, as `git
  // branch` would, so the repository's reference-transaction hook runs.
  const swap = await swapRef(repo, ref, commit, '', reason, { runHooks: true });
  if (swap.swapped) return true;
  if (swap.why === 'ref-moved') return false;
  throw swap.error;
}

/** Points a ref of our own namespace at a commit (keeps exported versions from garbage collection). */
export async function setRef(repo: string, ref: string, commit: string, reason: string): Promise<void> {
  const swap = await swapRef(repo, ref, commit, null, reason, { runHooks: true });
  if (!swap.swapped) throw swap.error;
}
