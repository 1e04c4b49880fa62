/** Tree diffs and file patches against what git reports for the same blobs. */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { diffTreePath } from '../../../electron/core/git/diff';
import { diffTreeNumstat } from '../../../electron/core/git/diff-tree';
import { emptyTreeId } from '../../../electron/core/git/trees';
import { cleanup, git } from '../../helpers/repo';
import { AWKWARD, makeInventoryFixture } from '../inventory/fixture';

let repo = '';
let emptyBlob = '';
beforeAll(() => {
  repo = makeInventoryFixture().repo;
  // The expected numbers of added and deleted files come from `git diff --numstat` against the
  // empty blob, which the fixture (not the code under test) writes.
  emptyBlob = git(repo, ['hash-object', '-w', '--stdin'], { input: '' }).trim();
});
afterAll(() => cleanup(repo));

const ZERO = /^0+$/;
/** What `git diff --numstat <oldBlob> <newBlob>` says about one pair of blobs. */
function numstatOfBlobs(oldOid: string, newOid: string): { added: number; removed: number; binary: boolean } {
  const out = git(repo, ['diff', '--numstat', ZERO.test(oldOid) ? emptyBlob : oldOid, ZERO.test(newOid) ? emptyBlob : newOid]);
  const [added = '0', removed = '0'] = out.split('\t');
  if (added === '-') return { added: 0, removed: 0, binary: true };
  return { added: Number(added), removed: Number(removed), binary: false };
}

describe('diffTreeNumstat', () => {
  it('reports each changed file of two folders with the counts git gives for the same blobs', async () => {
    const changes = await diffTreeNumstat(repo, 'v1.0:arch/i386', 'xen:arch/xen/i386');
    const byPath = new Map(changes.map((c) => [c.path, c]));
    expect(byPath.get('kernel/setup.c')?.status).toBe('M');
    expect(byPath.get('kernel/evtchn.c')?.status).toBe('A');
    expect(byPath.get('kernel/inherited.c')?.status).toBe('D');
    expect(byPath.get('mm/mode.c')).toMatchObject({ status: 'M', oldMode: '100644', newMode: '100755', added: 0, removed: 0 });
    expect(byPath.get('logo.bin')).toMatchObject({ binary: true, added: 0, removed: 0 });
    expect(byPath.has(AWKWARD)).toBe(true);
    expect(byPath.has('kernel/same.c')).toBe(false);
    for (const c of changes) {
      if (c.oldMode === '160000' || c.newMode === '160000') continue;
      expect({ path: c.path, ...numstatOfBlobs(c.oldOid, c.newOid) }).toEqual({ path: c.path, added: c.added, removed: c.removed, binary: c.binary });
    }
  });

  it('counts a submodule entry as git does: one "Subproject commit" line', async () => {
    const changes = await diffTreeNumstat(repo, 'v1.0', 'xen');
    expect(changes.find((c) => c.path === 'lib/sub')).toMatchObject({ status: 'M', added: 1, removed: 1, newMode: '160000' });
    expect(changes.find((c) => c.path === 'arch/xen/i386/sub')).toMatchObject({ status: 'A', added: 1, removed: 0 });
  });

  it('leaves excluded folders out, reading their names literally', async () => {
    const all = await diffTreeNumstat(repo, 'v1.0', 'xen');
    const rest = await diffTreeNumstat(repo, 'v1.0', 'xen', { excludeDirs: ['arch/xen/i386', 'glob[1]'] });
    const expected = all.map((c) => c.path).filter((p) => !p.startsWith('arch/xen/i386/') && !p.startsWith('glob[1]/'));
    expect(rest.map((c) => c.path)).toEqual(expected);
    // "glob[1]" as a pattern would also have matched "glob1".
    expect(rest.map((c) => c.path)).toContain('glob1/outside.c');
    expect(rest.map((c) => c.path)).toContain(`weird outside\n"name".c`);
  });

  it('compares with the empty tree when a folder is missing on one side', async () => {
    const fork = git(repo, ['rev-parse', 'xen']).trim();
    const changes = await diffTreeNumstat(repo, emptyTreeId(fork.length), 'xen:arch/xen/i386/kernel');
    expect(changes.map((c) => [c.path, c.status, c.added])).toEqual([
      ['evtchn.c', 'A', 12],
      ['same.c', 'A', 10],
      ['setup.c', 'A', 30],
    ]);
  });
});

describe('diffTreePath', () => {
  const labels = { old: 'arch/i386/kernel/setup.c', new: 'arch/xen/i386/kernel/setup.c' };

  it('gives the unified diff of one file between two folders, labelled with the real paths', async () => {
    const patch = await diffTreePath(repo, 'v1.0:arch/i386', 'xen:arch/xen/i386', 'kernel/setup.c', labels);
    // setup.c upstream: lines 0..29; fork: lines 0..27 then two hooks.
    expect(patch.binary).toBe(false);
    expect(patch.text.split('\n').slice(0, 3)).toEqual(['--- a/arch/i386/kernel/setup.c', '+++ b/arch/xen/i386/kernel/setup.c', '@@ -26,5 +26,5 @@ setup line 24']);
    expect(patch.text).toContain('-setup line 28\n-setup line 29\n+xen hook\n+xen hook 2\n');
  });

  it('agrees with git diff on the same two files, apart from the header', async () => {
    const patch = await diffTreePath(repo, 'v1.0:arch/i386', 'xen:arch/xen/i386', AWKWARD, { old: 'up', new: 'fork' });
    const gits = git(repo, ['diff', `v1.0:arch/i386/${AWKWARD}`, `xen:arch/xen/i386/${AWKWARD}`]);
    expect(patch.text.slice(patch.text.indexOf('@@'))).toBe(gits.slice(gits.indexOf('@@')));
  });

  it('shows added and deleted files against /dev/null and writes nothing', async () => {
    const before = git(repo, ['count-objects', '-v']);
    const added = await diffTreePath(repo, 'v1.0:arch/i386', 'xen:arch/xen/i386', 'kernel/evtchn.c', labels);
    expect(added.text.split('\n').slice(0, 4)).toEqual(['new file mode 100644', '--- /dev/null', '+++ b/arch/xen/i386/kernel/setup.c', '@@ -0,0 +1,12 @@']);
    const deleted = await diffTreePath(repo, 'v1.0:arch/i386', 'xen:arch/xen/i386', 'kernel/inherited.c', labels);
    expect(deleted.text.split('\n').slice(0, 4)).toEqual(['deleted file mode 100644', '--- a/arch/i386/kernel/setup.c', '+++ /dev/null', '@@ -1,7 +0,0 @@']);
    expect(git(repo, ['count-objects', '-v'])).toBe(before);
  });

  it('flags binary files and shows submodule entries as "Subproject commit" lines', async () => {
    const bin = await diffTreePath(repo, 'v1.0:arch/i386', 'xen:arch/xen/i386', 'logo.bin', { old: 'a.bin', new: 'b.bin' });
    expect(bin).toEqual({ binary: true, text: 'Binary files a/a.bin and b/b.bin differ\n' });
    const sub = await diffTreePath(repo, 'v1.0', 'xen', 'lib/sub', { old: 'lib/sub', new: 'lib/sub' });
    expect(sub.text).toContain('-Subproject commit 1111111111111111111111111111111111111111\n+Subproject commit 2222222222222222222222222222222222222222\n');
  });

  it('is empty for identical files, whatever the working tree holds', async () => {
    writeFileSync(path.join(repo, 'arch/i386/kernel/same.c'), 'edited in the working tree\n');
    const same = await diffTreePath(repo, 'v1.0:arch/i386', 'xen:arch/xen/i386', 'kernel/same.c', labels);
    expect(same).toEqual({ binary: false, text: '' });
  });
});
