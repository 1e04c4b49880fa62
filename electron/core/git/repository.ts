/**
 * Opening a repository: is the folder there, is it a git work tree with at least one commit,
 * and where is its top level. Only reads; nothing is written.
 */
import { realpath, stat } from 'node:fs/promises';
import { fail, ok, type Result } from '../../../shared/result';
import { GitError } from './errors';
import { git } from './exec';

export interface OpenedRepository {
  /** The work tree's top level, with symbolic links resolved. */
  root: string;
}

/**
 * Answers of `git rev-parse --is-bare-repository --is-inside-work-tree`, one per line:
 *   "false\ntrue\n"   a work tree
 *   "true\nfalse\n"   a bare repository
 *   "false\nfalse\n"  inside a .git folder
 */
export function parseRepositoryKind(out: string): 'work-tree' | 'bare' | 'git-dir' {
  const [bare, inside] = out.split('\n');
  if (bare === 'true') return 'bare';
  return inside === 'true' ? 'work-tree' : 'git-dir';
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

  let kindOut: string;
  try {
    kindOut = (await git(folder, ['rev-parse', '--is-bare-repository', '--is-inside-work-tree'])).stdout;
  } catch (error) {
    if (!(error instanceof GitError)) throw error;
    return explainRefusal(path, error);
  }
  const what = parseRepositoryKind(kindOut);
  if (what === 'bare') {
    return fail('bare-repository', `"${path}" is a bare repository (no working tree): clone it (\`git clone ${path} DIR\`) and open the clone.`);
  }
  if (what === 'git-dir') {
    return fail('not-a-repository', `"${path}" is inside a repository's .git folder: open the folder that contains .git instead.`);
  }

  const [top, head, anyRef] = await Promise.all([
    git(folder, ['rev-parse', '--show-toplevel']),
    // Exit 1 with --quiet: HEAD names a branch with no commit yet.
    git(folder, ['rev-parse', '--verify', '--quiet', 'HEAD^{commit}'], { successExitCodes: [1] }),
    git(folder, ['for-each-ref', '--count=1', '--format=%(objectname)', 'refs/heads', 'refs/tags', 'refs/remotes']),
  ]);
  if (head.exitCode === 1 && anyRef.stdout.trim() === '') {
    return fail('empty-repository', `"${path}" has no commits yet: commit something (or fetch the upstream and fork branches) first.`);
  }
  const root = top.stdout.replace(/\n$/, '');
  return ok({ root: await realpath(root) });
}

/** git exits 128 outside a repository, and also for one owned by another user (safe.directory). */
function explainRefusal(path: string, error: GitError): Result<never> {
  if (/dubious ownership/.test(error.stderr)) {
    return fail('refused', `git refuses "${path}" because another user owns it: if you trust it, run \`git config --global --add safe.directory ${path}\`.`);
  }
  if (/not a git repository/i.test(error.stderr)) {
    return fail('not-a-repository', `"${path}" is not a git repository: open the folder of a git clone (or run \`git init\` there).`);
  }
  return fail('git-failed', `git could not read "${path}": ${error.stderr.trim()}`, {
    operation: error.operation,
    args: error.args,
    stderr: error.stderr,
    ...(error.exitCode === null ? {} : { exitCode: error.exitCode }),
  });
}
