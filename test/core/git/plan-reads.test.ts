/**
 * The reads a sync makes few of: both plan heads in one for-each-ref, the new commits and their
 * ancestry in one log walk, and the empty tree's id asked once per repository, whatever its hash.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { readMessagesSince } from '../../../electron/core/git/log';
import { parseRefCommits, readRefCommits } from '../../../electron/core/git/refs';
import { emptyTree, emptyTreeId } from '../../../electron/core/git/trees';
import { cleanup, git, makeCommit, makeRepo, tempDir } from '../../helpers/repo';

const dirs: string[] = [];
afterAll(() => cleanup(...dirs));

function repoWithHistory() {
  const repo = makeRepo();
  dirs.push(repo);
  const a = makeCommit(repo, { files: { f: '1\n' }, message: 'a' });
  const b = makeCommit(repo, { files: { f: '2\n' }, message: 'b' });
  const c = makeCommit(repo, { files: { f: '3\n' }, message: 'c' });
  git(repo, ['checkout', '-q', '-b', 'side', a]);
  const d = makeCommit(repo, { files: { g: '1\n' }, message: 'd' });
  return { repo, a, b, c, d };
}

describe('readMessagesSince', () => {
  it('lists the new commits, not the boundary, and says the old head is an ancestor', async () => {
    const { repo, a, b, c } = repoWithHistory();
    const read = await readMessagesSince(repo, c, a);
    expect(read.commits.map((x) => x.commit)).toEqual([c, b]);
    expect(read.commits[0]?.message).toBe('c\n');
    expect(read.descends).toBe(true);
  });

  it('says so when the old head is not an ancestor of the new one', async () => {
    const { repo, a, c, d } = repoWithHistory();
    const read = await readMessagesSince(repo, d, c);
    expect(read.commits.map((x) => x.commit)).toEqual([d]);
    expect(read.descends).toBe(false);
    // The walk's boundary here is a, their common ancestor, which is not the old head.
    expect((await readMessagesSince(repo, d, a)).descends).toBe(true);
  });
});

describe('readRefCommits', () => {
  it('reads the named refs, with their trees, and leaves out missing refs and non-commits', async () => {
    const { repo, c, d } = repoWithHistory();
    git(repo, ['update-ref', 'refs/merge-sprint/plan', c]);
    git(repo, ['update-ref', 'refs/merge-sprint/remotes/origin/plan', `${d}^{tree}`]);
    const found = await readRefCommits(repo, ['refs/merge-sprint/plan', 'refs/merge-sprint/remotes/origin/plan', 'refs/merge-sprint/remotes/nobody/plan']);
    expect([...found.keys()]).toEqual(['refs/merge-sprint/plan']);
    expect(found.get('refs/merge-sprint/plan')).toEqual({ commit: c, tree: git(repo, ['rev-parse', `${c}^{tree}`]).trim() });
  });

  it('parses only commit lines', () => {
    const out = 'refs/a\0commit\0' + '1'.repeat(40) + '\0' + '2'.repeat(40) + '\nrefs/t\0tag\0' + '3'.repeat(40) + '\0\n';
    expect([...parseRefCommits(out)]).toEqual([['refs/a', { commit: '1'.repeat(40), tree: '2'.repeat(40) }]]);
  });
});

describe('emptyTree', () => {
  it.each([['sha1', 40], ['sha256', 64]])('gives the empty tree of a %s repository, asking git once', async (format, length) => {
    const repo = tempDir();
    dirs.push(repo);
    git(repo, ['init', '-q', `--object-format=${format}`, repo]);
    const id = await emptyTree(repo);
    expect(id).toBe(emptyTreeId(length));
    expect(git(repo, ['cat-file', '-t', id]).trim()).toBe('tree');
    // Asked once: a second call gives the same promise's answer without running git.
    expect(emptyTree(repo)).toBe(emptyTree(repo));
  });
});
