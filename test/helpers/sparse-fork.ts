/**
 * A sparse fork of realistic shape, as a real git repository: an upstream tree of about 900
 * files (two sub-architectures, their headers, the core, drivers, and an `arch/alpha/kernel`
 * holding the same Makefile and Kconfig names as every folder), and on branch `xen` the fork's
 * folders, each holding only the files it changed (a few dozen copies, a few identical ones, a
 * few of its own), so every other upstream file in a paired folder is inherited. One fork
 * folder, `drivers/xen/console`, is a decoy: its only names upstream are generic ones; another,
 * `drivers/xen/char`, has twins by name whose content the fork wrote anew.
 */
import type { Pairing } from '../../shared/model';
import { makeCommit, makeRepo } from './repo';

/** A C-like file of `lines` lines (about 40 bytes each, well above the 400 bytes git needs to score a rewrite). */
function source(name: string, lines = 40, flavour = 'upstream'): string {
  const stem = name.replace(/[^A-Za-z0-9]/g, '_');
  const out = [`/* ${name}: ${flavour} */`];
  for (let i = 0; i < lines; i++) out.push(`int ${stem}_${flavour}_fn${i}(int x) { return x * ${i + 1} + ${i % 7}; }`);
  return `${out.join('\n')}\n`;
}

/** The fork's change to an upstream file: a hook at the top and one changed function, the rest as upstream had it. */
function patched(name: string, upstream: string): string {
  const lines = upstream.split('\n');
  lines.splice(1, 0, '#include <asm/hypervisor.h>', `static int ${name.replace(/[^A-Za-z0-9]/g, '_')}_xen_ready;`);
  // The sixth line, or a short file's last one (the text ends with a newline, so the last element is empty).
  const at = Math.min(5, lines.length - 2);
  lines[at] = `${lines[at] ?? ''} /* xen: paravirtualised */`;
  return lines.join('\n');
}

const names = (prefix: string, n: number, ext = '.c'): string[] => Array.from({ length: n }, (_, i) => `${prefix}${i + 1}${ext}`);

/** Upstream folders and the files in each, besides a Makefile (and a Kconfig at each arch's top). */
const UPSTREAM: Record<string, string[]> = {
  'arch/i386': ['Kconfig'],
  'arch/i386/kernel': ['setup.c', 'irq.c', 'time.c', 'traps.c', 'process.c', 'signal.c', 'entry.S', 'head.S', 'ldt.c', 'ioport.c', 'i8259.c', 'smp.c', 'smpboot.c', 'apic.c', 'io_apic.c', 'mpparse.c', ...names('sys_i386_', 24)],
  'arch/i386/mm': ['fault.c', 'init.c', 'pgtable.c', 'ioremap.c', 'highmem.c', 'hugetlbpage.c', 'pageattr.c', 'discontig.c', 'boot_ioremap.c', 'extable.c'],
  'arch/i386/math-emu': names('fpu_', 46),
  'arch/i386/pci': ['irq.c', 'common.c', 'direct.c', 'fixup.c', 'i386.c', 'legacy.c', 'pcbios.c', ...names('acpi_', 13)],
  'arch/i386/boot': names('boot_', 15),
  'arch/i386/lib': names('lib_', 20),
  'arch/i386/power': names('power_', 6),
  'arch/i386/oprofile': names('op_', 8),
  'arch/x86_64': ['Kconfig'],
  'arch/x86_64/kernel': ['setup.c', 'irq.c', 'time.c', 'traps.c', 'process.c', 'entry.S', 'head.S', 'e820.c', 'apic.c', 'smpboot.c', ...names('sys_x86_64_', 30)],
  'arch/x86_64/mm': ['fault.c', 'init.c', 'ioremap.c', 'pageattr.c', 'numa.c', 'k8topology.c', 'srat.c'],
  'arch/x86_64/lib': names('lib64_', 25),
  'arch/x86_64/ia32': names('ia32_', 20),
  'arch/alpha/kernel': ['Kconfig', 'alpha_setup.c', 'alpha_irq.c', 'osf_sys.c', ...names('core_', 12)],
  'include/asm-i386': ['page.h', 'pgtable.h', 'processor.h', 'system.h', 'desc.h', 'io.h', 'irq.h', 'mmu_context.h', 'fixmap.h', 'segment.h', 'setup.h', 'smp.h', 'msr.h', 'ptrace.h', ...names('asm_', 130, '.h')],
  kernel: ['fork.c', 'exit.c', 'sched.c', 'signal.c', 'timer.c', 'printk.c', ...names('k_', 54)],
  mm: names('mm_', 40),
  'drivers/char': ['tty_io.c', 'mem.c', 'vt.c', ...names('char_', 40)],
  'drivers/net': ['ne2k.c', 'loopback.c', ...names('net_', 35)],
  fs: names('fs_', 50),
};

/** The fork's sparse copies: per fork folder, the relative files it changed, kept as upstream had them, or added. */
interface ForkFolder {
  upstream: string;
  changed: string[];
  identical: string[];
  own: string[];
}

export const FORK_FOLDERS: Record<string, ForkFolder> = {
  'arch/xen/i386': {
    upstream: 'arch/i386',
    changed: ['kernel/setup.c', 'kernel/irq.c', 'kernel/time.c', 'kernel/traps.c', 'kernel/process.c', 'kernel/signal.c', 'kernel/entry.S', 'kernel/head.S', 'kernel/ldt.c', 'kernel/ioport.c', 'kernel/smp.c', 'kernel/smpboot.c', 'kernel/Makefile', 'mm/fault.c', 'mm/init.c', 'mm/pgtable.c', 'mm/ioremap.c', 'mm/highmem.c', 'mm/Makefile', 'pci/irq.c', 'pci/common.c', 'pci/Makefile', 'Kconfig', 'Makefile'],
    identical: ['kernel/i8259.c', 'mm/extable.c'],
    own: ['kernel/evtchn.c', 'kernel/fixup.c', 'kernel/gnttab.c'],
  },
  'arch/xen/x86_64': {
    upstream: 'arch/x86_64',
    changed: ['kernel/setup.c', 'kernel/irq.c', 'kernel/time.c', 'kernel/traps.c', 'kernel/process.c', 'kernel/entry.S', 'kernel/head.S', 'kernel/e820.c', 'kernel/Makefile', 'mm/fault.c', 'mm/init.c', 'mm/Makefile'],
    identical: ['kernel/apic.c'],
    own: ['kernel/xen_entry.S', 'kernel/genapic_xen.c'],
  },
  'include/asm-xen/asm-i386': {
    upstream: 'include/asm-i386',
    changed: ['page.h', 'pgtable.h', 'processor.h', 'system.h', 'desc.h', 'io.h', 'irq.h', 'mmu_context.h', 'fixmap.h', 'segment.h', 'setup.h', 'smp.h'],
    identical: ['msr.h', 'ptrace.h'],
    own: ['hypercall.h', 'synch_bitops.h'],
  },
};

/** Fork-only folders with no twin: a driver of its own, and the decoy sharing only Makefile and Kconfig with `arch/alpha/kernel`. */
export const FORK_ONLY: Record<string, string[]> = {
  'drivers/xen/console': ['Makefile', 'Kconfig', 'xencons.c'],
  'drivers/xen/blkfront': ['Makefile', 'blkfront.c', 'vbd.c', 'block.h'],
};
export const DECOY = 'drivers/xen/console';

/** A fork folder whose files have twins by name but were written anew: suggested, never ticked. */
export const REWRITTEN = { fork: 'drivers/xen/char', upstream: 'drivers/char', files: ['tty_io.c', 'mem.c', 'vt.c'] };

/** Changed in place, outside every pairing. */
export const CHANGED_IN_PLACE = ['drivers/net/ne2k.c', 'kernel/fork.c'];

export interface SparseFork {
  repo: string;
  upstreamRef: 'main';
  forkRef: 'xen';
  /** The right pairings, as an organiser would make them. */
  pairings: Pairing[];
  upstreamFiles: string[];
}

export function upstreamTree(): Record<string, string> {
  const files: Record<string, string> = {};
  for (const [dir, list] of Object.entries(UPSTREAM)) {
    files[`${dir}/Makefile`] = `# ${dir}/Makefile\nobj-y += ${list.filter((f) => f.endsWith('.c')).slice(0, 3).join(' ')}\n`;
    for (const f of list) files[`${dir}/${f}`] = source(`${dir}/${f}`);
  }
  return files;
}

export function forkTree(upstream: Record<string, string>): Record<string, string> {
  const files: Record<string, string> = {};
  for (const [fork, spec] of Object.entries(FORK_FOLDERS)) {
    for (const rel of spec.changed) files[`${fork}/${rel}`] = patched(rel, upstream[`${spec.upstream}/${rel}`] ?? '');
    for (const rel of spec.identical) files[`${fork}/${rel}`] = upstream[`${spec.upstream}/${rel}`] ?? '';
    for (const rel of spec.own) files[`${fork}/${rel}`] = source(`${fork}/${rel}`, 30, 'xen');
  }
  for (const [dir, list] of Object.entries(FORK_ONLY)) {
    for (const f of list) files[`${dir}/${f}`] = f === 'Makefile' ? `# ${dir}\nobj-$(CONFIG_XEN) += ${list[2] ?? ''}\n` : source(`${dir}/${f}`, 30, 'xen');
  }
  for (const f of REWRITTEN.files) files[`${REWRITTEN.fork}/${f}`] = source(`${REWRITTEN.fork}/${f}`, 40, 'xen');
  for (const path of CHANGED_IN_PLACE) files[path] = patched(path, upstream[path] ?? '');
  return files;
}

/** Builds the repository: upstream on `main`, the fork on `xen` one commit later. */
export function makeSparseFork(): SparseFork {
  const repo = makeRepo();
  const upstream = upstreamTree();
  makeCommit(repo, { files: upstream, message: 'upstream 2.6.12' });
  makeCommit(repo, { branch: 'xen', message: 'xen: the sparse sub-architecture', files: forkTree(upstream) });
  return {
    repo,
    upstreamRef: 'main',
    forkRef: 'xen',
    pairings: Object.entries(FORK_FOLDERS).map(([fork, spec]) => ({ fork, upstream: spec.upstream })),
    upstreamFiles: Object.keys(upstream),
  };
}

/** Files under a pairing's upstream folder that the fork does not copy: what the fork inherits. */
export function inheritedFiles(fork: SparseFork): string[] {
  const out: string[] = [];
  for (const [dir, spec] of Object.entries(FORK_FOLDERS)) {
    const copied = new Set([...spec.changed, ...spec.identical]);
    for (const f of fork.upstreamFiles) {
      if (!f.startsWith(`${spec.upstream}/`)) continue;
      const rel = f.slice(spec.upstream.length + 1);
      if (!copied.has(rel)) out.push(`${dir}/${rel}`);
    }
  }
  return out.sort();
}
