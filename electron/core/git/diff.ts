/** Comparing trees and blobs: per-file status and line counts, and the unified diff of one pair. */
import { git, splitNul } from './exec';

/** Raw status letters of `diff-tree --no-renames`: added, deleted, modified, type changed. */
export type ChangeStatus = 'A' | 'D' | 'M' | 'T';

export interface TreeChange {
  /** Path relative to the compared trees. */
  path: string;
  status: ChangeStatus;
  /** '000000' on the side where the file does not exist. */
  oldMode: string;
  newMode: string;
  /** All zeros on the side where the file does not exist. */
  oldOid: string;
  newOid: string;
  /** Exactly `git diff --numstat`'s numbers (0 and 0 for binary files). */
  added: number;
  removed: number;
  binary: boolean;
}

export interface DiffTreeOptions {
  /** Folders (from the top of the tree) left out of the comparison. */
  excludeDirs?: readonly string[];
}

/** Exclude pathspec from the top of the tree; `literal` keeps `*`, `?` and `[` in names plain. */
export const excludePathspec = (dir: string): string => `:(top,literal,exclude)${dir}`;

const STATUSES: ReadonlySet<string> = new Set(['A', 'D', 'M', 'T']);

/**
 * Parses `git diff-tree -r -z --raw --numstat --no-renames A B`. git prints every raw record
 * (a header, then the path) and then every numstat record (counts and path in one field), in the
 * same order; a binary file counts "-\t-":
 *   ":000000 100644 0000000... 3e75765... A\0new.c\0:100644 100644 422c2b7... 6372083... M\0x.c\0"
 *   "1\t0\tnew.c\0-\t-\tlogo.bin\0"
 * Paths are raw bytes with -z: spaces, tabs, quotes and newlines arrive as they are.
 */
export function parseRawNumstat(out: string): TreeChange[] {
  const fields = splitNul(out);
  const changes: TreeChange[] = [];
  let i = 0;
  while (i < fields.length && fields[i]!.startsWith(':')) {
    const [oldMode, newMode, oldOid, newOid, status] = fields[i]!.slice(1).split(' ');
    const path = fields[i + 1];
    if (!oldMode || !newMode || !oldOid || !newOid || !status || path === undefined || !STATUSES.has(status)) {
      throw new Error(`Unexpected diff-tree raw record: ${JSON.stringify(fields[i])}`);
    }
    changes.push({ path, status: status as ChangeStatus, oldMode, newMode, oldOid, newOid, added: 0, removed: 0, binary: false });
    i += 2;
  }
  const byPath = new Map<string, TreeChange>();
  for (const change of changes) byPath.set(change.path, change);
  for (let n = 0; i < fields.length; i += 1, n += 1) {
    const record = fields[i]!;
    const tab1 = record.indexOf('\t');
    const tab2 = record.indexOf('\t', tab1 + 1);
    if (tab1 < 0 || tab2 < 0) throw new Error(`Unexpected diff-tree numstat record: ${JSON.stringify(record)}`);
    const path = record.slice(tab2 + 1);
    // The two lists come in the same order; the lookup by path only guards against surprises.
    const change = changes[n]?.path === path ? changes[n] : byPath.get(path);
    if (!change) throw new Error(`diff-tree numstat names a path with no raw record: ${JSON.stringify(path)}`);
    const added = record.slice(0, tab1);
    const removed = record.slice(tab1 + 1, tab2);
    if (added === '-' && removed === '-') change.binary = true;
    else {
      change.added = Number(added);
      change.removed = Number(removed);
    }
  }
  return changes;
}

/**
 * Every file that differs between two tree-ish (`<commit>`, `<tree id>` or `<commit>:<dir>`),
 * with its status and line counts, in one git call. Renames are not followed: a moved file is a
 * deletion and an addition, as in the inventory.
 */
export async function diffTreeNumstat(repo: string, treeA: string, treeB: string, opts: DiffTreeOptions = {}): Promise<TreeChange[]> {
  const args = ['diff-tree', '-r', '-z', '--raw', '--numstat', '--no-renames', '--no-ext-diff', '--end-of-options', treeA, treeB];
  const excluded = opts.excludeDirs ?? [];
  if (excluded.length > 0) args.push('--', ...excluded.map(excludePathspec));
  const out = await git(repo, args);
  return parseRawNumstat(out.stdout);
}

export interface DiffLabels {
  /** Path shown for the old side (`--- a/<old>`). */
  old: string;
  /** Path shown for the new side (`+++ b/<new>`). */
  new: string;
}

export interface FilePatch {
  binary: boolean;
  /** Unified diff with our own `---`/`+++` lines; empty when the two sides are the same. */
  text: string;
}

/**
 * Replaces git's file names (tree-relative, possibly C-quoted) with the labels, keeps the mode
 * lines and the hunks, and tells binary files apart. git's output for one file looks like:
 *   "diff --git a/x.c b/x.c\nindex 422c2b7..6372083 100644\n--- a/x.c\n+++ b/x.c\n@@ -1,2 +1,3 @@\n a\n-b\n+c\n+d\n"
 *   "diff --git a/new.c b/new.c\nnew file mode 100644\nindex 0000000..3e75765\n--- /dev/null\n+++ b/new.c\n@@ -0,0 +1 @@\n+new\n"
 *   "diff --git a/b.bin b/b.bin\nindex badc806..69f37a3 100644\nBinary files a/b.bin and b/b.bin differ\n"
 */
export function relabelFilePatch(out: string, labels: DiffLabels): FilePatch {
  if (out === '') return { binary: false, text: '' };
  const hunks = out.search(/^@@ /m);
  const header = (hunks < 0 ? out : out.slice(0, hunks)).split('\n');
  const oldExists = !header.some((l) => l.startsWith('new file mode '));
  const newExists = !header.some((l) => l.startsWith('deleted file mode '));
  const oldName = oldExists ? `a/${labels.old}` : '/dev/null';
  const newName = newExists ? `b/${labels.new}` : '/dev/null';
  const kept = header.filter((l) => /^(old mode|new mode|new file mode|deleted file mode) /.test(l));
  const binary = header.some((l) => l.startsWith('Binary files '));
  let text = kept.map((l) => `${l}\n`).join('');
  if (binary) text += `Binary files ${oldName} and ${newName} differ\n`;
  else if (hunks >= 0) text += `--- ${oldName}\n+++ ${newName}\n${out.slice(hunks)}`;
  return { binary, text };
}

/**
 * Unified diff of one file between two tree-ish (`<commit>`, `<tree id>` or `<commit>:<dir>`),
 * `path` relative to both. A side without the file (or the empty tree) gives an added or deleted
 * file; submodule entries and symlinks come out as git shows them. Comparing trees rather than
 * blob ids lets git say "new file" without an empty blob, which would have to be written into
 * the repository first.
 */
export async function diffTreePath(repo: string, treeA: string, treeB: string, path: string, labels: DiffLabels): Promise<FilePatch> {
  const out = await git(repo, [
    'diff', '--no-ext-diff', '--no-color', '--no-textconv', '--no-renames', '--end-of-options', treeA, treeB, '--', `:(literal)${path}`,
  ]);
  return relabelFilePatch(out.stdout, labels);
}
