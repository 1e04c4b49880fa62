/** Counting commits (`git rev-list --count`). */
import { git } from './exec';

/**
 * How many commits `to` has that `from` does not (`from..to`), both commit ids. git prints the
 * number and a line feed:
 *   "3\n"
 */
export async function countCommitsBetween(repo: string, from: string, to: string): Promise<number> {
  const out = await git(repo, ['rev-list', '--count', '--end-of-options', `${from}..${to}`, '--']);
  const n = Number.parseInt(out.stdout.trim(), 10);
  if (!Number.isInteger(n)) throw new Error(`Unexpected rev-list --count output: ${JSON.stringify(out.stdout)}`);
  return n;
}
