import { describe, expect, it } from 'vitest';
import type { Subsystem } from '../../../shared/model';
import type { ChangedFile, ChangeStatus } from '../../../shared/series/changes';
import { proposeSeries } from '../../../shared/series/propose';
import { dominantDir, proposeSubject } from '../../../shared/series/naming';

const change = (path: string, status: ChangeStatus): ChangedFile => ({ path, status, mode: status === 'D' ? '000000' : '100644', oid: '1'.repeat(40) });
const sub = (id: string, files: string[], owner: string | null = null): Subsystem => ({
  id,
  name: id,
  files,
  source: { kind: 'manual' },
  owner,
  state: 'Backlog',
  blocked: null,
});

// Upstream has arch/, arch/i386/, arch/i386/kernel/, drivers/, drivers/char/, include/, include/linux/.
const UPSTREAM_DIRS = new Set(['arch', 'arch/i386', 'arch/i386/kernel', 'drivers', 'drivers/char', 'include', 'include/linux']);
const baseHasDir = (d: string): boolean => UPSTREAM_DIRS.has(d);

const CHANGES: ChangedFile[] = [
  change('arch/i386/kernel/setup.c', 'M'),
  change('include/linux/sched.h', 'M'),
  change('drivers/char/old.c', 'D'),
  change('arch/xen/i386/kernel/entry.S', 'A'),
  change('arch/xen/i386/kernel/setup.c', 'A'),
  change('arch/xen/i386/kernel/time.c', 'A'),
  change('drivers/xen/evtchn.c', 'A'),
  change('README', 'M'),
];

describe('proposeSeries', () => {
  it('puts every changed file in exactly one patch and reports the files in no subsystem', () => {
    const subsystems = [
      sub('hooks', ['arch/i386/kernel/setup.c', 'include/linux/sched.h'], 'alice'),
      sub('xen-i386', ['arch/xen/i386/kernel/entry.S', 'arch/xen/i386/kernel/setup.c', 'arch/xen/i386/kernel/time.c'], 'bob'),
    ];
    const p = proposeSeries({ changes: CHANGES, subsystems, renames: [], baseHasDir });
    const all = p.patches.flatMap((x) => x.files);
    expect([...all].sort()).toEqual(CHANGES.map((c) => c.path).sort());
    expect(new Set(all).size).toBe(all.length);
    expect(p.unassigned.sort()).toEqual(['README', 'drivers/char/old.c', 'drivers/xen/evtchn.c']);
    // Files in no subsystem are grouped by top folder: both drivers/ files share one patch.
    const drivers = p.patches.find((x) => x.files.includes('drivers/char/old.c'));
    expect(drivers?.files).toEqual(['drivers/char/old.c', 'drivers/xen/evtchn.c']);
    expect(p.patches.find((x) => x.files.includes('README'))?.files).toEqual(['README']);
  });

  it('orders changes to upstream files first, then additions, the largest new folder last', () => {
    const subsystems = [
      sub('xen-i386', ['arch/xen/i386/kernel/entry.S', 'arch/xen/i386/kernel/setup.c', 'arch/xen/i386/kernel/time.c'], 'bob'),
      sub('xen-drivers', ['drivers/xen/evtchn.c']),
      sub('hooks', ['arch/i386/kernel/setup.c', 'include/linux/sched.h'], 'alice'),
      sub('cleanup', ['drivers/char/old.c', 'README']),
    ];
    const p = proposeSeries({ changes: CHANGES, subsystems, renames: [], baseHasDir });
    expect(p.newFolder).toBe('arch/xen');
    expect(p.patches.map((x) => x.id)).toEqual(['patch-hooks', 'patch-cleanup', 'patch-xen-drivers', 'patch-xen-i386']);
    expect(p.patches.map((x) => x.author)).toEqual(['alice', null, null, 'bob']);
  });

  it('names patches after their folders, upstream style', () => {
    const subsystems = [sub('xen-i386', ['arch/xen/i386/kernel/entry.S', 'arch/xen/i386/kernel/setup.c', 'arch/xen/i386/kernel/time.c'])];
    const p = proposeSeries({ changes: CHANGES, subsystems, renames: [], baseHasDir });
    expect(p.patches.find((x) => x.id === 'patch-xen-i386')?.subject).toBe('xen: i386: add kernel support');
    expect(p.patches.find((x) => x.files.includes('README'))?.subject).toBe('README: update');
  });

  it('keeps a removal with the addition of its new path when the rename plan moved it', () => {
    const changes = [change('arch/xen/kernel/evtchn.c', 'D'), change('drivers/xen/core/evtchn.c', 'A'), change('arch/xen/kernel/other.c', 'D')];
    const p = proposeSeries({
      changes,
      subsystems: [sub('core', ['drivers/xen/core/evtchn.c'])],
      renames: [{ id: 'r1', from: 'arch/xen/kernel', to: 'drivers/xen/core', phase: 'moved', copyCommit: null, moveCommit: null }],
      baseHasDir: () => true,
    });
    expect(p.patches.find((x) => x.id === 'patch-core')?.files).toEqual(['arch/xen/kernel/evtchn.c', 'drivers/xen/core/evtchn.c']);
    expect(p.renames).toEqual([{ from: 'arch/xen/kernel/evtchn.c', to: 'drivers/xen/core/evtchn.c', patchId: 'patch-core' }]);
    // other.c has no new path in the target: it stays in its folder's patch.
    expect(p.patches.find((x) => x.files.includes('arch/xen/kernel/other.c'))?.id).not.toBe('patch-core');
  });
});

describe('subjects', () => {
  it('descends into the folder holding most files', () => {
    expect(dominantDir(['arch/xen/i386/a.c', 'arch/xen/i386/b.c', 'arch/xen/Kconfig'])).toBe('arch/xen/i386');
    expect(dominantDir(['a/x.c', 'b/y.c'])).toBe('');
  });
  it('says add, remove or update from the statuses', () => {
    expect(proposeSubject([change('drivers/char/old.c', 'D')], 'x')).toBe('char: remove old.c');
    expect(proposeSubject([change('drivers/net/a.c', 'M'), change('drivers/net/b.c', 'A')], 'net')).toBe('net: update');
    expect(proposeSubject([change('drivers/xen/a.c', 'A'), change('drivers/xen/b/c.c', 'A')], 'Xen core')).toBe('xen: add core support');
  });
  it('names a patch spread over the top of the tree after its subsystem, or after its top-level folders and files for the root', () => {
    const root = [change('mm/memory.c', 'M'), change('mm/page_alloc.c', 'M'), change('Makefile', 'M'), change('MAINTAINERS', 'M')];
    expect(proposeSubject(root, '(root)')).toBe('mm, MAINTAINERS, Makefile: update');
    const wide = ['a/x.c', 'b/y.c', 'c/z.c', 'd/w.c'].map((p) => change(p, 'A'));
    expect(proposeSubject(wide, '(root)')).toBe('treewide: add support');
    expect(proposeSubject(root, 'i386 hooks')).toBe('i386 hooks: update');
  });
});
