/** Work-tree files against given versions, as git sees them: the same answer `git status` gives once they are staged. */
import { chmodSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { worktreeDiffers } from '../../../electron/core/git/diff-files';
import { cleanup, git, makeCommit, makeRepo, tempDir } from '../../helpers/repo';

let repo = '';
let scratch = '';
beforeAll(() => {
  repo = makeRepo();
  makeCommit(repo, { files: { 'same.c': 'same\n', 'edited.c': 'old\n', 'gone.c': 'gone\n', 'mode.sh': 'echo\n', 'new\nline.c': 'nl\n', link: { symlink: 'same.c' } } });
  scratch = tempDir();
});
afterAll(() => cleanup(repo, scratch));

const entry = (p: string) => {
  const [mode = '', , oid = ''] = git(repo, ['ls-tree', 'HEAD', '--', p]).split(/\s/);
  return { path: p, mode, oid };
};

test('names the files that are not the given version: other content, missing, another mode, another link target', async () => {
  const paths = ['same.c', 'edited.c', 'gone.c', 'mode.sh', 'new\nline.c', 'link'];
  const versions = paths.map(entry);
  writeFileSync(path.join(repo, 'edited.c'), 'new\n');
  rmSync(path.join(repo, 'gone.c'));
  chmodSync(path.join(repo, 'mode.sh'), 0o755);
  rmSync(path.join(repo, 'link'));
  symlinkSync('edited.c', path.join(repo, 'link'));
  const differ = await worktreeDiffers(repo, { file: path.join(scratch, 'index') }, versions);
  // git's own view of the same files against the same versions (HEAD's, which the index holds).
  const byGit = git(repo, ['diff-files', '-z', '--name-only']).split('\0').filter(Boolean);
  expect([...differ].sort()).toEqual(byGit.sort());
  expect([...differ].sort()).toEqual(['edited.c', 'gone.c', 'link', 'mode.sh']);
  // The repository's own index is untouched.
  expect(git(repo, ['diff', '--cached', '--name-only'])).toBe('');
});
