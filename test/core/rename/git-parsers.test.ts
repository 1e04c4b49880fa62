/** The rename engine's git parsers: on fixed strings, and on what git itself prints for awkward names. */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { parseGrep, grepFixed } from '../../../electron/core/git/grep';
import { listIndexEntries, parseLsFilesStage } from '../../../electron/core/git/staging-index';
import { diffWithRenames } from '../../../electron/core/git/diff-tree';
import { parseStatus, statusOfPaths } from '../../../electron/core/git/status';
import { parseWorktreeList } from '../../../electron/core/git/worktree';
import { currentBranch } from '../../../electron/core/git/commit';
import { swapRef } from '../../../electron/core/git/update-ref';
import { cleanup, git, makeCommit, makeRepo } from '../../helpers/repo';

const repos: string[] = [];
afterEach(() => cleanup(...repos.splice(0)));
const AWKWARD = 'dir/new\nline "q" ü.c';

describe('parsers on fixed strings', () => {
  test('status', () => {
    expect(parseStatus(' M a b.c\0?? new\nline\0!! x.o\0')).toEqual([
      { index: ' ', worktree: 'M', path: 'a b.c' },
      { index: '?', worktree: '?', path: 'new\nline' },
      { index: '!', worktree: '!', path: 'x.o' },
    ]);
    expect(() => parseStatus('bad\0')).toThrow();
  });

  test('ls-files -s', () => {
    expect(parseLsFilesStage('100755 abc 0\ta\tb\u0000120000 def 2\tl\0')).toEqual([
      { mode: '100755', oid: 'abc', stage: 0, path: 'a\tb' },
      { mode: '120000', oid: 'def', stage: 2, path: 'l' },
    ]);
  });

  test('grep -z -n over a commit', () => {
    expect(parseGrep('c0ffee:Make\nfile\u00003\u0000obj-y += a/\nc0ffee:k.c\u000010\u0000#include "a/b.h"\n', 'c0ffee')).toEqual([
      { path: 'Make\nfile', line: 3, text: 'obj-y += a/' },
      { path: 'k.c', line: 10, text: '#include "a/b.h"' },
    ]);
  });

  test('worktree list --porcelain -z', () => {
    expect(parseWorktreeList('worktree /r\0HEAD aa\0branch refs/heads/main\0\0worktree /t/b\0HEAD bb\0detached\0locked why\0\0')).toEqual([
      { path: '/r', head: 'aa', locked: false },
      { path: '/t/b', head: 'bb', locked: true },
    ]);
  });
});

describe('parsers on what git prints', () => {
  test('status and index entries for a name with a newline, quotes and non-ASCII', async () => {
    const repo = makeRepo();
    repos.push(repo);
    makeCommit(repo, { files: { [AWKWARD]: 'x\n', 'dir/other.c': 'o\n' } });
    writeFileSync(path.join(repo, AWKWARD), 'changed\n');
    mkdirSync(path.join(repo, 'dir', 'sub'));
    writeFileSync(path.join(repo, 'dir', 'sub', 'u v.c'), 'untracked\n');
    expect(await statusOfPaths(repo, ['dir'])).toEqual([
      { index: ' ', worktree: 'M', path: AWKWARD },
      { index: '?', worktree: '?', path: 'dir/sub/u v.c' },
    ]);
    const entries = await listIndexEntries(repo, ['dir']);
    expect(entries.map((e) => e.path)).toEqual(['dir/new\nline "q" ü.c', 'dir/other.c']);
    expect(entries[0]?.oid).toBe(git(repo, ['rev-parse', `:${AWKWARD}`]).trim());
  });

  test('renames and grep hits for awkward names', async () => {
    const repo = makeRepo();
    repos.push(repo);
    const a = makeCommit(repo, { files: { [AWKWARD]: 'text that moves\n', 'Makefile': 'obj-y += dir/\n' } });
    const b = makeCommit(repo, { files: { [AWKWARD]: null, [`moved/${AWKWARD}`]: 'text that moves\n' } });
    expect(await diffWithRenames(repo, a, b, ['dir', 'moved'])).toMatchObject([{ status: 'R100', from: AWKWARD, path: `moved/${AWKWARD}` }]);
    expect(await grepFixed(repo, b, ['dir/', '-e'])).toEqual([{ path: 'Makefile', line: 1, text: 'obj-y += dir/' }]);
  });

  test('the branch swap refuses when the branch moved, and names the branch otherwise', async () => {
    const repo = makeRepo();
    repos.push(repo);
    const one = makeCommit(repo, { files: { a: '1\n' } });
    const two = makeCommit(repo, { files: { a: '2\n' } });
    expect(await currentBranch(repo)).toBe('main');
    expect(await swapRef(repo, 'refs/heads/main', one, one, 'test')).toMatchObject({ swapped: false, why: 'ref-moved' });
    expect(git(repo, ['rev-parse', 'main']).trim()).toBe(two);
    expect(await swapRef(repo, 'refs/heads/main', one, two, 'test')).toEqual({ swapped: true });
    expect(git(repo, ['rev-parse', 'main']).trim()).toBe(one);
    git(repo, ['checkout', '-q', '--detach']);
    expect(await currentBranch(repo)).toBeNull();
  });
});
