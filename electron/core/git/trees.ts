/** Reading trees of a commit: list files, look up single paths, check that folders exist. */
import { runGit, splitNul } from './exec';

export type TreeEntryType = 'blob' | 'tree' | 'commit';

export interface TreeEntry {
  /** Octal mode as git prints it: 100644, 100755, 120000 (symlink), 160000 (submodule), 040000. */
  mode: string;
  /** 'commit' is a submodule entry (gitlink). */
  type: TreeEntryType;
  oid: string;
  path: string;
}

/** Literal pathspec from the top of the tree: glob characters in folder names stay plain characters. */
export const literalPathspec = (path: string): string => `:(top,literal)${path}`;

/** The empty tree's id for the repository's hash (git knows it without storing it). */
export const emptyTreeId = (oidLength: number): string =>
  oidLength === 64 ? '6ef19b41225c5369f1c104d45d8d85efa9b057b53b14b4b9b939dd74decc5321' : '4b825dc642cb6eb9a060e54bf8d69288fbee4904';

/**
 * Parses `git ls-tree -z` output, one NUL-terminated record per entry, the path after a tab
 * (and itself free to hold tabs, newlines and quotes):
 *   "100644 blob 3e75765...\tarch/i386/kernel/setup.c\0160000 commit 1111111...\tlib/sub\0"
 */
export function parseLsTree(out: string): TreeEntry[] {
  const entries: TreeEntry[] = [];
  for (const record of splitNul(out)) {
    const tab = record.indexOf('\t');
    const [mode, type, oid] = record.slice(0, tab).split(' ');
    if (tab < 0 || !mode || !oid || (type !== 'blob' && type !== 'tree' && type !== 'commit')) {
      throw new Error(`Unexpected ls-tree record: ${JSON.stringify(record)}`);
    }
    entries.push({ mode, type, oid, path: record.slice(tab + 1) });
  }
  return entries;
}

/**
 * Every file (blobs, symlinks, submodule entries) of `treeish`, recursively, with paths from its
 * top. With `dirs`, only files under those folders. `treeish` is a commit or tree id, or
 * `commit:dir` (then paths are relative to that folder).
 */
export async function lsTree(repo: string, treeish: string, dirs?: string | readonly string[]): Promise<TreeEntry[]> {
  const list = dirs === undefined ? [] : typeof dirs === 'string' ? [dirs] : dirs;
  const args = ['ls-tree', '-r', '-z', '--full-tree', '--end-of-options', treeish];
  if (list.length > 0) args.push('--', ...list.map(literalPathspec));
  const out = await runGit(repo, 'ls-tree', args);
  return parseLsTree(out.stdout);
}

/** The entry at exactly `path` in `commit` (a file, a symlink, a submodule or a folder), or null. */
export async function lsPath(repo: string, commit: string, path: string): Promise<TreeEntry | null> {
  const out = await runGit(repo, 'ls-tree', ['ls-tree', '-z', '--full-tree', '--end-of-options', commit, '--', literalPathspec(path)]);
  return parseLsTree(out.stdout).find((e) => e.path === path) ?? null;
}

export interface PathLookup {
  commit: string;
  path: string;
}

export interface FoundObject {
  oid: string;
  type: string;
}

/**
 * Parses `git cat-file --batch-check -z` answers to the lookups `names`, in order, one line each:
 *   "bbce92e4cc17ef2aa28e89d44b2a9c6e0ffe2780 tree 98\n"   found
 *   "<name> missing\n"                                      no such path (or a submodule entry)
 * A missing answer echoes the name, which may itself hold newlines, so answers are read by the
 * length of the name that was asked rather than split on newlines.
 */
export function parseBatchCheck(out: string, names: readonly string[]): (FoundObject | null)[] {
  const found: (FoundObject | null)[] = [];
  let at = 0;
  for (const name of names) {
    const unanswered = [' missing\n', ' ambiguous\n'].find((word) => out.startsWith(name + word, at));
    if (unanswered) {
      found.push(null);
      at += name.length + unanswered.length;
      continue;
    }
    const end = out.indexOf('\n', at);
    const [oid, type] = out.slice(at, end < 0 ? out.length : end).split(' ');
    if (end < 0 || !oid || !type || !/^[0-9a-f]{40,64}$/.test(oid)) {
      throw new Error(`Unexpected cat-file answer for ${JSON.stringify(name)}: ${JSON.stringify(out.slice(at, at + 200))}`);
    }
    found.push({ oid, type });
    at = end + 1;
  }
  return found;
}

/** The object at `commit:path` for each lookup, in order (null where there is none), in one git call. */
export async function lookupPaths(repo: string, lookups: readonly PathLookup[]): Promise<(FoundObject | null)[]> {
  if (lookups.length === 0) return [];
  const names = lookups.map((l) => `${l.commit}:${l.path}`);
  // Names go through standard input (NUL-separated), never through the command line.
  const out = await runGit(repo, 'cat-file', ['cat-file', '--batch-check', '-z'], { input: names.map((n) => `${n}\0`).join('') });
  return parseBatchCheck(out.stdout, names);
}

/** Is `dir` a folder in `commit`? */
export async function dirExists(repo: string, commit: string, dir: string): Promise<boolean> {
  const [found] = await lookupPaths(repo, [{ commit, path: dir }]);
  return found?.type === 'tree';
}
