/** Listing trees and looking paths up, on a repository with awkward names, symlinks and submodules. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dirExists, lookupPaths } from '../../../electron/core/git/cat-file';
import { lsPath, lsTree } from '../../../electron/core/git/trees';
import { cleanup, git } from '../../helpers/repo';
import { AWKWARD, GHOST_SUBMODULE, OTHER_SUBMODULE, makeInventoryFixture } from '../inventory/fixture';

let repo = '';
let fork = '';
beforeAll(() => {
  repo = makeInventoryFixture().repo;
  fork = git(repo, ['rev-parse', 'xen']).trim();
});
afterAll(() => cleanup(repo));

const blobId = (spec: string): string => git(repo, ['rev-parse', spec]).trim();

describe('lsTree', () => {
  it('lists every file of a folder with mode, type and id, including symlinks and submodule entries', async () => {
    const entries = await lsTree(repo, fork, 'arch/xen/i386');
    const byPath = new Map(entries.map((e) => [e.path, e]));
    // The names git itself lists, one per NUL-terminated record.
    const names = git(repo, ['ls-tree', '-r', '-z', '--name-only', fork, '--', 'arch/xen/i386']).split('\0').filter(Boolean);
    expect([...byPath.keys()].sort()).toEqual(names.sort());
    expect(byPath.get(`arch/xen/i386/${AWKWARD}`)).toEqual({
      mode: '100644',
      type: 'blob',
      oid: blobId(`${fork}:arch/xen/i386/${AWKWARD}`),
      path: `arch/xen/i386/${AWKWARD}`,
    });
    expect(byPath.get('arch/xen/i386/link')?.mode).toBe('120000');
    expect(byPath.get('arch/xen/i386/mm/mode.c')?.mode).toBe('100755');
    expect(byPath.get('arch/xen/i386/sub')).toEqual({ mode: '160000', type: 'commit', oid: OTHER_SUBMODULE, path: 'arch/xen/i386/sub' });
    expect(byPath.get('arch/xen/i386/firmware')?.oid).toBe(GHOST_SUBMODULE);
  });

  it('treats glob characters in a folder name literally', async () => {
    const entries = await lsTree(repo, fork, 'glob[1]');
    expect(entries.map((e) => e.path)).toEqual(['glob[1]/outside.c']);
  });

  it('lists several folders at once, and paths relative to a `commit:dir` tree', async () => {
    const both = await lsTree(repo, fork, ['glob[1]', 'glob1']);
    expect(both.map((e) => e.path).sort()).toEqual(['glob1/outside.c', 'glob[1]/outside.c']);
    const relative = await lsTree(repo, `${fork}:arch/xen/i386/kernel`);
    expect(relative.map((e) => e.path).sort()).toEqual(['evtchn.c', 'same.c', 'setup.c']);
  });
});

describe('lsPath, lookupPaths and dirExists', () => {
  it('finds exactly one entry, or none', async () => {
    expect((await lsPath(repo, fork, 'arch/xen/i386/sub'))?.type).toBe('commit');
    expect((await lsPath(repo, fork, 'arch/xen/i386'))?.type).toBe('tree');
    expect((await lsPath(repo, fork, 'arch/xen/i386/kernel/setup.c'))?.oid).toBe(blobId(`${fork}:arch/xen/i386/kernel/setup.c`));
    expect(await lsPath(repo, fork, 'arch/xen/i386/kernel/setup')).toBeNull();
    expect(await lsPath(repo, fork, 'nope')).toBeNull();
  });

  it('looks many paths up in one call, in order, with names holding newlines', async () => {
    const found = await lookupPaths(repo, [
      { commit: fork, path: 'arch/xen/i386' },
      { commit: fork, path: 'no\nsuch missing\n' },
      { commit: fork, path: `arch/xen/i386/${AWKWARD}` },
      { commit: 'v1.0', path: 'arch/xen' },
    ]);
    expect(found).toEqual([
      { oid: blobId(`${fork}:arch/xen/i386`), type: 'tree' },
      null,
      { oid: blobId(`${fork}:arch/xen/i386/${AWKWARD}`), type: 'blob' },
      null,
    ]);
  });

  it('says whether a folder exists in a commit', async () => {
    expect(await dirExists(repo, fork, 'arch/xen/i386')).toBe(true);
    expect(await dirExists(repo, 'v1.0', 'arch/xen/i386')).toBe(false);
    expect(await dirExists(repo, fork, 'README')).toBe(false);
  });
});
