/**
 * The demo repository's content: a mini Linux 2.6.12 tree (upstream) and the Xen team's sparse
 * fork of it, as a list of commits with their authors. The shape follows the real
 * linux-2.6-xen-sparse tree: arch/xen/{i386,x86_64} hold only the files the port changed (and a
 * few identical copies), the rest of the port lives in arch/xen/kernel, drivers/xen and
 * include/asm-xen, and a handful of upstream files get small hooks in place.
 */
import { asmSource, cHeader, cSource, kconfig, makefile, xenPort, xenSource } from './demo-source';
import { CHECKLAYOUT_SH } from './demo-checklayout';
import { demoMaintainers } from './demo-maintainers';

export interface DemoAuthor {
  name: string;
  email: string;
}

export interface DemoCommit {
  author: DemoAuthor;
  /** Seconds since the epoch, pinned so the demo's commit ids are the same everywhere. */
  time: number;
  message: string;
  files: Record<string, string>;
}

const UPSTREAM_AUTHOR: DemoAuthor = { name: 'Linus Torvalds', email: 'torvalds@osdl.example' };
export const FORK_AUTHORS = {
  keir: { name: 'Keir Fraser', email: 'keir@xensource.example' },
  ian: { name: 'Ian Pratt', email: 'ian@xensource.example' },
  christian: { name: 'Christian Limpach', email: 'christian@xensource.example' },
  steven: { name: 'Steven Hand', email: 'steven@xensource.example' },
  chris: { name: 'Chris Wright', email: 'chrisw@osdl.example' },
} satisfies Record<string, DemoAuthor>;

/** Upstream folders and the files each holds (C, headers, assembly; Makefiles are added per folder). */
const UPSTREAM_DIRS: Record<string, string[]> = {
  'arch/i386/kernel': ['setup.c', 'time.c', 'traps.c', 'irq.c', 'process.c', 'entry.S', 'head.S', 'ldt.c', 'ioport.c', 'pci-dma.c', 'smp.c', 'smpboot.c', 'signal.c', 'i8259.c'],
  'arch/i386/kernel/cpu': ['common.c', 'intel.c', 'amd.c'],
  'arch/i386/mm': ['init.c', 'fault.c', 'pgtable.c', 'ioremap.c', 'highmem.c', 'hugetlbpage.c'],
  'arch/i386/pci': ['common.c', 'irq.c', 'direct.c', 'i386.c', 'legacy.c'],
  'arch/x86_64/kernel': ['setup.c', 'time.c', 'traps.c', 'irq.c', 'process.c', 'entry.S', 'head.S', 'smp.c', 'setup64.c'],
  'arch/x86_64/mm': ['init.c', 'fault.c', 'ioremap.c', 'pageattr.c'],
  'drivers/char': ['mem.c', 'tty_io.c', 'random.c', 'vt.c', 'keyboard.c'],
  'drivers/net': ['loopback.c', 'ne2k-pci.c', '8139too.c', 'e100.c'],
  'drivers/block': ['ll_rw_blk.c', 'loop.c', 'floppy.c', 'genhd.c'],
  'include/asm-i386': ['page.h', 'pgtable.h', 'pgtable-2level.h', 'processor.h', 'system.h', 'io.h', 'irq.h', 'desc.h', 'mmu_context.h', 'fixmap.h', 'segment.h', 'ptrace.h', 'hw_irq.h', 'setup.h', 'msr.h', 'tlbflush.h'],
  'include/linux': ['kernel.h', 'sched.h', 'mm.h', 'fs.h', 'init.h', 'module.h', 'interrupt.h', 'irq.h', 'types.h', 'list.h', 'spinlock.h', 'slab.h', 'blkdev.h', 'netdevice.h'],
  kernel: ['sched.c', 'fork.c', 'exit.c', 'printk.c', 'panic.c', 'timer.c', 'softirq.c', 'sys.c'],
  mm: ['memory.c', 'page_alloc.c', 'slab.c', 'mmap.c', 'highmem.c', 'vmalloc.c'],
  init: ['main.c', 'do_mounts.c'],
};

const sourceFor = (path: string): string => (path.endsWith('.h') ? cHeader(path) : path.endsWith('.S') ? asmSource(path) : cSource(path));

function upstreamTree(): Record<string, string> {
  const files: Record<string, string> = {};
  for (const [dir, names] of Object.entries(UPSTREAM_DIRS)) {
    for (const name of names) files[`${dir}/${name}`] = sourceFor(`${dir}/${name}`);
    if (!dir.startsWith('include/')) files[`${dir}/Makefile`] = makefile(dir, names);
  }
  files['arch/i386/Kconfig'] = kconfig('Processor type and features', ['X86_32', 'X86_PAE', 'SMP', 'HIGHMEM4G', 'MTRR', 'X86_LOCAL_APIC']);
  files['arch/i386/Makefile'] = makefile('arch/i386', [], ['core-y += arch/i386/kernel/ arch/i386/mm/ arch/i386/pci/']);
  files['arch/x86_64/Kconfig'] = kconfig('Processor type and features', ['X86_64', 'SMP', 'NUMA', 'IOMMU']);
  files['arch/x86_64/Makefile'] = makefile('arch/x86_64', [], ['core-y += arch/x86_64/kernel/ arch/x86_64/mm/']);
  files['drivers/Makefile'] = makefile('drivers', [], ['obj-y += char/ block/ net/']);
  files['drivers/char/Kconfig'] = kconfig('Character devices', ['VT', 'VT_CONSOLE', 'HW_RANDOM']);
  files['drivers/net/Kconfig'] = kconfig('Network device support', ['NETDEVICES', 'NE2K_PCI', '8139TOO', 'E100']);
  files['drivers/block/Kconfig'] = kconfig('Block devices', ['BLK_DEV_FD', 'BLK_DEV_LOOP']);
  files.Kconfig = kconfig('Linux Kernel Configuration', ['EXPERIMENTAL', 'MODULES', 'HOTPLUG']);
  files.Makefile = ['VERSION = 2', 'PATCHLEVEL = 6', 'SUBLEVEL = 12', 'EXTRAVERSION =', 'NAME=Woozy Numbat', '', 'ARCH ?= $(SUBARCH)', 'include $(srctree)/arch/$(ARCH)/Makefile', ''].join('\n');
  files.README = 'Linux kernel release 2.6.xx\n\nThese are the release notes for Linux version 2.6.\n';
  files.MAINTAINERS = demoMaintainers(false);
  files['scripts/checklayout.sh'] = CHECKLAYOUT_SH;
  return files;
}

/** Port of `upstreamPath` to `forkPath`: heavier for the memory and entry code. */
const port = (up: Record<string, string>, forkPath: string, upstreamPath: string, depth: number): [string, string] => [
  forkPath,
  xenPort(forkPath, up[upstreamPath] ?? '', depth),
];
const copy = (up: Record<string, string>, forkPath: string, upstreamPath: string): [string, string] => [forkPath, up[upstreamPath] ?? ''];

/** The fork's commits, in order, on top of the upstream tree. */
function forkCommits(up: Record<string, string>): Array<Omit<DemoCommit, 'time'>> {
  const { keir, ian, christian, steven, chris } = FORK_AUTHORS;
  const xi = 'arch/xen/i386';
  const xx = 'arch/xen/x86_64';
  const ax = 'include/asm-xen/asm-i386';
  return [
    {
      author: keir,
      message: 'Add the Xen sub-architecture for i386: sparse copies of the files the port changes',
      files: Object.fromEntries([
        ...['setup.c', 'time.c', 'traps.c', 'process.c', 'ldt.c', 'ioport.c', 'pci-dma.c', 'smpboot.c'].map((f, i) => port(up, `${xi}/kernel/${f}`, `arch/i386/kernel/${f}`, i % 3)),
        ...['entry.S', 'head.S'].map((f) => port(up, `${xi}/kernel/${f}`, `arch/i386/kernel/${f}`, 2)),
        copy(up, `${xi}/kernel/irq.c`, 'arch/i386/kernel/irq.c'),
        copy(up, `${xi}/kernel/signal.c`, 'arch/i386/kernel/signal.c'),
        port(up, `${xi}/kernel/cpu/common.c`, 'arch/i386/kernel/cpu/common.c', 1),
        [`${xi}/kernel/fixup.c`, xenSource(`${xi}/kernel/fixup.c`, 'Emulate segment-relative accesses the hypervisor cannot allow.')],
        [`${xi}/kernel/swiotlb.c`, xenSource(`${xi}/kernel/swiotlb.c`, 'Bounce buffers for DMA from pseudo-physical memory.')],
        [`${xi}/kernel/Makefile`, makefile(`${xi}/kernel`, ['setup.c', 'time.c', 'traps.c', 'fixup.c', 'swiotlb.c'], ['c-obj-y := i8259.o smp.o', 'c-link := signal.c irq.c'])],
        [`${xi}/Kconfig`, kconfig('Xen i386 options', ['X86_XEN', 'XEN_PRIVILEGED_GUEST', 'SMP'])],
        [`${xi}/Makefile`, makefile(xi, [], ['core-y += arch/xen/i386/kernel/ arch/xen/i386/mm/ arch/xen/i386/pci/'])],
      ]),
    },
    {
      author: ian,
      message: 'xen/i386: page tables go through the hypervisor',
      files: Object.fromEntries([
        ...['init.c', 'fault.c', 'pgtable.c', 'ioremap.c'].map((f, i) => port(up, `${xi}/mm/${f}`, `arch/i386/mm/${f}`, 1 + (i % 3))),
        copy(up, `${xi}/mm/highmem.c`, 'arch/i386/mm/highmem.c'),
        [`${xi}/mm/hypervisor.c`, xenSource(`${xi}/mm/hypervisor.c`, 'Batched page-table updates: the queue flushed by HYPERVISOR_mmu_update.')],
        [`${xi}/mm/Makefile`, makefile(`${xi}/mm`, ['init.c', 'fault.c', 'pgtable.c', 'ioremap.c', 'hypervisor.c'])],
        ...['page.h', 'pgtable.h', 'pgtable-2level.h', 'processor.h', 'system.h', 'io.h', 'desc.h', 'mmu_context.h', 'fixmap.h', 'tlbflush.h'].map((f, i) => port(up, `${ax}/${f}`, `include/asm-i386/${f}`, i % 4)),
        copy(up, `${ax}/segment.h`, 'include/asm-i386/segment.h'),
        copy(up, `${ax}/setup.h`, 'include/asm-i386/setup.h'),
        [`${ax}/hypercall.h`, cHeader(`${ax}/hypercall.h`)],
        [`${ax}/synch_bitops.h`, cHeader(`${ax}/synch_bitops.h`)],
        ['include/asm-xen/hypervisor.h', cHeader('include/asm-xen/hypervisor.h')],
        ['include/asm-xen/evtchn.h', cHeader('include/asm-xen/evtchn.h')],
        ['include/asm-xen/gnttab.h', cHeader('include/asm-xen/gnttab.h')],
      ]),
    },
    {
      author: christian,
      message: 'xen: event channels, grant tables and reboot in arch/xen/kernel',
      files: Object.fromEntries([
        ...['evtchn.c', 'gnttab.c', 'reboot.c', 'ctrl_if.c', 'xen_proc.c'].map((f): [string, string] => [`arch/xen/kernel/${f}`, xenSource(`arch/xen/kernel/${f}`, `Xen ${f.replace('.c', '')} support shared by both sub-architectures.`)]),
        ['arch/xen/kernel/Makefile', makefile('arch/xen/kernel', ['evtchn.c', 'gnttab.c', 'reboot.c', 'ctrl_if.c', 'xen_proc.c'])],
        ['arch/xen/Kconfig', kconfig('Xen', ['XEN', 'XEN_PHYSDEV_ACCESS', 'XEN_BLKDEV_FRONTEND', 'XEN_NETDEV_FRONTEND'])],
        ['arch/xen/Makefile', makefile('arch/xen', [], ['include $(srctree)/arch/xen/$(XENARCH)/Makefile'])],
        port(up, `${xi}/pci/irq.c`, 'arch/i386/pci/irq.c', 1),
        [`${xi}/pci/Makefile`, makefile(`${xi}/pci`, ['irq.c'], ['c-obj-y := common.o direct.o i386.o'])],
      ]),
    },
    {
      author: steven,
      message: 'xen: split front-end drivers for block, network and console',
      files: Object.fromEntries([
        ...[
          ['drivers/xen/blkfront/blkfront.c', 'Block device front end: requests travel over a shared ring to the back end.'],
          ['drivers/xen/netfront/netfront.c', 'Network front end: packets travel over shared rings to the back end.'],
          ['drivers/xen/console/console.c', 'Virtual console: reads and writes go through the console ring.'],
          ['drivers/xen/console/xencons_ring.c', 'The shared console ring.'],
          ['drivers/xen/util/skbuff.c', 'Socket buffers allocated on page boundaries for page flipping.'],
          ['drivers/xen/util/features.c', 'Which hypervisor features the guest may use.'],
        ].map(([p, what]): [string, string] => [p ?? '', xenSource(p ?? '', what ?? '')]),
        ['drivers/xen/blkfront/block.h', cHeader('drivers/xen/blkfront/block.h')],
        ['drivers/xen/blkfront/Makefile', makefile('drivers/xen/blkfront', ['blkfront.c'])],
        ['drivers/xen/netfront/Makefile', makefile('drivers/xen/netfront', ['netfront.c'])],
        ['drivers/xen/console/Makefile', makefile('drivers/xen/console', ['console.c', 'xencons_ring.c'])],
        ['drivers/xen/util/Makefile', makefile('drivers/xen/util', ['skbuff.c', 'features.c'])],
        ['drivers/xen/Makefile', makefile('drivers/xen', [], ['obj-y += util/ console/', 'obj-$(CONFIG_XEN_BLKDEV_FRONTEND) += blkfront/', 'obj-$(CONFIG_XEN_NETDEV_FRONTEND) += netfront/'])],
        ['drivers/xen/Kconfig', kconfig('Xen drivers', ['XEN_BLKDEV_FRONTEND', 'XEN_NETDEV_FRONTEND', 'XEN_CONSOLE'])],
      ]),
    },
    {
      author: chris,
      message: 'xen: x86_64 port of setup, entry and the memory code',
      files: Object.fromEntries([
        ...['setup.c', 'entry.S', 'head.S', 'process.c', 'setup64.c'].map((f, i) => port(up, `${xx}/kernel/${f}`, `arch/x86_64/kernel/${f}`, i % 3)),
        copy(up, `${xx}/kernel/irq.c`, 'arch/x86_64/kernel/irq.c'),
        [`${xx}/kernel/xen_entry.S`, asmSource(`${xx}/kernel/xen_entry.S`)],
        [`${xx}/kernel/Makefile`, makefile(`${xx}/kernel`, ['setup.c', 'entry.S', 'head.S', 'process.c', 'xen_entry.S'], ['c-obj-y := time.o traps.o smp.o'])],
        ...['init.c', 'fault.c'].map((f) => port(up, `${xx}/mm/${f}`, `arch/x86_64/mm/${f}`, 2)),
        [`${xx}/mm/Makefile`, makefile(`${xx}/mm`, ['init.c', 'fault.c'], ['c-obj-y := ioremap.o pageattr.o'])],
        [`${xx}/Makefile`, makefile(xx, [], ['core-y += arch/xen/x86_64/kernel/ arch/xen/x86_64/mm/'])],
      ]),
    },
    {
      author: keir,
      message: 'Hooks in common code: foreign pages, the Xen console, and the build',
      files: {
        Makefile: (up.Makefile ?? '').replace('ARCH ?= $(SUBARCH)', 'ARCH ?= $(SUBARCH)\nifeq ($(ARCH),xen)\nXENARCH ?= i386\nendif'),
        'drivers/Makefile': (up['drivers/Makefile'] ?? '') + 'obj-$(CONFIG_XEN) += xen/\n',
        'drivers/char/mem.c': xenPort('drivers/char/mem.c', up['drivers/char/mem.c'] ?? '', 0),
        'drivers/char/tty_io.c': (up['drivers/char/tty_io.c'] ?? '').replace('#include <asm/io.h>', '#include <asm/io.h>\n#ifdef CONFIG_XEN\nextern int xencons_init(void);\n#endif'),
        'include/linux/mm.h': (up['include/linux/mm.h'] ?? '').replace('#include <linux/types.h>', '#include <linux/types.h>\n\n/* Pages granted by another domain: never freed to the local allocator. */\n#define VM_FOREIGN\t0x04000000'),
        'mm/memory.c': xenPort('mm/memory.c', up['mm/memory.c'] ?? '', 1),
        'mm/page_alloc.c': xenPort('mm/page_alloc.c', up['mm/page_alloc.c'] ?? '', 0),
        MAINTAINERS: demoMaintainers(true),
      },
    },
    {
      author: ian,
      message: 'xen/i386: time keeping follows the hypervisor\'s shadow time',
      files: Object.fromEntries([port(up, `${xi}/kernel/time.c`, 'arch/i386/kernel/time.c', 4)]),
    },
  ];
}

/** The whole history: upstream commits, then the fork's commits with their authors. */
export function demoHistory(): { upstream: DemoCommit[]; fork: DemoCommit[] } {
  const up = upstreamTree();
  const start = 1_119_916_800; // 2005-06-28, the week Linux 2.6.12 was current
  const rc = { ...up, Makefile: (up.Makefile ?? '').replace('EXTRAVERSION =', 'EXTRAVERSION = -rc6') };
  const upstream: DemoCommit[] = [
    { author: UPSTREAM_AUTHOR, time: start - 86_400 * 10, message: 'Linux 2.6.12-rc6', files: rc },
    { author: UPSTREAM_AUTHOR, time: start - 86_400 * 3, message: 'Linux 2.6.12', files: { Makefile: up.Makefile ?? '' } },
  ];
  const fork = forkCommits(up).map((c, i) => ({ ...c, time: start + i * 9_000 }));
  return { upstream, fork };
}
