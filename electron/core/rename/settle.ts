/**
 * Bringing an operation's paths to one side of its branch move when a kill or a failed write left
 * them between. `git restore` writes the files first and the index last, in one rename: so while
 * the index still holds a path's old version, the file may be the old version, the new one, the
 * new one cut short (killed while writing), or gone (removed, or not created yet). All of those
 * are the operation's own doing and are finished (or, when the branch went back, undone); any
 * other content is someone's edit and stays as it is.
 */
import { lstat, readFile, rm, rmdir } from 'node:fs/promises';
import path from 'node:path';
import { parentPaths } from '../../../shared/paths';
import type { FileVersion } from '../../../shared/rename/model';
import { sameVersion } from '../../../shared/rename/drift';
import { swapRef } from '../git/update-ref';
import { worktreeDiffers } from '../git/diff-files';
import { GitError } from '../git/errors';
import { indexLocked } from '../git/in-progress';
import { listIndexEntries } from '../git/staging-index';
import { unpackBlob } from '../git/merge-file';
import { restoreFromCommit } from '../git/restore';
import { statusOfPaths } from '../git/status';
import { lsTree } from '../git/trees';
import { scratchDir, type Journal } from './journal';

export type SettleOutcome =
  | { kind: 'settled'; left: string[] }
  | { kind: 'index-locked'; lock: string }
  | { kind: 'write-failed'; reason: string };

type Versions = Map<string, FileVersion>;

const versions = async (repo: string, commit: string, roots: readonly string[]): Promise<Versions> =>
  new Map((await lsTree(repo, commit, roots)).map((e) => [e.path, { mode: e.mode, oid: e.oid }]));

const isRegular = (mode: string): boolean => mode === '100644' || mode === '100755';

const statOf = (abs: string) => lstat(abs).catch(() => null);

/**
 * Of `paths` (their index entry untouched, their file not matching it), the ones whose file the
 * write towards `after` made: gone, exactly `after`'s version, or the start of it.
 */
async function writtenByOperation(repo: string, gitDir: string, paths: readonly string[], after: Versions): Promise<Set<string>> {
  const ours = new Set<string>();
  const present: string[] = [];
  for (const p of paths) {
    if ((await statOf(path.join(repo, p))) === null) ours.add(p);
    else if (after.has(p)) present.push(p);
  }
  if (present.length === 0) return ours;
  const scratch = await scratchDir(gitDir);
  try {
    const differ = await worktreeDiffers(repo, { file: path.join(scratch, 'index') }, present.map((p) => ({ path: p, ...(after.get(p) as FileVersion) })));
    for (const p of present) {
      if (!differ.has(p)) ours.add(p);
      else if (await cutShort(repo, gitDir, scratch, p, after.get(p) as FileVersion)) ours.add(p);
    }
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
  return ours;
}

/** Is the file a shorter start of the blob (git killed between creating it and writing it all)? */
async function cutShort(repo: string, gitDir: string, scratch: string, rel: string, want: FileVersion): Promise<boolean> {
  const abs = path.join(repo, rel);
  const st = await statOf(abs);
  if (!isRegular(want.mode) || st === null || !st.isFile()) return false;
  const blob = await readFile(await unpackBlob(gitDir, scratch, want.oid));
  if (st.size >= blob.length) return false;
  const file = await readFile(abs);
  return file.length < blob.length && blob.subarray(0, file.length).equals(file);
}

/** Is every folder on the way to `rel` a real folder (no link to write or remove through)? */
async function plainWayTo(repo: string, rel: string): Promise<boolean> {
  for (const dir of parentPaths(rel)) {
    const st = await statOf(path.join(repo, dir));
    if (st === null || st.isSymbolicLink() || !st.isDirectory()) return false;
  }
  return true;
}

/** Removes a file the operation wrote where `before` has none; never a folder, never through a link. */
async function removeWritten(repo: string, rel: string): Promise<boolean> {
  const st = await statOf(path.join(repo, rel));
  if (st !== null && st.isDirectory()) return false;
  if (!(await plainWayTo(repo, rel))) return false;
  await rm(path.join(repo, rel), { force: true });
  return true;
}

/** Removes the folders git made for `after`'s files that `before` lacks, once empty, deepest first. */
async function removeEmptyFolders(repo: string, after: Versions, before: Versions): Promise<void> {
  const kept = new Set([...before.keys()].flatMap(parentPaths));
  const made = [...new Set([...after.keys()].flatMap(parentPaths))].filter((d) => !kept.has(d));
  for (const dir of made.sort((a, b) => b.split('/').length - a.split('/').length)) {
    // rmdir refuses a folder that holds anything: such a folder stays.
    if (await plainWayTo(repo, `${dir}/x`)) await rmdir(path.join(repo, dir)).catch(() => undefined);
  }
}

/** git's own line about why it failed (its `fatal:` line, else its last), for a message. */
export const gitReason = (error: GitError): string => {
  const lines = error.stderr.split('\n').map((l) => l.trim()).filter(Boolean);
  return lines.find((l) => l.startsWith('fatal:')) ?? lines[lines.length - 1] ?? error.message;
};

/**
 * Brings the index and files of the journal's paths to `toward`'s side: 'after' when the branch
 * holds the operation's commit (`tip`, which may have more commits on top: paths they changed
 * are not touched), 'before' when the branch is at, or went back to, where the operation started.
 * Returns the paths left alone, or why nothing could be written.
 */
export async function settlePaths(repo: string, gitDir: string, journal: Journal, toward: 'before' | 'after', tip: string): Promise<SettleOutcome> {
  const [before, after, atTip, index, status] = await Promise.all([
    versions(repo, journal.before, journal.paths),
    versions(repo, journal.after, journal.paths),
    toward === 'after' && journal.after !== tip ? versions(repo, tip, journal.paths) : null,
    listIndexEntries(repo, journal.paths),
    statusOfPaths(repo, journal.paths),
  ]);
  const staged = new Map(index.filter((e) => e.stage === 0).map((e) => [e.path, { mode: e.mode, oid: e.oid }]));
  const unmerged = new Set(index.filter((e) => e.stage !== 0).map((e) => e.path));
  const dirty = new Set(status.filter((s) => s.worktree !== ' ').map((s) => s.path));
  const restore: string[] = [];
  const left: string[] = [];
  const unsure: string[] = [];
  for (const p of new Set([...before.keys(), ...after.keys()])) {
    const was = before.get(p) ?? null;
    const will = after.get(p) ?? null;
    if (sameVersion(was, will)) continue;
    if (atTip && !sameVersion(atTip.get(p) ?? null, will)) continue;
    const has = unmerged.has(p) ? undefined : (staged.get(p) ?? null);
    // The index entry moved to the new version: git finished this path (the file is whatever anyone made of it since).
    if (toward === 'after' && has !== undefined && sameVersion(has, will)) continue;
    if (has === undefined || !sameVersion(has, was)) left.push(p);
    else if (dirty.has(p)) unsure.push(p);
    else if (toward === 'after') restore.push(p);
  }
  const ours = await writtenByOperation(repo, gitDir, unsure, after);
  const remove: string[] = [];
  for (const p of unsure) {
    if (!ours.has(p)) left.push(p);
    else if (toward === 'after' || before.has(p)) restore.push(p);
    else remove.push(p);
  }
  if (restore.length > 0) {
    const lock = await indexLocked(repo);
    if (lock) return { kind: 'index-locked', lock };
  }
  for (const p of remove) if (!(await removeWritten(repo, p))) left.push(p);
  if (toward === 'before') await removeEmptyFolders(repo, after, before);
  try {
    await restoreFromCommit(repo, toward === 'after' ? journal.after : journal.before, restore);
  } catch (error) {
    if (error instanceof GitError) return { kind: 'write-failed', reason: gitReason(error) };
    throw error;
  }
  return { kind: 'settled', left };
}

export type PutBack = { back: true; undone: SettleOutcome } | { back: false };

/**
 * After the files of a moved branch could not be written: the branch goes back to where the
 * operation started (compare-and-swap from the operation's commit; hooks do not run, so none can
 * refuse the way back), then whatever the failed write left is undone. Not back: someone moved
 * the branch meanwhile.
 */
export async function putBranchBack(repo: string, gitDir: string, journal: Journal): Promise<PutBack> {
  const reason = `merge-sprint: put back ${journal.op} ${journal.rule.from} -> ${journal.rule.to}`;
  const swap = await swapRef(repo, `refs/heads/${journal.branch}`, journal.before, journal.after, reason);
  if (!swap.swapped) return { back: false };
  return { back: true, undone: await settlePaths(repo, gitDir, journal, 'before', journal.before) };
}
