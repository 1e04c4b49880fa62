/**
 * The one classifier of git failures, on messages git 2.39 really printed (quoted as captured
 * with LC_ALL=C), and on the same failures provoked with real git through the runner.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { classifyGitError, GitError, type GitErrorKind } from '../../../electron/core/git/errors';
import { git } from '../../../electron/core/git/exec';
import { cleanup, makeCommit, makeRepo, tempDir } from '../../helpers/repo';

const LOCK_ADVICE =
  '\n\nAnother git process seems to be running in this repository, e.g.\nan editor opened by \'git commit\'. Please make sure all processes\n' +
  'are terminated then try again. If it still fails, a git process\nmay have crashed in this repository earlier:\nremove the file manually to continue.\n';

const QUOTED: readonly [GitErrorKind, number, string][] = [
  ['not-a-repository', 128, 'fatal: not a git repository (or any of the parent directories): .git\n'],
  ['dubious-ownership', 128, "fatal: detected dubious ownership in repository at '/tmp/hg-probe/other'\nTo add an exception for this directory, call:\n\n\tgit config --global --add safe.directory /tmp/hg-probe/other\n"],
  ['ref-moved', 128, "fatal: update_ref failed for ref 'refs/heads/master': cannot lock ref 'refs/heads/master': is at 55cb5021fcb7d7786bf40d1aaa9f3e8b40d7b8ab but expected fa701a63241313a9a76f43a10cc5f60e136ffc01\n"],
  ['ref-moved', 128, "fatal: cannot lock ref 'refs/heads/master': is at 55cb5021fcb7d7786bf40d1aaa9f3e8b40d7b8ab but expected fa701a63241313a9a76f43a10cc5f60e136ffc01\n"],
  ['ref-moved', 128, "fatal: update_ref failed for ref 'refs/heads/x': cannot lock ref 'refs/heads/x': reference already exists\n"],
  ['ref-moved', 128, "fatal: cannot lock ref 'refs/merge-sprint/none': unable to resolve reference 'refs/merge-sprint/none'\n"],
  ['ref-locked', 128, `fatal: update_ref failed for ref 'refs/heads/x': cannot lock ref 'refs/heads/x': Unable to create '/tmp/hg-probe/r/.git/refs/heads/x.lock': File exists.${LOCK_ADVICE}`],
  ['index-locked', 128, `fatal: Unable to create '/tmp/hg-probe/r/.git/index.lock': File exists.${LOCK_ADVICE}`],
  ['hook-refused', 128, 'no moves today\nno moves today\nfatal: ref updates aborted by hook\n'],
  ['unknown-revision', 128, 'fatal: Needed a single revision\n'],
  ['unknown-revision', 128, "fatal: bad revision 'nope'\n"],
  ['unknown-revision', 128, "fatal: ambiguous argument 'nope': unknown revision or path not in the working tree.\nUse '--' to separate paths from revisions, like this:\n'git <command> [<revision>...] -- [<file>...]'\n"],
  ['unknown-revision', 128, 'fatal: Not a valid object name nope\n'],
  ['conflict', 1, 'error: patch failed: q:1\nerror: q: patch does not apply\n'],
  ['bad-config', 128, 'error: bad config line 1 in blob 3a8d2ba3043ed527276df29765a438da94878fda\nfatal: error processing config file(s)\n'],
  ['other', 1, 'error: q: does not exist in index\n'],
];

describe('classifyGitError on git\'s own words', () => {
  it.each(QUOTED)('%s: exit %d', (kind, exitCode, stderr) => {
    expect(classifyGitError(exitCode, stderr)).toBe(kind);
  });

  it('a process that did not exit on its own was killed, whatever it printed', () => {
    expect(classifyGitError(null, 'fatal: not a git repository\n')).toBe('killed');
  });

  it('a hook that merely prints git\'s sentence is not git refusing', () => {
    expect(classifyGitError(1, 'hook says: fatal: ref updates aborted by hook, maybe\n')).toBe('other');
  });
});

describe('the same failures from real git, through the runner', () => {
  const dirs: string[] = [];
  afterAll(() => cleanup(...dirs));
  const repo = makeRepo(tempDir());
  dirs.push(repo);
  const first = makeCommit(repo, { files: { a: '1\n' } });
  const second = makeCommit(repo, { files: { a: '2\n' } });

  const kindOf = async (cwd: string, args: string[]): Promise<string> => {
    const error = await git(cwd, args).then(() => null, (e: unknown) => e);
    return error instanceof GitError ? error.kind : `no GitError: ${String(error)}`;
  };

  it('not a repository', async () => {
    const plain = tempDir();
    dirs.push(plain);
    expect(await kindOf(plain, ['rev-parse', '--git-dir'])).toBe('not-a-repository');
  });

  it('a compare-and-swap that lost, and one whose ref is locked', async () => {
    expect(await kindOf(repo, ['update-ref', 'refs/heads/main', second, first])).toBe('ref-moved');
    writeFileSync(path.join(repo, '.git', 'refs', 'heads', 'main.lock'), '');
    try {
      expect(await kindOf(repo, ['update-ref', 'refs/heads/main', first, second])).toBe('ref-locked');
    } finally {
      cleanup(path.join(repo, '.git', 'refs', 'heads', 'main.lock'));
    }
  });

  it('an index someone else holds', async () => {
    writeFileSync(path.join(repo, '.git', 'index.lock'), '');
    try {
      expect(await kindOf(repo, ['read-tree', second])).toBe('index-locked');
    } finally {
      cleanup(path.join(repo, '.git', 'index.lock'));
    }
  });

  it('an unknown revision', async () => {
    expect(await kindOf(repo, ['log', '--end-of-options', 'no-such-branch'])).toBe('unknown-revision');
  });
});
