/** Creating a repository and filling its work tree: what the demo sprint does with a new folder. */
import { git } from './exec';

/** `git init -q -b BRANCH -- DIR` in an existing folder; prints nothing with -q. */
export async function initRepository(dir: string, branch: string): Promise<void> {
  await git(dir, ['init', '-q', '-b', branch, '--', dir]);
}

/**
 * Fills the index and the work tree from HEAD's commit (`reset --hard HEAD`), for a repository
 * whose objects and refs were just written and whose work tree is empty: nothing there to lose.
 */
export async function checkOutHead(repo: string): Promise<void> {
  await git(repo, ['reset', '-q', '--hard', 'HEAD', '--']);
}
