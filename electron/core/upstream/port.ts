/**
 * Carrying one twin's upstream change into its fork copy: a three-way merge with the old twin as
 * the base, the new twin as theirs and the copy as ours, so that the fork's own changes to the
 * copy stay. Text merges run `git merge-file` on unpacked blobs in a scratch folder; what cannot
 * be merged line by line (binary files, symlinks, submodules, a twin upstream deleted, clashing
 * mode changes) is a conflict with its reason.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { SUBMODULE_MODE, SYMLINK_MODE } from '../../../shared/rename/check';
import { parseConflictHunks } from '../../../shared/rename/conflicts';
import type { FileVersion } from '../../../shared/rename/model';
import type { TwinConflictReason, TwinPort } from '../../../shared/upstream/model';
import { mergeFileInPlace, storeFileAsBlob, unpackBlob } from '../git/merge-file';

export interface TwinChange {
  path: string;
  twin: string;
  copy: FileVersion;
  /** The twin at the old base (null: upstream added it since) and at the new one (null: upstream deleted it). */
  oldTwin: FileVersion | null;
  newTwin: FileVersion | null;
}

export interface PortOutcome {
  port: TwinPort;
  /** The copy's new version, or null when nothing is written (a conflict, or upstream's change is there already). */
  write: FileVersion | null;
}

/** git's own test for binary content: a NUL byte in the first 8000 bytes. */
const looksBinary = (data: Buffer): boolean => data.subarray(0, 8000).includes(0);

/** Labels in conflict markers stay on one line whatever the file names hold. */
const label = (p: string): string => p.replace(/[\r\n]/g, ' ');

/** The copy's mode after the port: upstream's mode change is carried over unless the fork changed the mode differently. */
function portedMode(base: string | undefined, copy: string, next: string): string | null {
  if (copy === next || base === next) return copy;
  if (base === undefined || base === copy) return next;
  return null;
}

export async function portTwinChange(repo: string, gitDir: string, scratch: string, change: TwinChange): Promise<PortOutcome> {
  const { copy, oldTwin, newTwin } = change;
  const port = (status: TwinPort['status'], extra: Partial<TwinPort> = {}): TwinPort => ({
    path: change.path,
    twin: change.twin,
    status,
    alreadyThere: false,
    reason: null,
    hunks: [],
    ...extra,
  });
  const conflict = (reason: TwinConflictReason, hunks: TwinPort['hunks'] = []): PortOutcome => ({ port: port('conflict', { reason, hunks }), write: null });
  const already: PortOutcome = { port: port('clean', { alreadyThere: true }), write: null };
  if (newTwin === null) return conflict('deleted-upstream');
  if (copy.oid === newTwin.oid && copy.mode === newTwin.mode) return already;
  // An identical copy (the fork never changed it) simply becomes the new twin.
  if (oldTwin && copy.oid === oldTwin.oid && copy.mode === oldTwin.mode) return { port: port('clean'), write: newTwin };
  const modes = [oldTwin?.mode, copy.mode, newTwin.mode];
  if (modes.includes(SUBMODULE_MODE)) return conflict('submodule');
  if (modes.includes(SYMLINK_MODE)) return conflict('symlink');
  const mode = portedMode(oldTwin?.mode, copy.mode, newTwin.mode);
  if (mode === null) return conflict('mode');
  if (copy.oid === newTwin.oid) return { port: port('clean'), write: { mode, oid: copy.oid } };

  const dir = path.join(scratch, `port-${Math.random().toString(36).slice(2, 10)}`);
  await mkdir(dir);
  const ours = await unpackBlob(gitDir, dir, copy.oid);
  const theirs = await unpackBlob(gitDir, dir, newTwin.oid);
  let base: string;
  if (oldTwin) base = await unpackBlob(gitDir, dir, oldTwin.oid);
  else {
    base = path.join(dir, 'empty-base');
    await writeFile(base, '');
  }
  const contents = await Promise.all([ours, theirs, base].map((f) => readFile(f)));
  if (contents.some(looksBinary)) return conflict('binary');
  const conflicts = await mergeFileInPlace(dir, { current: ours, base, other: theirs }, {
    current: label(change.path),
    base: `${label(change.twin)} (old upstream)`,
    other: `${label(change.twin)} (new upstream)`,
  });
  if (conflicts > 0) return conflict('content', parseConflictHunks(await readFile(ours, 'utf8')));
  const oid = await storeFileAsBlob(repo, ours);
  if (oid === copy.oid && mode === copy.mode) return already;
  return { port: port('clean'), write: { mode, oid } };
}
