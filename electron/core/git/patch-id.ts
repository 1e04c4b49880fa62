/**
 * Patch ids (`git patch-id --stable`): the same change has the same id whatever its commit, so a
 * fork commit whose change the sprint branch already has is told apart from new work.
 */
import { stdinLines, type CommitSide } from './diff-tree';
import { git } from './exec';

/**
 * Parses `git patch-id --stable`: one "PATCH_ID SP COMMIT_ID" line per commit with a diff:
 *   "6ad8098968caafd71ef9db9399e69b9638a94bec a1ef3439cdbca7cb37875ec75de7b09cd4d93d0f\n"
 */
export function parsePatchIds(out: string): Map<string, string> {
  const ids = new Map<string, string>();
  for (const line of out.split('\n')) {
    const [patchId, commit] = line.split(' ');
    if (patchId && commit) ids.set(commit, patchId);
  }
  return ids;
}

const patchIdsOf = async (repo: string, patches: string): Promise<Map<string, string>> =>
  patches === '' ? new Map() : parsePatchIds((await git(repo, ['patch-id', '--stable'], { input: patches })).stdout);

/** Each commit's patch id, its change against its parent (a merge's: the one given), in one `diff-tree --stdin` for all. */
export async function patchIdsOfCommits(repo: string, commits: readonly (string | CommitSide)[]): Promise<Map<string, string>> {
  if (commits.length === 0) return new Map();
  const out = await git(repo, ['diff-tree', '--stdin', '-p', '--root', '--no-renames', '--no-ext-diff', '--no-color'], { input: stdinLines(commits) });
  return patchIdsOf(repo, out.stdout);
}
