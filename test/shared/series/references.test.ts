/** Reading what a Makefile, a Kconfig or a C file names, from their text alone. */
import { describe, expect, it } from 'vitest';
import { normalizePath, referencesOf } from '../../../shared/series/references';

const names = (path: string, text: string): [string, string[]][] => referencesOf(path, text).map((r) => [r.name, r.candidates]);

describe('references', () => {
  it('reads obj- and subdir- lines from the Makefile\'s folder, arch lines from the top, continuations and comments', () => {
    const text = [
      'obj-y += setup.o kernel/ # the core',
      'obj-$(CONFIG_XEN) += xen/ \\',
      '\tevtchn.o',
      'subdir-y += tools',
      'core-$(CONFIG_XEN) += arch/xen/kernel/',
      'obj-y += $(XENARCH)/ lib.a',
      '# obj-y += commented.o',
    ].join('\n');
    expect(names('arch/i386/xen/Makefile', text)).toEqual([
      ['setup.o', ['arch/i386/xen/setup.c', 'arch/i386/xen/setup.S', 'arch/i386/xen/setup.s']],
      ['kernel/', ['arch/i386/xen/kernel/']],
      ['xen/', ['arch/i386/xen/xen/']],
      ['evtchn.o', ['arch/i386/xen/evtchn.c', 'arch/i386/xen/evtchn.S', 'arch/i386/xen/evtchn.s']],
      ['tools/', ['arch/i386/xen/tools/']],
      ['arch/xen/kernel/', ['arch/xen/kernel/']],
    ]);
    expect(referencesOf('arch/i386/xen/Makefile', text).map((r) => r.line)).toEqual([1, 1, 2, 2, 4, 5]);
  });

  it('leaves out composite objects, which are built from others, and optional includes', () => {
    const text = 'obj-y += xen.o\nxen-y := a.o b.o\n-include optional.mk\nsinclude other.mk\ninclude $(srctree)/arch/xen/Makefile.cpu\ninclude $(src)/rules.mk\ninclude $(ARCH)/x.mk\n';
    expect(names('arch/xen/Makefile', text)).toEqual([
      ['a.o', ['arch/xen/a.c', 'arch/xen/a.S', 'arch/xen/a.s']],
      ['b.o', ['arch/xen/b.c', 'arch/xen/b.S', 'arch/xen/b.s']],
      ['$(srctree)/arch/xen/Makefile.cpu', ['arch/xen/Makefile.cpu']],
      ['$(src)/rules.mk', ['arch/xen/rules.mk']],
    ]);
  });

  it('reads Kconfig source lines from the top, rsource from the file\'s folder, and skips osource and variables', () => {
    const text = 'source "arch/xen/Kconfig.drivers"\n  rsource "net/Kconfig"\nosource "maybe/Kconfig"\nsource "arch/$(SRCARCH)/Kconfig"\n';
    expect(names('drivers/xen/Kconfig', text)).toEqual([
      ['arch/xen/Kconfig.drivers', ['arch/xen/Kconfig.drivers']],
      ['net/Kconfig', ['drivers/xen/net/Kconfig']],
    ]);
  });

  it('reads quoted includes from the file\'s folder first, angle includes from include/ and the arch\'s include/', () => {
    const text = '#include <asm-xen/hypervisor.h>\n# include "local.h"\n#include "../common/x.h"\nint a; // #include "no.h"\n';
    expect(names('arch/i386/xen/kernel/setup.c', text)).toEqual([
      ['asm-xen/hypervisor.h', ['include/asm-xen/hypervisor.h', 'arch/i386/include/asm-xen/hypervisor.h']],
      ['local.h', ['arch/i386/xen/kernel/local.h', 'include/local.h', 'arch/i386/include/local.h']],
      ['../common/x.h', ['arch/i386/xen/common/x.h', 'common/x.h', 'arch/i386/common/x.h']],
    ]);
    expect(referencesOf('README', '#include <x.h>')).toEqual([]);
  });

  it('normalises paths and refuses one above the top', () => {
    expect(normalizePath('a/./b/../c')).toBe('a/c');
    expect(normalizePath('../x')).toBeNull();
    expect(normalizePath('a/..')).toBeNull();
  });
});
