/**
 * Comparing two trees (`git diff-tree`): which files differ with their status, line counts and
 * renames, read with one `-z` parser; and a patch file of some of them, written by git itself.
 */
import type { ChangedFile } from '../../../shared/series/changes';
import { git, splitNul } from './exec';
import { literalPathspec } from './trees';

/**
 * One record of `git diff-tree -r -z --raw`: a header, then the path, or two paths (old, new)
 * for a rename or a copy, each NUL-terminated:
 *   ":000000 100644 0000000… 3e75765… A\0new file.c\0"
 *   ":100644 100644 1a2b3c4… 3c4d5e6… R042\0old/name.c\0new/name.c\0"
 * A mode of 000000 and an id of zeros are the side where the file does not exist.
 */
export interface RawChange {
  oldMode: string;
  newMode: string;
  oldOid: string;
  newOid: string;
  /** A, D, M, T; R or C followed by git's similarity (R100: the same content); with -B, M followed by its dissimilarity for a rewrite (M049). */
  status: string;
  path: string;
  /** For a rename or a copy: the old path. */
  from?: string;
}

export interface LineCounts {
  path: string;
  /** null and null for a binary file ("-\t-"). */
  added: number | null;
  removed: number | null;
}

/**
 * Parses `git diff-tree -r -z --raw [--numstat] [-M]`. Paths are raw bytes with -z: spaces,
 * tabs, quotes and newlines arrive as they are. With --numstat (and --no-renames) git prints,
 * after every raw record, one "ADDED TAB REMOVED TAB PATH" record per file in the same order:
 *   "1\t0\tnew file.c\0-\t-\tlogo.bin\0"
 */
export function parseDiffTree(out: string): { changes: RawChange[]; counts: LineCounts[] } {
  const fields = splitNul(out);
  const changes: RawChange[] = [];
  let i = 0;
  while (i < fields.length && fields[i]!.startsWith(':')) {
    const [oldMode, newMode, oldOid, newOid, status] = fields[i]!.slice(1).split(' ');
    const twoPaths = status !== undefined && /^[RC]\d*$/.test(status);
    const path = fields[i + (twoPaths ? 2 : 1)];
    if (!oldMode || !newMode || !oldOid || !newOid || !status || path === undefined || !/^([ADT]|[MRC]\d*)$/.test(status)) {
      throw new Error(`Unexpected diff-tree raw record: ${JSON.stringify(fields[i])}`);
    }
    changes.push({ oldMode, newMode, oldOid, newOid, status, path, ...(twoPaths ? { from: fields[i + 1]! } : {}) });
    i += twoPaths ? 3 : 2;
  }
  const counts: LineCounts[] = [];
  for (; i < fields.length; i += 1) {
    const record = fields[i]!;
    const tab1 = record.indexOf('\t');
    const tab2 = record.indexOf('\t', tab1 + 1);
    if (tab1 < 0 || tab2 < 0) throw new Error(`Unexpected diff-tree numstat record: ${JSON.stringify(record)}`);
    const added = record.slice(0, tab1);
    const removed = record.slice(tab1 + 1, tab2);
    const binary = added === '-' && removed === '-';
    counts.push({ path: record.slice(tab2 + 1), added: binary ? null : Number(added), removed: binary ? null : Number(removed) });
  }
  return { changes, counts };
}

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

const plainStatus = (change: RawChange): ChangeStatus => {
  if (change.status === 'A' || change.status === 'D' || change.status === 'M' || change.status === 'T') return change.status;
  throw new Error(`Unexpected diff-tree status ${change.status} with renames off`);
};

/** The raw records of a `--raw --numstat --no-renames` run, each with its line counts. */
export function parseRawNumstat(out: string): TreeChange[] {
  const { changes, counts } = parseDiffTree(out);
  const byPath = new Map(changes.map((c, n) => [c.path, n]));
  const result: TreeChange[] = changes.map((c) => ({
    path: c.path, status: plainStatus(c), oldMode: c.oldMode, newMode: c.newMode, oldOid: c.oldOid, newOid: c.newOid, added: 0, removed: 0, binary: false,
  }));
  counts.forEach((count, n) => {
    // The two lists come in the same order; the lookup by path only guards against surprises.
    const at = changes[n]?.path === count.path ? n : byPath.get(count.path);
    const change = at === undefined ? undefined : result[at];
    if (!change) throw new Error(`diff-tree numstat names a path with no raw record: ${JSON.stringify(count.path)}`);
    if (count.added === null || count.removed === null) change.binary = true;
    else {
      change.added = count.added;
      change.removed = count.removed;
    }
  });
  return result;
}

export interface DiffTreeOptions {
  /** Folders (from the top of the tree) left out of the comparison. */
  excludeDirs?: readonly string[];
}

/** Exclude pathspec from the top of the tree; `literal` keeps `*`, `?` and `[` in names plain. */
export const excludePathspec = (dir: string): string => `:(top,literal,exclude)${dir}`;

const DIFF_TREE = ['diff-tree', '-r', '-z', '--raw', '--no-ext-diff'];

/**
 * Every file that differs between two tree-ish (`<commit>`, `<tree id>` or `<commit>:<dir>`),
 * with its status and line counts, in one git call. Renames are not followed: a moved file is a
 * deletion and an addition, as in the inventory.
 */
export async function diffTreeNumstat(repo: string, treeA: string, treeB: string, opts: DiffTreeOptions = {}): Promise<TreeChange[]> {
  const args = [...DIFF_TREE, '--numstat', '--no-renames', '--end-of-options', treeA, treeB];
  const excluded = opts.excludeDirs ?? [];
  if (excluded.length > 0) args.push('--', ...excluded.map(excludePathspec));
  return parseRawNumstat((await git(repo, args)).stdout);
}

/** Every file that differs between two commits as the target writes it (mode and id; zeros: removed), renames not followed. */
export async function diffTreeChanges(repo: string, base: string, target: string): Promise<ChangedFile[]> {
  const out = await git(repo, [...DIFF_TREE, '--no-renames', '--end-of-options', base, target]);
  return parseDiffTree(out.stdout).changes.map((c) => ({ path: c.path, status: plainStatus(c), mode: c.newMode, oid: c.newOid }));
}

export interface DetectedRename {
  from: string;
  to: string;
  /** git's similarity index, 0..100. */
  similarity: number;
}

/**
 * Renames git finds among `files` between two commits, down to `minSimilarity` percent: what
 * `format-patch -M` shows and what `git log --follow` can follow (at 50% and above).
 */
export async function detectRenames(repo: string, base: string, target: string, files: readonly string[], minSimilarity: number): Promise<DetectedRename[]> {
  if (files.length === 0) return [];
  const args = [...DIFF_TREE, `-M${minSimilarity}%`, '--end-of-options', base, target, '--', ...files.map(literalPathspec)];
  return parseDiffTree((await git(repo, args)).stdout)
    .changes.filter((c) => c.status.startsWith('R') && c.from !== undefined)
    .map((c) => ({ from: c.from!, to: c.path, similarity: Number(c.status.slice(1)) }));
}

/**
 * How far each file of `treeB` is from its namesake in `treeA` by git's own measure, in one call:
 * `-B/1%` makes git score every modified file whose content it counts as changed by 1% or more
 * (its dissimilarity, what `-M` turns into a similarity) and print it after the M:
 *   ":100644 100644 eb92… 081f… M\0a\0:100644 100644 eb92… c811… M049\0b\0"
 * `a` changed less than 1%; `b` is 49% different. git does not score files under 400 bytes
 * (too small to judge), so they print a bare M too. Renames are off: only same-path twins count.
 */
export async function diffTreeDissimilarity(repo: string, treeA: string, treeB: string): Promise<RawChange[]> {
  const out = await git(repo, [...DIFF_TREE, '--no-renames', '-B/1%', '--end-of-options', treeA, treeB]);
  return parseDiffTree(out.stdout).changes;
}

/** Changes from `a` to `b` under `roots` as git's rename detection sees them (its default threshold). */
export async function diffWithRenames(repo: string, a: string, b: string, roots: readonly string[]): Promise<RawChange[]> {
  const out = await git(repo, [...DIFF_TREE, '-M', '--end-of-options', a, b, '--', ...roots.map(literalPathspec)]);
  return parseDiffTree(out.stdout).changes;
}

/**
 * Writes the diff of `files` between two commits to `outFile` as `git apply` and `git am` read
 * it: full object ids and binary patches, no renames (each file is one side of the series). git
 * writes the file itself (`--output`), so binary and non-UTF-8 bytes never pass through text.
 */
export async function writeFilesDiff(repo: string, base: string, target: string, files: readonly string[], outFile: string): Promise<void> {
  await git(repo, [
    'diff-tree', '-p', '--binary', '--full-index', '--no-renames', '--no-ext-diff', '--no-color', '--src-prefix=a/', '--dst-prefix=b/',
    `--output=${outFile}`, '--end-of-options', base, target, '--', ...files.map(literalPathspec),
  ]);
}

/** Files that differ from `a` to `b` under `roots`, with both sides' modes and ids; renames not followed (a move is a deletion and an addition). */
export async function diffTreeRaw(repo: string, a: string, b: string, roots: readonly string[]): Promise<RawChange[]> {
  if (roots.length === 0) return [];
  const out = await git(repo, [...DIFF_TREE, '--no-renames', '--end-of-options', a, b, '--', ...roots.map(literalPathspec)]);
  return parseDiffTree(out.stdout).changes;
}

/**
 * Parses `git diff-tree --stdin -r -z --raw -M --root`: for each line read ("COMMIT", or "COMMIT
 * PARENT" to compare a merge with its first parent only), the commit's id NUL-terminated, then its
 * raw records (as parseDiffTree reads them; a commit without changes prints nothing):
 *   "a1ef34…\0:100644 100644 7898… 422c… M\0a\0:000000 100644 0000… f2ad… A\0sp ace\0"
 * A field is a commit id only where a record may start, so a path of forty hex digits stays a path.
 */
export function parseCommitChanges(out: string): Map<string, RawChange[]> {
  const fields = splitNul(out);
  const byCommit = new Map<string, RawChange[]>();
  let current: RawChange[] | null = null;
  let i = 0;
  while (i < fields.length) {
    const field = fields[i]!;
    if (!field.startsWith(':')) {
      current = [];
      byCommit.set(field, current);
      i += 1;
      continue;
    }
    const status = field.split(' ')[4] ?? '';
    const take = /^[RC]\d*$/.test(status) ? 3 : 2;
    const { changes } = parseDiffTree(`${fields.slice(i, i + take).join('\0')}\0`);
    if (current === null) throw new Error(`diff-tree printed a change before any commit: ${JSON.stringify(field)}`);
    current.push(...changes);
    i += take;
  }
  return byCommit;
}

/** A commit for `diff-tree --stdin`, with the parent to compare it with (a merge's first), or alone: against its only parent. */
export interface CommitSide {
  commit: string;
  parent?: string;
}

/** The lines `diff-tree --stdin` reads: "COMMIT PARENT" or "COMMIT" (ids only, never user text). */
export const stdinLines = (commits: readonly (string | CommitSide)[]): string =>
  commits.map((c) => (typeof c === 'string' ? `${c}\n` : `${c.commit}${c.parent ? ` ${c.parent}` : ''}\n`)).join('');

/**
 * Each commit's changes against its parent (renames found as git finds them), in one git call.
 * A merge given alone prints nothing: give it with its first parent.
 */
export async function changesOfCommits(repo: string, commits: readonly (string | CommitSide)[]): Promise<Map<string, RawChange[]>> {
  if (commits.length === 0) return new Map();
  const out = await git(repo, ['diff-tree', '--stdin', '-r', '-z', '--raw', '-M', '--root', '--no-ext-diff'], { input: stdinLines(commits) });
  return parseCommitChanges(out.stdout);
}

/**
 * The length in bytes of each file's section in a `git diff-tree -p --binary` output read as
 * latin1 (one character per byte). Each section starts at a line "diff --git a/… b/…"; no
 * other line of a patch can (text lines start with " ", "+", "-", "@" or "\\", and a binary
 * patch's lines hold no space):
 *   "diff --git a/Makefile b/Makefile\nindex 1e3a…\n--- a/Makefile\n+++ b/Makefile\n@@ -1 +1,2 @@\n…"
 */
export function fileDiffLengths(out: string): number[] {
  const starts: number[] = out.startsWith('diff --git ') ? [0] : [];
  for (let i = out.indexOf('\ndiff --git '); i >= 0; i = out.indexOf('\ndiff --git ', i + 1)) starts.push(i + 1);
  return starts.map((s, i) => (starts[i + 1] ?? out.length) - s);
}

/**
 * How many bytes each changed file adds to a series' patches (its diff as `writeFilesDiff`
 * writes it), in the order of `diffTreeChanges` between the same commits, which is git's path
 * order in both; null when the counts disagree (the caller then has no sizes rather than wrong ones).
 */
export async function fileDiffSizes(repo: string, base: string, target: string, expected: number): Promise<number[] | null> {
  const out = await git(
    repo,
    ['diff-tree', '-p', '--binary', '--full-index', '--no-renames', '--no-ext-diff', '--no-color', '--src-prefix=a/', '--dst-prefix=b/', '--end-of-options', base, target],
    { encoding: 'latin1' },
  );
  const lengths = out.stdout === '' ? [] : fileDiffLengths(out.stdout);
  return lengths.length === expected ? lengths : null;
}
