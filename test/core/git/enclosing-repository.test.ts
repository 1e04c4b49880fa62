/** enclosingRepository on real folders: outside any repository, in a work tree, in a git folder, in a bare repository. */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { enclosingRepository } from '../../../electron/core/git/enclosing-repository';
import { cleanup, git, makeCommit, makeRepo, tempDir } from '../../helpers/repo';

const scratch = tempDir();
afterAll(() => cleanup(scratch));

describe('enclosingRepository', () => {
  it('tells a plain folder, a work tree (with its top), a git folder and a bare repository apart', async () => {
    const plain = path.join(scratch, 'plain');
    mkdirSync(plain);
    const repo = makeRepo(path.join(scratch, 'repo'));
    makeCommit(repo, { files: { 'src/a.c': 'a\n' } });
    const bare = path.join(scratch, 'bare.git');
    git(scratch, ['init', '-q', '--bare', bare]);
    expect(await enclosingRepository(plain)).toEqual({ kind: 'none' });
    expect(await enclosingRepository(path.join(repo, 'src'))).toEqual({ kind: 'work-tree', top: repo });
    expect(await enclosingRepository(path.join(repo, '.git', 'refs'))).toEqual({ kind: 'git-dir' });
    expect(await enclosingRepository(path.join(bare, 'refs'))).toEqual({ kind: 'git-dir' });
  });
});
