/** Reading trees of a commit: list files, look up single paths, check that folders exist. */
import { git, keptForRepository, splitNul } from './exec';

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
  const out = await git(repo, args);
  return parseLsTree(out.stdout);
}

/** The entry at exactly `path` in `commit` (a file, a symlink, a submodule or a folder), or null. */
export async function lsPath(repo: string, commit: string, path: string): Promise<TreeEntry | null> {
  const out = await git(repo, ['ls-tree', '-z', '--full-tree', '--end-of-options', commit, '--', literalPathspec(path)]);
  return parseLsTree(out.stdout).find((e) => e.path === path) ?? null;
}

/**
 * Every folder of a commit's tree. `git ls-tree -r -d --name-only -z` lists trees only:
 *   "arch\0arch/i386\0arch/i386/kernel\0"
 */
export async function listTreeDirs(repo: string, commit: string): Promise<Set<string>> {
  const out = await git(repo, ['ls-tree', '-r', '-d', '--name-only', '-z', '--full-tree', '--end-of-options', commit]);
  return new Set(splitNul(out.stdout));
}

/** Writes the empty tree object and returns its id; `git mktree` reads no entries and prints "4b825dc6…\n". */
export async function writeEmptyTree(repo: string): Promise<string> {
  const out = await git(repo, ['mktree'], { input: '' });
  return out.stdout.trim();
}

/**
 * The empty tree's id, written once per repository and then kept: every plan commit has it, and
 * its id depends on the repository's hash (SHA-1 or SHA-256), so git is asked rather than told.
 */
export const emptyTree = (repo: string): Promise<string> => keptForRepository(repo, 'empty-tree', () => writeEmptyTree(repo));
