/**
 * Fetching one ref from a configured remote into a ref of our own:
 *   git fetch --no-tags --no-write-fetch-head --quiet -- origin +refs/merge-sprint/plan:refs/merge-sprint/remotes/origin/plan
 * `+`: the local copy mirrors the remote's ref whatever it did (it is ours to overwrite, never
 * the plan itself). Nothing else moves: no tags, no branches, no FETCH_HEAD.
 * On success git prints nothing (--quiet). A remote without the ref exits 128:
 *   "fatal: couldn't find remote ref refs/merge-sprint/plan"
 * which errors.ts calls 'remote-ref-missing'; a remote that does not answer is 'remote-unreachable'.
 */
import { GitError } from './errors';
import { git } from './exec';

export type FetchOutcome = 'fetched' | 'no-such-ref';

/** `remote` must be a configured remote's name (listRemotes); the refs are the app's own. */
export async function fetchRef(repo: string, remote: string, remoteRef: string, localRef: string): Promise<FetchOutcome> {
  try {
    await git(repo, ['fetch', '--no-tags', '--no-write-fetch-head', '--quiet', '--', remote, `+${remoteRef}:${localRef}`]);
    return 'fetched';
  } catch (error) {
    if (error instanceof GitError && error.kind === 'remote-ref-missing') return 'no-such-ref';
    throw error;
  }
}
