/**
 * Moving a ref, always as a compare-and-swap: `git update-ref -m REASON --stdin`, the transaction
 * form, reading one command (ref names hold no space or line feed; ids are hex):
 *   "update refs/heads/xen 9fceb02… 3e75765…\n"   only if it still points at the old id
 *   "create refs/heads/series 9fceb02…\n"           only if it does not exist yet
 *   "update refs/merge-sprint/series/v1 9fceb02…\n" whatever it pointed at
 * git takes the ref's lock, checks, and renames the lock over the ref, so a kill at any instant
 * leaves it at the old id or the new one.
 */
import { GitError } from './errors';
import { git } from './exec';
import { NO_HOOKS } from './commit';

export type RefSwap =
  | { swapped: true }
  /** Someone moved (or made) the ref meanwhile, or holds its lock right now; git's error, to pass on. */
  | { swapped: false; why: 'ref-moved' | 'ref-locked'; error: GitError }
  /** The reference-transaction hook said no; what it printed. */
  | { swapped: false; why: 'hook-refused'; hookOutput: string; error: GitError };

const HOOK_REFUSAL = /^fatal: ref updates aborted by hook\n?/m;

/**
 * Moves `ref` to `next` if it is still at `expected` (a commit id; '' = the ref must not exist
 * yet; null = wherever it is). The reflog records `reason`. The repository's
 * reference-transaction hook runs only with `runHooks`, as it would for `git commit`.
 */
export async function swapRef(
  repo: string,
  ref: string,
  next: string,
  expected: string | null,
  reason: string,
  opts: { runHooks?: boolean } = {},
): Promise<RefSwap> {
  const command = expected === '' ? `create ${ref} ${next}\n` : `update ${ref} ${next}${expected === null ? '' : ` ${expected}`}\n`;
  try {
    await git(repo, [...(opts.runHooks === true ? [] : NO_HOOKS), 'update-ref', '-m', reason, '--stdin'], { input: command });
    return { swapped: true };
  } catch (error) {
    if (!(error instanceof GitError)) throw error;
    if (error.kind === 'ref-moved' || error.kind === 'ref-locked') return { swapped: false, why: error.kind, error };
    if (error.kind === 'hook-refused') return { swapped: false, why: 'hook-refused', hookOutput: error.stderr.replace(HOOK_REFUSAL, '').trim(), error };
    throw error;
  }
}
