/** checkBranchName on a real repository: plain branch names pass, anything git would read otherwise is refused. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkBranchName } from '../../../electron/core/git/check-ref-format';
import { cleanup, git, makeCommit, makeRepo } from '../../helpers/repo';

let repo = '';
beforeAll(() => {
  repo = makeRepo();
  makeCommit(repo, { files: { a: '1\n' } });
  // A previous branch, so that git has something to expand "@{-1}" to.
  git(repo, ['checkout', '-q', '-b', 'earlier']);
  git(repo, ['checkout', '-q', 'main']);
});
afterAll(() => cleanup(repo));

describe('checkBranchName', () => {
  it('accepts plain branch names, with folders, dots and non-ASCII letters', async () => {
    for (const name of ['review', 'review/v1', 'xen-2.6.12', 'séries_v2']) expect(await checkBranchName(repo, name), name).toBeNull();
  });

  it('refuses names git refuses, each with the name and what to choose instead', async () => {
    for (const name of ['a..b', 'x.lock', 'a b', 'a~1', 'a^', 'a:b', 'a?b', 'a[b', 'a\\b', 'end/', '/start', 'a//b', 'a@{1}', 'x.', '.hidden']) {
      const why = await checkBranchName(repo, name);
      expect(why, name).toMatch(/not a valid branch name/);
      expect(why).toContain(`"${name}"`);
      expect(why).toMatch(/choose a plain branch name/);
    }
  });

  it('refuses options, full ref names, HEAD and the names git expands to another branch', async () => {
    expect(await checkBranchName(repo, '-x')).toMatch(/starts with "-"/);
    expect(await checkBranchName(repo, '--force')).toMatch(/starts with "-"/);
    for (const name of ['refs/heads/x', 'refs/merge-sprint/plan', 'heads/x', 'tags/v1', 'remotes/origin/x']) {
      expect(await checkBranchName(repo, name), name).toMatch(/looks like a full ref name/);
    }
    expect(await checkBranchName(repo, 'HEAD')).toMatch(/names the checked-out commit/);
    expect(await checkBranchName(repo, '@')).toMatch(/names the checked-out commit/);
    // git check-ref-format --branch answers "earlier" here: the name is not the branch it makes.
    expect(await checkBranchName(repo, '@{-1}')).toMatch(/git reads "@\{-1\}" as the existing branch "earlier"/);
  });
});
