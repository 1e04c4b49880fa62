/** How git's rename detection sees the files of a rename rule between two commits. */
import { git, splitNul } from './exec';
import { literalPathspec } from './trees';

export interface NameStatus {
  /** A, D, M, T, or R followed by the similarity (R100: unchanged content). */
  status: string;
  path: string;
  /** For a rename: the old path. */
  from?: string;
}

/**
 * Parses `git diff-tree -r -M --name-status -z`: a status record, then one path (two for a
 * rename or copy: old, then new), all NUL-terminated:
 *   "R100\0arch/xen/kernel/evtchn.c\0drivers/xen/core/evtchn.c\0M\0Makefile\0"
 */
export function parseNameStatus(out: string): NameStatus[] {
  const records = splitNul(out);
  const list: NameStatus[] = [];
  for (let i = 0; i < records.length; ) {
    const status = records[i++] as string;
    if (status.startsWith('R') || status.startsWith('C')) {
      list.push({ status, from: records[i] as string, path: records[i + 1] as string });
      i += 2;
    } else {
      list.push({ status, path: records[i++] as string });
    }
  }
  return list;
}

/** Changes from `a` to `b` under `roots`, with rename detection on. */
export async function diffWithRenames(repo: string, a: string, b: string, roots: readonly string[]): Promise<NameStatus[]> {
  const out = await git(repo, ['diff-tree', '-r', '-M', '--name-status', '-z', a, b, '--', ...roots.map(literalPathspec)]);
  return parseNameStatus(out.stdout);
}
