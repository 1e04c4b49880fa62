/**
 * Three-way merge of one file's versions, in a scratch folder outside the working tree: blobs
 * are unpacked to files, `git merge-file` merges them in place (bytes untouched, whatever the
 * encoding), and a clean result is stored as a blob.
 */
import path from 'node:path';
import { git } from './exec';

/**
 * Writes blob `oid` of the repository whose git folder is `gitDir` into `scratch`; returns the
 * file's path. `git unpack-file` prints the name it chose in the current folder:
 *   ".merge_file_Xc8Ab2\n"
 * The git folder is named by GIT_DIR: simple-git refuses a `--git-dir` option.
 */
export async function unpackBlob(gitDir: string, scratch: string, oid: string): Promise<string> {
  const out = await git(scratch, ['unpack-file', oid], { env: { GIT_DIR: gitDir } });
  return path.join(scratch, out.stdout.trim());
}

/**
 * Merges into `current` the changes from `base` to `other` (`git merge-file --diff3`); returns
 * the number of conflicts, 0 for a clean merge. The labels name the sides in conflict markers.
 */
export async function mergeFileInPlace(
  scratch: string,
  files: { current: string; base: string; other: string },
  labels: { current: string; base: string; other: string },
): Promise<number> {
  const args = ['merge-file', '--diff3', '-L', labels.current, '-L', labels.base, '-L', labels.other, '--', files.current, files.base, files.other];
  // merge-file exits with the number of conflicts (capped at 127); only a negative exit (255) is an error.
  const conflictCounts = Array.from({ length: 127 }, (_, i) => i + 1);
  const out = await git(scratch, args, { successExitCodes: conflictCounts });
  return out.exitCode;
}

/** Stores `file` as a blob in the repository, byte for byte (no clean filters); returns its id ("3e75765...\n"). */
export async function storeFileAsBlob(repo: string, file: string): Promise<string> {
  const out = await git(repo, ['hash-object', '-w', '--no-filters', '--', file]);
  return out.stdout.trim();
}
