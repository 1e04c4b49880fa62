/** The working tree's state for a few paths: what an operation would touch that is not committed. */
import { git, splitNul } from './exec';
import { literalPathspec } from './trees';

export interface PathStatus {
  /** Index against HEAD: ' ' unchanged, M, A, D, T, U (unmerged), '?' untracked, '!' ignored. */
  index: string;
  /** Working tree against the index, same letters. */
  worktree: string;
  path: string;
}

/**
 * Parses `git status --porcelain=v1 -z --no-renames`: "XY SP PATH" records, NUL-terminated,
 * paths verbatim (no quoting with -z):
 *   " M arch/xen/kernel/evtchn.c\0?? drivers/xen/core/new file.c\0!! drivers/xen/core/x.o\0"
 */
export function parseStatus(out: string): PathStatus[] {
  return splitNul(out).map((record) => {
    if (record.length < 4 || record[2] !== ' ') throw new Error(`Unexpected status record: ${JSON.stringify(record)}`);
    return { index: record[0] as string, worktree: record[1] as string, path: record.slice(3) };
  });
}

/**
 * Every uncommitted change, untracked file and ignored file at or under `roots` (untracked
 * folders listed file by file), against HEAD.
 */
export async function statusOfPaths(repo: string, roots: readonly string[]): Promise<PathStatus[]> {
  if (roots.length === 0) return [];
  const args = ['status', '--porcelain=v1', '-z', '--no-renames', '--untracked-files=all', '--ignored=matching', '--', ...roots.map(literalPathspec)];
  const out = await git(repo, args, {});
  return parseStatus(out.stdout);
}
