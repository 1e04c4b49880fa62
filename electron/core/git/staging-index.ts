/**
 * Index operations for building a commit away from the working tree: a temporary index file
 * (GIT_INDEX_FILE) is filled from a commit, edited, and written as a tree. The repository's own
 * index is read here but only changed by restore.ts.
 */
import { git, splitNul } from './exec';
import { literalPathspec } from './trees';

/** A temporary index: git reads and writes this file instead of the repository's index. */
export interface TempIndex {
  file: string;
}

const envOf = (index: TempIndex): Record<string, string> => ({ GIT_INDEX_FILE: index.file });

export const NULL_OID = '0000000000000000000000000000000000000000';

/** Fills the temporary index with the tree of `commit` (no working tree involved). */
export async function readTreeIntoIndex(repo: string, index: TempIndex, commit: string): Promise<void> {
  await git(repo, ['read-tree', '--end-of-options', commit], { env: envOf(index) });
}

export type IndexEdit = { path: string; mode: string; oid: string } | { path: string; remove: true };

/**
 * Sets or removes entries of the temporary index in one process. `update-index -z --index-info`
 * reads NUL-terminated records "MODE SP OID TAB PATH"; mode 0 with the null id removes the path.
 */
export async function editIndex(repo: string, index: TempIndex, edits: readonly IndexEdit[]): Promise<void> {
  if (edits.length === 0) return;
  const input = edits.map((e) => ('remove' in e ? `0 ${NULL_OID}\t${e.path}\0` : `${e.mode} ${e.oid}\t${e.path}\0`)).join('');
  await git(repo, ['update-index', '-z', '--index-info'], { env: envOf(index), input });
}

/** Writes the temporary index as a tree; returns the tree id. */
export async function writeTree(repo: string, index: TempIndex): Promise<string> {
  const out = await git(repo, ['write-tree'], { env: envOf(index) });
  return out.stdout.trim();
}

export interface IndexEntry {
  path: string;
  mode: string;
  oid: string;
  /** 0 normally; 1-3 while a merge conflict is unresolved. */
  stage: number;
}

/**
 * Parses `git ls-files -s -z`: "MODE SP OID SP STAGE TAB PATH" records, NUL-terminated:
 *   "100644 3e75765... 0\tarch/xen/kernel/evtchn.c\0120000 1b2c... 0\tinclude/asm\0"
 */
export function parseLsFilesStage(out: string): IndexEntry[] {
  return splitNul(out).map((record) => {
    const tab = record.indexOf('\t');
    const [mode, oid, stage] = record.slice(0, tab).split(' ');
    if (tab < 0 || !mode || !oid || stage === undefined) throw new Error(`Unexpected ls-files record: ${JSON.stringify(record)}`);
    return { mode, oid, stage: Number(stage), path: record.slice(tab + 1) };
  });
}

/** The repository's own index entries at or under `roots`. */
export async function listIndexEntries(repo: string, roots: readonly string[]): Promise<IndexEntry[]> {
  if (roots.length === 0) return [];
  const out = await git(repo, ['ls-files', '-s', '-z', '--', ...roots.map(literalPathspec)]);
  return parseLsFilesStage(out.stdout);
}
