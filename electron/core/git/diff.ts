/** The unified diff of one file between two tree-ish (`git diff`), with the app's own labels. */
import { git } from './exec';

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

/**
 * The unified diff of `files` from where `tip` left `base` to `tip` (`git diff base...tip`: the
 * merge base against the tip, so commits the base gained meanwhile do not show as removals).
 * git's own output, file by file ("diff --git a/x b/x\n…"); '' when nothing changed.
 */
export async function diffSinceMergeBase(repo: string, base: string, tip: string, files: readonly string[]): Promise<string> {
  if (files.length === 0) return '';
  const out = await git(repo, [
    'diff', '--no-ext-diff', '--no-color', '--no-textconv', '--end-of-options', `${base}...${tip}`, '--', ...files.map((f) => `:(top,literal)${f}`),
  ]);
  return out.stdout;
}

/**
 * The unified diff between two tree-ish, every file (`git diff A B`), renames not paired: git's
 * own output, file by file ("diff --git a/x b/x\nindex 1a2b3c4..5d6e7f8 100644\n--- a/x\n+++ b/x\n@@ ..."); '' when the same.
 */
export async function diffTrees(repo: string, treeA: string, treeB: string): Promise<string> {
  const out = await git(repo, ['diff', '--no-ext-diff', '--no-color', '--no-textconv', '--no-renames', '--end-of-options', treeA, treeB]);
  return out.stdout;
}
