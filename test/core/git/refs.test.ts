/** Resolving and listing refs in a real repository. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { headCommit, listRefs, resolveCommit } from '../../../electron/core/git/refs';
import { cleanup, git, makeCommit, makeRepo } from '../../helpers/repo';

let repo = '';
let first = '';
let second = '';
beforeAll(() => {
  repo = makeRepo();
  first = makeCommit(repo, { files: { a: '1\n' } });
  git(repo, ['tag', '-a', '-m', 'release', 'v1.0']);
  git(repo, ['tag', 'light']);
  second = makeCommit(repo, { files: { a: '2\n' }, branch: 'xen' });
});
afterAll(() => cleanup(repo));

describe('resolveCommit', () => {
  it('resolves branches, annotated and lightweight tags, ids and expressions to commit ids', async () => {
    expect(await resolveCommit(repo, 'main')).toEqual({ ok: true, value: first });
    expect(await resolveCommit(repo, 'v1.0')).toEqual({ ok: true, value: first });
    expect(await resolveCommit(repo, 'light')).toEqual({ ok: true, value: first });
    expect(await resolveCommit(repo, 'xen~1')).toEqual({ ok: true, value: first });
    expect(await resolveCommit(repo, second.slice(0, 10))).toEqual({ ok: true, value: second });
  });

  it('names an unknown ref and says how to list the real ones', async () => {
    const result = await resolveCommit(repo, 'no-such-branch');
    expect(result.ok ? null : result.error.code).toBe('unknown-ref');
    expect(result.ok ? '' : result.error.message).toContain('"no-such-branch"');
    expect(result.ok ? '' : result.error.message).toContain('git branch -a');
    expect(result.ok ? '' : result.error.message).toContain('git tag');
  });

  it('refuses a ref that names a tree or a blob rather than a commit', async () => {
    const result = await resolveCommit(repo, 'main:a');
    expect(result.ok ? null : result.error.code).toBe('unknown-ref');
  });

  it('never passes a ref starting with "-" to git', async () => {
    const result = await resolveCommit(repo, '--output=/tmp/owned');
    expect(result.ok ? null : result.error.code).toBe('bad-input');
    expect(result.ok ? '' : result.error.message).toContain('option');
    const empty = await resolveCommit(repo, ' ');
    expect(empty.ok ? null : empty.error.code).toBe('bad-input');
  });
});

describe('listRefs and headCommit', () => {
  it('lists branches and tags with the current branch', async () => {
    expect(await listRefs(repo)).toEqual({ branches: ['main', 'xen'], tags: ['light', 'v1.0'], current: 'xen' });
    expect(await headCommit(repo)).toEqual({ ok: true, value: second });
  });

  it('has no current branch on a detached HEAD', async () => {
    git(repo, ['checkout', '-q', '--detach', 'main']);
    try {
      expect((await listRefs(repo)).current).toBeNull();
      expect(await headCommit(repo)).toEqual({ ok: true, value: first });
    } finally {
      git(repo, ['checkout', '-q', 'xen']);
    }
  });

  it('reports an unborn branch as empty', async () => {
    const empty = makeRepo();
    try {
      expect(await listRefs(empty)).toEqual({ branches: [], tags: [], current: null });
      const head = await headCommit(empty);
      expect(head.ok ? null : head.error.code).toBe('empty-repository');
    } finally {
      cleanup(empty);
    }
  });
});
