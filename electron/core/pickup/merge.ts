/**
 * One file of a fork commit merged into the sprint branch's version of it: three-way, the fork
 * commit's parent as base, the sprint's file as ours, the fork commit's file as theirs, so the
 * team's own edits survive. Where either side left the file as the base had it, no merge runs
 * (most files of a pick-up); text changed on both sides goes through `git merge-file`; what
 * cannot be merged line by line (binary files, symlinks, submodules, clashing modes) is a
 * conflict unless ours is still the base.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseConflictHunks } from '../../../shared/rename/conflicts';
import { SUBMODULE_MODE, SYMLINK_MODE, type FileVersion } from '../../../shared/rename/model';
import type { PickupConflict } from '../../../shared/pickup/model';
import { mergeFileInPlace, storeFileAsBlob, unpackBlob } from '../git/merge-file';

export type Version = FileVersion | null;
export type FileMerge = { result: Version } | { conflict: Omit<PickupConflict, 'path' | 'lands'> };

export const same = (a: Version, b: Version): boolean => (a === null ? b === null : b !== null && a.mode === b.mode && a.oid === b.oid);

/** git's own test for binary content: a NUL byte in the first 8000 bytes. */
const looksBinary = (data: Buffer): boolean => data.subarray(0, 8000).includes(0);

/** Labels in conflict markers stay on one line whatever the file names hold. */
const label = (p: string): string => p.replace(/[\r\n]/g, ' ');

export interface MergeScratch {
  repo: string;
  gitDir: string;
  dir: string;
}

/** The merge of `theirs` into `ours` over `base` (null: no such file on that side). */
export async function mergeVersions(scratch: MergeScratch, base: Version, ours: Version, theirs: Version, names: { ours: string; theirs: string }): Promise<FileMerge> {
  if (same(ours, base) || same(ours, theirs)) return { result: theirs };
  if (same(theirs, base)) return { result: ours };
  if (ours === null) return { conflict: { reason: base === null ? 'added-on-both' : 'deleted-here', hunks: [] } };
  if (theirs === null) return { conflict: { reason: 'deleted-in-fork', hunks: [] } };
  if (base === null && ours.oid !== theirs.oid) return { conflict: { reason: 'added-on-both', hunks: [] } };
  const modes = [base?.mode, ours.mode, theirs.mode];
  const mode = ours.mode === theirs.mode ? ours.mode : base?.mode === ours.mode ? theirs.mode : base?.mode === theirs.mode ? ours.mode : null;
  if (mode === null) return { conflict: { reason: 'mode', hunks: [] } };
  // Only the mode changed on one side, the content on the other (or the same content on both).
  if (ours.oid === theirs.oid || base?.oid === ours.oid) return { result: { mode, oid: theirs.oid } };
  if (base?.oid === theirs.oid) return { result: { mode, oid: ours.oid } };
  if (modes.includes(SUBMODULE_MODE)) return { conflict: { reason: 'submodule', hunks: [] } };
  if (modes.includes(SYMLINK_MODE)) return { conflict: { reason: 'symlink', hunks: [] } };
  const dir = path.join(scratch.dir, `merge-${Math.random().toString(36).slice(2, 10)}`);
  await mkdir(dir);
  const current = await unpackBlob(scratch.gitDir, dir, ours.oid);
  const other = await unpackBlob(scratch.gitDir, dir, theirs.oid);
  let baseFile: string;
  if (base) baseFile = await unpackBlob(scratch.gitDir, dir, base.oid);
  else {
    baseFile = path.join(dir, 'empty-base');
    await writeFile(baseFile, '');
  }
  const contents = await Promise.all([current, other, baseFile].map((f) => readFile(f)));
  if (contents.some(looksBinary)) return { conflict: { reason: 'binary', hunks: [] } };
  const conflicts = await mergeFileInPlace(dir, { current, base: baseFile, other }, { current: label(names.ours), base: 'fork parent', other: label(names.theirs) });
  if (conflicts > 0) return { conflict: { reason: 'content', hunks: parseConflictHunks(await readFile(current, 'utf8')) } };
  return { result: { mode, oid: await storeFileAsBlob(scratch.repo, current) } };
}
