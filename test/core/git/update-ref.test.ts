/** The one compare-and-swap of a ref, against real git: each way it can lose, told apart. */
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { swapRef } from '../../../electron/core/git/update-ref';
import { cleanup, git, makeCommit, makeRepo, tempDir } from '../../helpers/repo';

const dirs: string[] = [];
afterAll(() => cleanup(...dirs));

function repoWithTwoCommits(): { repo: string; one: string; two: string } {
  const repo = makeRepo(tempDir());
  dirs.push(repo);
  const one = makeCommit(repo, { files: { a: '1\n' } });
  const two = makeCommit(repo, { files: { a: '2\n' } });
  return { repo, one, two };
}

const at = (repo: string, ref: string): string => git(repo, ['rev-parse', '--verify', '--quiet', ref]).trim();

describe('swapRef', () => {
  it('creates a ref only while it does not exist, and says when someone made it first', async () => {
    const { repo, one, two } = repoWithTwoCommits();
    expect(await swapRef(repo, 'refs/merge-sprint/x', one, '', 'test')).toEqual({ swapped: true });
    expect(await swapRef(repo, 'refs/merge-sprint/x', two, '', 'test')).toMatchObject({ swapped: false, why: 'ref-moved' });
    expect(at(repo, 'refs/merge-sprint/x')).toBe(one);
    expect(await swapRef(repo, 'refs/merge-sprint/x', two, null, 'test')).toEqual({ swapped: true });
    expect(at(repo, 'refs/merge-sprint/x')).toBe(two);
  });

  it('leaves a ref whose lock another writer holds, and the lock, alone', async () => {
    const { repo, one, two } = repoWithTwoCommits();
    const lock = path.join(repo, '.git', 'refs', 'heads', 'main.lock');
    writeFileSync(lock, '');
    expect(await swapRef(repo, 'refs/heads/main', one, two, 'test')).toMatchObject({ swapped: false, why: 'ref-locked' });
    expect(at(repo, 'refs/heads/main')).toBe(two);
    expect(git(repo, ['status', '--porcelain', '--ignored']).includes('main.lock')).toBe(false);
    cleanup(lock);
  });

  it('quotes a reference-transaction hook that refuses, and runs none unless asked', async () => {
    const { repo, one, two } = repoWithTwoCommits();
    const hooks = path.join(repo, '.git', 'hooks');
    mkdirSync(hooks, { recursive: true });
    writeFileSync(path.join(hooks, 'reference-transaction'), '#!/bin/sh\necho "no moves during the freeze" >&2\nexit 1\n');
    chmodSync(path.join(hooks, 'reference-transaction'), 0o755);
    const refused = await swapRef(repo, 'refs/heads/main', one, two, 'test', { runHooks: true });
    expect(refused).toMatchObject({ swapped: false, why: 'hook-refused', hookOutput: expect.stringContaining('no moves during the freeze') });
    expect(refused.swapped === false && refused.why === 'hook-refused' && refused.hookOutput).not.toContain('aborted by hook');
    expect(at(repo, 'refs/heads/main')).toBe(two);
    expect(await swapRef(repo, 'refs/heads/main', one, two, 'test')).toEqual({ swapped: true });
  });
});
