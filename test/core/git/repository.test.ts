/** openRepository on real folders: a clone, a subfolder, and every kind of folder that is not one. */
import { chownSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openRepository } from '../../../electron/core/git/repository';
import { cleanup, git, makeCommit, makeRepo, tempDir } from '../../helpers/repo';

const dirs: string[] = [];
const temp = (): string => {
  const d = tempDir();
  dirs.push(d);
  return d;
};
afterAll(() => cleanup(...dirs));

describe('openRepository', () => {
  // Only root can give a folder to another user; elsewhere git's refusal cannot be provoked.
  it.runIf(process.getuid?.() === 0)('explains git\'s refusal of a repository another user owns, with the command that trusts it', async () => {
    const repo = makeRepo(temp());
    makeCommit(repo, { files: { a: '1\n' } });
    chownSync(repo, 65534, 65534);
    const opened = await openRepository(repo);
    expect(opened).toMatchObject({ ok: false, error: { code: 'refused' } });
    expect(opened.ok || opened.error.message).toContain(`safe.directory ${repo}`);
  });

  it('returns the top level of a work tree, from the top or from a subfolder, symlinks resolved', async () => {
    const repo = makeRepo(temp());
    makeCommit(repo, { files: { 'src/a.c': 'a\n' } });
    expect(await openRepository(repo)).toEqual({ ok: true, value: { root: repo } });
    expect(await openRepository(path.join(repo, 'src'))).toEqual({ ok: true, value: { root: repo } });
    const link = path.join(temp(), 'link');
    symlinkSync(repo, link);
    expect(await openRepository(link)).toEqual({ ok: true, value: { root: repo } });
  });

  it('accepts a repository whose HEAD branch is unborn when other branches have commits', async () => {
    const repo = makeRepo(temp());
    makeCommit(repo, { files: { a: '1\n' } });
    git(repo, ['checkout', '-q', '--orphan', 'fresh']);
    expect((await openRepository(repo)).ok).toBe(true);
  });

  it('says so when the path does not exist or is a file', async () => {
    const missing = await openRepository(path.join(temp(), 'nope'));
    expect(missing.ok ? null : missing.error.code).toBe('not-found');
    expect(missing.ok ? '' : missing.error.message).toContain('does not exist');
    const file = path.join(temp(), 'file.txt');
    writeFileSync(file, 'x');
    const asFile = await openRepository(file);
    expect(asFile.ok ? null : asFile.error.code).toBe('not-a-repository');
    expect(asFile.ok ? '' : asFile.error.message).toContain('is a file');
  });

  it('refuses a folder that is not a repository', async () => {
    const plain = temp();
    mkdirSync(path.join(plain, 'sub'));
    const result = await openRepository(path.join(plain, 'sub'));
    expect(result.ok ? null : result.error.code).toBe('not-a-repository');
    expect(result.ok ? '' : result.error.message).toMatch(/not a git repository/);
  });

  it('refuses a bare repository and writes nothing into it', async () => {
    const bare = temp();
    git(bare, ['init', '-q', '--bare', bare]);
    const before = git(bare, ['count-objects', '-v']) + git(bare, ['for-each-ref']);
    const result = await openRepository(bare);
    expect(result.ok ? null : result.error.code).toBe('bare-repository');
    expect(result.ok ? '' : result.error.message).toMatch(/bare.*clone/);
    expect(git(bare, ['count-objects', '-v']) + git(bare, ['for-each-ref'])).toBe(before);
  });

  it('refuses a repository with no commits and leaves it empty', async () => {
    const empty = makeRepo(temp());
    writeFileSync(path.join(empty, 'untracked.txt'), 'x\n');
    const before = git(empty, ['status', '--porcelain']);
    const result = await openRepository(empty);
    expect(result.ok ? null : result.error.code).toBe('empty-repository');
    expect(result.ok ? '' : result.error.message).toMatch(/no commits/);
    expect(git(empty, ['status', '--porcelain'])).toBe(before);
    expect(git(empty, ['for-each-ref'])).toBe('');
  });

  it('refuses the .git folder itself', async () => {
    const repo = makeRepo(temp());
    makeCommit(repo, { files: { a: '1\n' } });
    const result = await openRepository(path.join(repo, '.git'));
    expect(result.ok ? null : result.error.code).toBe('not-a-repository');
    expect(result.ok ? '' : result.error.message).toMatch(/\.git folder/);
  });
});
