/**
 * The git runner under the environment a user really has: editor and pager variables set by the
 * shell or by npm, GIT_* variables left over from another tool, and the caller's own GIT_*
 * variables (a committer, a temporary index), which must reach git while the others never do.
 */
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { gitClient, runGit } from '../../../electron/core/git/exec';
import { cleanup, makeCommit, makeRepo, tempDir } from '../../helpers/repo';

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

describe('runGit with the variables of a real shell', () => {
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
    const ident = await runGit(repo, 'var', ['var', 'GIT_COMMITTER_IDENT'], { env: { GIT_COMMITTER_NAME: 'Ada Caller' } });
    expect(ident.stdout).toMatch(/^Ada Caller </);
    const plain = await runGit(repo, 'var', ['var', 'GIT_COMMITTER_IDENT']);
    expect(plain.stdout).not.toContain('Somebody Else');
  });

  it('gives git none of the inherited editors', async () => {
    const repo = makeRepo(tempDir());
    dirs.push(repo);
    const editor = await runGit(repo, 'var', ['var', 'GIT_EDITOR'], { okExitCodes: [128] });
    expect(editor.stdout).not.toMatch(/nano|code|vim/);
  });

  it('serves the typed helpers too', async () => {
    const repo = makeRepo(tempDir());
    dirs.push(repo);
    makeCommit(repo, { files: { a: '1\n' } });
    const status = await gitClient(repo).status();
    expect(status.isClean()).toBe(true);
  });
});
