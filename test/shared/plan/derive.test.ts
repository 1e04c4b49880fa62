import { describe, expect, it } from 'vitest';
import { deriveSubsystems } from '../../../shared/plan/derive';

const n = (dir: string, names: string[]) => names.map((x) => `${dir}/${x}`);

/** A sparse Xen fork of a 2.6-era tree, as the inventory lists it. */
const kernelLike = [
  'Makefile',
  'README',
  ...n('arch/i386/kernel', ['setup.c', 'time.c', 'traps.c']),
  'arch/xen/Kconfig',
  'arch/xen/Makefile',
  'arch/xen/i386/Makefile',
  ...n('arch/xen/i386/kernel', ['entry.S', 'head.S', 'irq.c', 'process.c', 'setup.c', 'time.c']),
  ...n('arch/xen/i386/mm', ['fault.c', 'init.c', 'ioremap.c']),
  'arch/xen/i386/pci/irq.c',
  ...n('arch/xen/kernel', ['evtchn.c', 'gnttab.c', 'reboot.c', 'skbuff.c']),
  ...n('arch/xen/x86_64/kernel', ['entry.S', 'head.S', 'setup.c']),
  'drivers/xen/Makefile',
  ...n('drivers/xen/core', ['evtchn.c', 'gnttab.c', 'reboot.c', 'xenbus.c']),
  ...n('drivers/xen/blkfront', ['blkfront.c', 'block.h', 'vbd.c']),
  'drivers/xen/netback/netback.c',
  ...n('include/asm-xen', ['evtchn.h', 'hypervisor.h', 'xen_proc.h', 'gnttab.h']),
  ...n('include/asm-xen/asm-i386', ['page.h', 'pgtable.h', 'system.h']),
  'include/asm-xen/asm-i386/mach-xen/setup_arch_post.h',
];

const everyPathOnce = (paths: string[], subsystems: { files: string[] }[]) => {
  const all = subsystems.flatMap((s) => s.files);
  expect(all.length).toBe(new Set(all).size);
  expect(new Set(all)).toEqual(new Set(paths));
};

describe('deriveSubsystems', () => {
  it('cuts a kernel-like tree into folder units four levels deep, small folders joining their parent', () => {
    const subsystems = deriveSubsystems(kernelLike);
    expect(subsystems.map((s) => s.name)).toEqual([
      '(root)',
      'arch/i386/kernel',
      'arch/xen',
      'arch/xen/i386',
      'arch/xen/i386/kernel',
      'arch/xen/i386/mm',
      'arch/xen/kernel',
      'arch/xen/x86_64/kernel',
      'drivers/xen',
      'drivers/xen/blkfront',
      'drivers/xen/core',
      'include/asm-xen',
      'include/asm-xen/asm-i386',
    ]);
    const byName = new Map(subsystems.map((s) => [s.name, s]));
    expect(byName.get('(root)')?.files).toEqual(['Makefile', 'README']);
    expect(byName.get('arch/xen/i386')?.files).toEqual(['arch/xen/i386/Makefile', 'arch/xen/i386/pci/irq.c']);
    expect(byName.get('drivers/xen')?.files).toEqual(['drivers/xen/Makefile', 'drivers/xen/netback/netback.c']);
    expect(byName.get('include/asm-xen/asm-i386')?.files).toContain('include/asm-xen/asm-i386/mach-xen/setup_arch_post.h');
    everyPathOnce(kernelLike, subsystems);
  });

  it('makes backlog cards with no owner, folder sources and slug ids', () => {
    const core = deriveSubsystems(kernelLike).find((s) => s.name === 'drivers/xen/core');
    expect(core).toEqual({
      id: 'drivers-xen-core',
      name: 'drivers/xen/core',
      files: n('drivers/xen/core', ['evtchn.c', 'gnttab.c', 'reboot.c', 'xenbus.c']),
      source: { kind: 'folder', folder: 'drivers/xen/core' },
      owner: null,
      state: 'Backlog',
      blocked: null,
    });
  });

  it('gives the same subsystems for the same paths in any order, with duplicates', () => {
    const shuffled = [...kernelLike].reverse().concat(kernelLike.slice(0, 5));
    expect(deriveSubsystems(shuffled)).toEqual(deriveSubsystems(kernelLike));
  });

  it('stops at a shallower depth when asked', () => {
    const subsystems = deriveSubsystems(kernelLike, { depth: 2 });
    expect(subsystems.map((s) => s.name)).toEqual(['(root)', 'arch/i386', 'arch/xen', 'drivers/xen', 'include/asm-xen']);
    everyPathOnce(kernelLike, subsystems);
  });

  it('splits folders larger than maxFiles below the depth', () => {
    const subsystems = deriveSubsystems(kernelLike, { depth: 2, maxFiles: 10 });
    expect(subsystems.filter((s) => s.name.startsWith('arch/xen')).map((s) => s.name)).toEqual([
      'arch/xen',
      'arch/xen/i386',
      'arch/xen/i386/kernel',
      'arch/xen/i386/mm',
      'arch/xen/kernel',
      'arch/xen/x86_64',
    ]);
    everyPathOnce(kernelLike, subsystems);
  });

  it('folds folders under minFiles into their parent, up to (root)', () => {
    const paths = ['scripts/mkimage.sh', 'drivers/xen/core/a.c', 'drivers/xen/core/b.c'];
    const subsystems = deriveSubsystems(paths, { minFiles: 3 });
    expect(subsystems).toHaveLength(1);
    expect(subsystems[0]?.name).toBe('(root)');
    everyPathOnce(paths, subsystems);
    expect(deriveSubsystems(paths, { minFiles: 1 }).map((s) => s.name)).toEqual(['drivers/xen/core', 'scripts']);
  });

  it('keeps ids distinct when two folders slug alike, and handles odd names', () => {
    const paths = ['a-b/c/1', 'a-b/c/2', 'a-b/c/3', 'a/b-c/1', 'a/b-c/2', 'a/b-c/3', 'sp ace/ü/x y', 'sp ace/ü/"q"', 'sp ace/ü/new\nline'];
    const subsystems = deriveSubsystems(paths, { depth: 2 });
    const ids = subsystems.map((s) => s.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(subsystems.map((s) => s.name)).toEqual(['a/b-c', 'a-b/c', 'sp ace/ü']);
    everyPathOnce(paths, subsystems);
  });

  it('gives nothing for no paths', () => {
    expect(deriveSubsystems([])).toEqual([]);
  });
});
