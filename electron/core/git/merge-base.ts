/** Where two histories meet (`git merge-base`). */
import { git } from './exec';

/**
 * The best common ancestor of two commits, or null when their histories never meet. git prints
 * one id ("3e75765…\n"), and exits 1 with nothing printed when there is none.
 */
export async function mergeBase(repo: string, a: string, b: string): Promise<string | null> {
  const out = await git(repo, ['merge-base', '--end-of-options', a, b], { successExitCodes: [1] });
  const id = out.stdout.trim();
  return out.exitCode === 0 && id !== '' ? id : null;
}

/** Is `ancestor` reachable from `descendant` (or equal)? `merge-base --is-ancestor` answers with exit 0 or 1. */
export async function isAncestor(repo: string, ancestor: string, descendant: string): Promise<boolean> {
  const out = await git(repo, ['merge-base', '--is-ancestor', '--end-of-options', ancestor, descendant], { successExitCodes: [1] });
  return out.exitCode === 0;
}
