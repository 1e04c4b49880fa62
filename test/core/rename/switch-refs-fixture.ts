/**
 * A sparse fork of the real shape for switching references: upstream `arch/i386` with a few
 * thousand files, the Xen sub-architecture `arch/xen/i386` copying a couple of hundred of them,
 * and around it one line of each kind that names `arch/xen/i386`: Makefile `obj-`, `subdir-`,
 * `-I` and `include` lines (one through `$(XENARCH)`), Kconfig `source`, `#include`, `.incbin`
 * and a Documentation line; plus names that only look alike, and a byte that is not UTF-8.
 */
import { git, makeCommit, makeRepo } from '../../helpers/repo';

export const FROM = 'arch/xen/i386';
export const TO = 'arch/i386/xen';

const UPSTREAM_FILES = 2000;
const COPIES = 200;
const lines = (n: number, tag: string): string => Array.from({ length: n }, (_, i) => `${tag} ${i}`).join('\n') + '\n';

export const TOP_MAKEFILE = 'obj-y += kernel/ mm/\nobj-$(CONFIG_XEN) += arch/xen/i386/\nsubdir-$(CONFIG_XEN) += arch/xen/i386/kernel\nobj-y += arch/xen/i3860/ myarch/xen/i386/\n';
export const XEN_MAKEFILE = 'CFLAGS += -Iarch/xen/i386/include -I$(srctree)/arch/xen/i386/mach-xen\ninclude $(srctree)/arch/xen/$(XENARCH)/Makefile\n';
export const KCONFIG = 'menu "Xen"\nsource "arch/xen/i386/Kconfig"\nendmenu\n';
export const SCHED = '#include <linux/sched.h>\n#include "../arch/xen/i386/kernel/setup.h"\n';
export const HEAD_S = '\t.section .data\n\t.incbin "arch/xen/i386/boot/vmlinux.bin"\r\n';
/** Latin-1 text (a byte that is not UTF-8) around the line naming the old path: every byte stays. */
export const DOC = Buffer.concat([Buffer.from('Xen on i386, by Ren'), Buffer.from([0xe9]), Buffer.from('\nSee arch/xen/i386/kernel/setup.c for the start of day.\n')]);

export function makeSwitchFork(): string {
  const repo = makeRepo();
  const upstream: Record<string, string> = {};
  for (let i = 0; i < UPSTREAM_FILES; i++) upstream[`arch/i386/${i % 2 ? 'kernel' : 'mm'}/f${i}.c`] = lines(6, `upstream ${i}`);
  makeCommit(repo, { files: { ...upstream, Makefile: 'obj-y += kernel/ mm/\n' }, message: 'Linux 2.6.12' });
  const fork: Record<string, string | Buffer> = {};
  for (let i = 0; i < COPIES; i++) fork[`${FROM}/${i % 2 ? 'kernel' : 'mm'}/f${i}.c`] = lines(6, `upstream ${i}`).replace(`upstream ${i} 2`, `xen ${i} 2`);
  makeCommit(repo, {
    files: {
      ...fork,
      [`${FROM}/Makefile`]: 'obj-y += kernel/ mm/\n',
      Makefile: TOP_MAKEFILE,
      'arch/xen/Makefile': XEN_MAKEFILE,
      'arch/xen/Kconfig': KCONFIG,
      'kernel/sched.c': SCHED,
      'arch/xen/head.S': HEAD_S,
      'Documentation/xen.txt': DOC,
    },
    message: 'xen: the i386 sub-architecture',
  });
  git(repo, ['tag', 'before-switch']);
  return repo;
}
