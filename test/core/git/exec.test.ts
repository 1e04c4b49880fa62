/**
 * The git runner under the environment a user really has: editor and pager variables set by the
 * shell or by npm, GIT_* variables left over from another tool, and the caller's own GIT_*
 * variables (a committer, a temporary index), which must reach git while the others never do.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { GitError } from '../../../electron/core/git/errors';
import { git } from '../../../electron/core/git/exec';
import { cleanup, git as gitSync, makeCommit, makeRepo, tempDir } from '../../helpers/repo';

const dirs: string[] = [];
afterAll(() => cleanup(...dirs));

const AMBIENT = {
  EDITOR: 'vim',
  VISUAL: 'code --wait',
  PAGER: 'less',
  GIT_EDITOR: 'nano',
  GIT_PAGER: 'delta',
  GIT_COMMITTER_NAME: 'Somebody Else',
};

describe('git() with the variables of a real shell', () => {
  let saved: Record<string, string | undefined>;
  beforeEach(() => {
    saved = Object.fromEntries(Object.keys(AMBIENT).map((k) => [k, process.env[k]]));
    Object.assign(process.env, AMBIENT);
  });
  afterEach(() => {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  });

  it('runs git, passing the caller\'s committer and not the inherited one', async () => {
    const repo = makeRepo(tempDir());
    dirs.push(repo);
    makeCommit(repo, { files: { a: '1\n' } });
    const ident = await git(repo, ['var', 'GIT_COMMITTER_IDENT'], { env: { GIT_COMMITTER_NAME: 'Ada Caller' } });
    expect(ident.stdout).toMatch(/^Ada Caller </);
    const plain = await git(repo, ['var', 'GIT_COMMITTER_IDENT']);
    expect(plain.stdout).not.toContain('Somebody Else');
  });

  it('gives git none of the inherited editors', async () => {
    const repo = makeRepo(tempDir());
    dirs.push(repo);
    const editor = await git(repo, ['var', 'GIT_EDITOR'], { successExitCodes: [128] });
    expect(editor.stdout).not.toMatch(/nano|code|vim/);
  });

});

describe('git(): one runner for every call', () => {
  const repo = makeRepo(tempDir());
  dirs.push(repo);
  makeCommit(repo, { files: { a: '1\n' } });

  it('writes standard input, with and without an environment of its own', async () => {
    const plain = await git(repo, ['stripspace'], { input: 'ada  \n\n\n' });
    expect(plain.stdout).toBe('ada\n');
    const withEnv = await git(repo, ['hash-object', '--stdin'], { input: '1\n', env: { GIT_COMMITTER_NAME: 'Ada' } });
    const fromFile = await git(repo, ['rev-parse', 'HEAD:a']);
    expect(withEnv.stdout).toBe(fromFile.stdout);
  });

  it('closes standard input when the input is empty, so git reads an empty stream', async () => {
    const empty = await git(repo, ['mktree'], { input: '' });
    const known = await git(repo, ['hash-object', '-t', 'tree', '--stdin'], { input: Buffer.alloc(0) });
    expect(empty.stdout).toMatch(/^[0-9a-f]{40}\n$/);
    expect(empty.stdout).toBe(known.stdout);
  }, 5000);

  it('gives each of many concurrent calls its own input', async () => {
    const texts = Array.from({ length: 24 }, (_, i) => `line ${i}  \n\n`);
    const outs = await Promise.all(texts.map((input) => git(repo, ['stripspace'], { input })));
    expect(outs.map((o) => o.stdout)).toEqual(texts.map((_, i) => `line ${i}\n`));
  });

  it('answers a declared exit code with its output, and fails on any other with a kind', async () => {
    const unset = await git(repo, ['config', '--get', '--end-of-options', 'merge-sprint.nothing'], { successExitCodes: [1] });
    expect(unset).toEqual({ stdout: '', exitCode: 1, stderr: '' });
    const failure = await git(repo, ['rev-parse', '--verify', '--end-of-options', 'nope^{commit}']).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(GitError);
    expect(failure).toMatchObject({ kind: 'unknown-revision', exitCode: 128, operation: 'rev-parse' });
  });

  it('reports a command that prints nothing as soon as it ends (no fixed wait after silence)', async () => {
    const time = async (args: string[]): Promise<number> => {
      const start = performance.now();
      for (let i = 0; i < 10; i++) await git(repo, args, { successExitCodes: [1] });
      return (performance.now() - start) / 10;
    };
    await time(['rev-parse', '--git-dir']);
    const printing = await time(['rev-parse', '--git-dir']);
    const silent = await time(['config', '--get', '--end-of-options', 'merge-sprint.nothing']);
    // simple-git's own wait after a silent command is 50 ms; both commands cost about the same.
    expect(silent).toBeLessThan(printing + 25);
  });

  it('runs at most six git processes at once in a repository, those with an environment of their own included', async () => {
    // Each call is a git process that runs a shell alias, which marks its start and end in a file.
    const marks = path.join(tempDir(), 'marks');
    dirs.push(path.dirname(marks));
    const slow = makeRepo(tempDir());
    dirs.push(slow);
    gitSync(slow, ['config', 'alias.wait', `!f() { echo start >> "${marks}"; sleep 0.2; echo end >> "${marks}"; }; f`]);
    const calls = Array.from({ length: 16 }, (_, i) => git(slow, ['wait'], i % 2 === 0 ? { env: { GIT_COMMITTER_NAME: 'Ada' } } : {}));
    await Promise.all(calls);
    let running = 0;
    let most = 0;
    for (const mark of readFileSync(marks, 'utf8').trim().split('\n')) {
      running += mark === 'start' ? 1 : -1;
      most = Math.max(most, running);
    }
    expect(most).toBe(6);
  });
});
