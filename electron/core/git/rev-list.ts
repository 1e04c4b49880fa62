/** Counting commits between two heads (`git rev-list --count`). */
import { git } from './exec';

/**
 * How many commits `head` has that `exclude` ('' = none) does not, merges left out:
 * `git rev-list --count --no-merges HEAD ^BASE` prints "12\n".
 */
export async function countCommitsSince(repo: string, head: string, exclude: string): Promise<number> {
  if (head === '') return 0;
  const revs = exclude === '' ? [head] : [head, `^${exclude}`];
  const out = await git(repo, ['rev-list', '--count', '--no-merges', '--end-of-options', ...revs, '--']);
  return Number.parseInt(out.stdout.trim(), 10) || 0;
}
