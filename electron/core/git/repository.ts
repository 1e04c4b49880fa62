/**
 * Opening a repository: is the folder there, is it a git work tree with at least one commit,
 * and where is its top level. Only reads; nothing is written.
 */
import { realpath, stat } from 'node:fs/promises';
import { fail, ok, type Result } from '../../../shared/result';
import { GitError } from './errors';
import { git, releaseRepository } from './exec';
import { commitId, repositoryKind, topLevel } from './rev-parse';

export interface OpenedRepository {
  /** The work tree's top level, with symbolic links resolved. */
  root: string;
}

export async function openRepository(path: string): Promise<Result<OpenedRepository>> {
  let folder: string;
  try {
    folder = await realpath(path);
    if (!(await stat(folder)).isDirectory()) {
      return fail('not-a-repository', `"${path}" is a file, not a folder: open the folder of a git clone.`);
    }
  } catch {
    return fail('not-found', `"${path}" does not exist: check the path, or clone the repository first.`);
  }

  let what: Awaited<ReturnType<typeof repositoryKind>>;
  try {
    what = await repositoryKind(folder);
  } catch (error) {
    if (!(error instanceof GitError)) throw error;
    return explainRefusal(path, error);
  }
  if (what === 'bare') {
    return fail('bare-repository', `"${path}" is a bare repository (no working tree): clone it (\`git clone ${path} DIR\`) and open the clone.`);
  }
  if (what === 'git-dir') {
    return fail('not-a-repository', `"${path}" is inside a repository's .git folder: open the folder that contains .git instead.`);
  }

  const [top, head, anyRef] = await Promise.all([
    topLevel(folder),
    // None: HEAD names a branch with no commit yet.
    commitId(folder, 'HEAD'),
    git(folder, ['for-each-ref', '--count=1', '--format=%(objectname)', 'refs/heads', 'refs/tags', 'refs/remotes']),
  ]);
  if (head === null && anyRef.stdout.trim() === '') {
    return fail('empty-repository', `"${path}" has no commits yet: commit something (or fetch the upstream and fork branches) first.`);
  }
  return ok({ root: await realpath(top) });
}

/** Lets go of what the git layer keeps for an opened repository, when the app closes it. */
export function closeRepository(root: string): void {
  releaseRepository(root);
}

/** git exits 128 outside a repository, and also for one owned by another user (safe.directory). */
function explainRefusal(path: string, error: GitError): Result<never> {
  if (error.kind === 'dubious-ownership') {
    return fail('refused', `git refuses "${path}" because another user owns it: if you trust it, run \`git config --global --add safe.directory ${path}\`.`);
  }
  if (error.kind === 'not-a-repository') {
    return fail('not-a-repository', `"${path}" is not a git repository: open the folder of a git clone (or run \`git init\` there).`);
  }
  return fail('git-failed', `git could not read "${path}": ${error.stderr.trim()}`, {
    operation: error.operation,
    args: error.args,
    stderr: error.stderr,
    kind: error.kind,
    ...(error.exitCode === null ? {} : { exitCode: error.exitCode }),
  });
}
