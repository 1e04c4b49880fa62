/**
 * The places that check a path a user typed or a plan file holds, with the names Linux itself
 * has (`drivers/.../aux.c`, legal in git, only Windows cannot check them out) and with `.git`
 * spelled as NTFS reads it: the first are accepted everywhere, the second refused everywhere.
 */
import { afterAll, describe, expect, test } from 'vitest';
import { checkPairings } from '../../electron/core/inventory/pairings';
import { fileDiff } from '../../electron/core/inventory/file-diff';
import { emptyPlan } from '../../shared/model';
import { applyChange } from '../../shared/plan/apply';
import { cleanup, makeCommit, makeRepo } from '../helpers/repo';

const WINDOWS_ONLY = 'drivers/gpu/aux';
const NTFS_GIT = 'drivers/.git::$INDEX_ALLOCATION';

describe('pairings', () => {
  test('a folder named like a Windows device is paired; .git as an NTFS stream is refused', () => {
    expect(checkPairings([{ fork: `arch/xen/${WINDOWS_ONLY}`, upstream: WINDOWS_ONLY }]).ok).toBe(true);
    const refused = checkPairings([{ fork: NTFS_GIT, upstream: 'drivers' }]);
    expect(refused.ok || refused.error.message).toMatch(/git's own folder/);
  });

  test('the same in the plan: a sprint with such a pairing is stored, the .git spelling is not', () => {
    const init = (fork: string) => applyChange(emptyPlan(), { type: 'sprint.init', upstreamRef: 'v1', forkRef: 'xen', pairings: [{ fork, upstream: 'drivers' }] });
    expect(init(`arch/xen/${WINDOWS_ONLY}`).ok).toBe(true);
    const refused = init('GIT~1');
    expect(refused.ok || refused.error.message).toMatch(/git's own folder/);
  });
});

describe('the diff of an inventory file', () => {
  const repo = makeRepo();
  afterAll(() => cleanup(repo));
  makeCommit(repo, { files: { 'drivers/aux.c': 'upstream\n' }, message: 'upstream' });
  makeCommit(repo, { files: { 'drivers/aux.c': 'fork\n' }, message: 'fork', branch: 'xen' });
  const settings = { upstreamRef: 'main', forkRef: 'xen', pairings: [] };

  test('a file named aux.c, as Linux has them, shows its diff', async () => {
    const diff = await fileDiff(repo, settings, 'drivers/aux.c');
    expect(diff.ok && diff.value.text).toMatch(/-upstream\n\+fork\n/);
  });

  test('.git in an NTFS spelling is refused before git is asked', async () => {
    const diff = await fileDiff(repo, settings, '.git:config');
    expect(diff.ok || diff.error.code).toBe('bad-path');
  });
});
