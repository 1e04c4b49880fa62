/**
 * Merging one file changed on both copies: three-way, with the interim copy (or the last clean
 * sync) as the base. Text merges run `git merge-file` on unpacked blobs in a scratch folder;
 * what cannot be merged line by line (binary files, symlinks, submodules, a file deleted on one
 * side, clashing mode changes) is a conflict with its reason.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseConflictHunks } from '../../../shared/rename/conflicts';
import { SUBMODULE_MODE, SYMLINK_MODE } from '../../../shared/rename/check';
import type { DriftFile, FileVersion, SyncConflict } from '../../../shared/rename/model';
import { mergeFileInPlace, storeFileAsBlob, unpackBlob } from '../git/merge-file';

export type MergeOutcome = { merged: FileVersion } | { conflict: SyncConflict };

/** git's own test for binary content: a NUL byte in the first 8000 bytes. */
const looksBinary = (data: Buffer): boolean => data.subarray(0, 8000).includes(0);

/** The merged mode: a side's change wins over no change; two different changes clash. */
function mergeMode(base: string | undefined, source: string, destination: string): string | null {
  if (source === destination) return source;
  if (base === source) return destination;
  if (base === destination) return source;
  return null;
}

/** Labels in conflict markers stay on one line whatever the file names hold. */
const label = (p: string): string => p.replace(/[\r\n]/g, ' ');

export async function mergeBothSides(repo: string, gitDir: string, scratch: string, file: DriftFile): Promise<MergeOutcome> {
  const { base, source, destination } = file;
  const conflict = (reason: SyncConflict['reason'], hunks: SyncConflict['hunks'] = []): MergeOutcome => ({
    conflict: { rel: file.rel, sourcePath: file.sourcePath, destinationPath: file.destinationPath, reason, hunks },
  });
  if (source === null || destination === null) return conflict('deleted-on-one-side');
  const modes = [base?.mode, source.mode, destination.mode];
  if (modes.includes(SUBMODULE_MODE)) return conflict('submodule');
  if (modes.includes(SYMLINK_MODE)) return conflict('symlink');
  const mode = mergeMode(base?.mode, source.mode, destination.mode);
  if (mode === null) return conflict('mode');
  if (source.oid === destination.oid) return { merged: { mode, oid: source.oid } };

  const dir = path.join(scratch, `merge-${Math.random().toString(36).slice(2, 10)}`);
  await mkdir(dir);
  const current = await unpackBlob(gitDir, dir, source.oid);
  const other = await unpackBlob(gitDir, dir, destination.oid);
  let baseFile: string;
  if (base) baseFile = await unpackBlob(gitDir, dir, base.oid);
  else {
    baseFile = path.join(dir, 'empty-base');
    await writeFile(baseFile, '');
  }
  const contents = await Promise.all([current, other, baseFile].map((f) => readFile(f)));
  if (contents.some(looksBinary)) return conflict('binary');
  const conflicts = await mergeFileInPlace(dir, { current, base: baseFile, other }, {
    current: label(file.sourcePath),
    base: 'interim copy',
    other: label(file.destinationPath),
  });
  if (conflicts > 0) return conflict('content', parseConflictHunks(await readFile(current, 'utf8')));
  return { merged: { mode, oid: await storeFileAsBlob(repo, current) } };
}
