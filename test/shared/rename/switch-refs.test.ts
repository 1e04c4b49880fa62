import { describe, expect, it } from 'vitest';
import { THROUGH_VARIABLE, namesThroughVariable, switchLine, switchTerms } from '../../../shared/rename/switch-refs';

const XEN = switchTerms('arch/xen/i386', 'arch/i386/xen');
const sw = (text: string, terms = XEN, to = 'arch/i386/xen') => switchLine(text, terms, to);

describe('switching a line to the new path', () => {
  it('rewrites each kind of line that spells the old path out', () => {
    expect(sw('obj-y += arch/xen/i386/')).toEqual({ kind: 'switched', text: 'obj-y += arch/i386/xen/' });
    expect(sw('subdir-$(CONFIG_XEN) += arch/xen/i386/kernel')).toEqual({ kind: 'switched', text: 'subdir-$(CONFIG_XEN) += arch/i386/xen/kernel' });
    expect(sw('CFLAGS += -Iarch/xen/i386/include -I$(srctree)/arch/xen/i386/mach')).toEqual({ kind: 'switched', text: 'CFLAGS += -Iarch/i386/xen/include -I$(srctree)/arch/i386/xen/mach' });
    expect(sw('source "arch/xen/i386/Kconfig"')).toEqual({ kind: 'switched', text: 'source "arch/i386/xen/Kconfig"' });
    expect(sw('#include "../../arch/xen/i386/kernel/setup.h"')).toEqual({ kind: 'switched', text: '#include "../../arch/i386/xen/kernel/setup.h"' });
    expect(sw('\t.incbin "arch/xen/i386/boot/vmlinux.bin"\r')).toEqual({ kind: 'switched', text: '\t.incbin "arch/i386/xen/boot/vmlinux.bin"\r' });
    expect(sw('See arch/xen/i386/kernel/setup.c for the start of day.')).toEqual({ kind: 'switched', text: 'See arch/i386/xen/kernel/setup.c for the start of day.' });
  });

  it('leaves names that only look alike', () => {
    expect(sw('obj-y += myarch/xen/i386/ arch/xen/i3860/ arch/xen/i386.o')).toEqual({ kind: 'unchanged' });
  });

  it('leaves a line naming the old path through a make variable for the user, even beside a spelt-out one', () => {
    expect(namesThroughVariable('include $(srctree)/arch/xen/$(XENARCH)/Makefile', 'arch/xen/i386')).toBe(true);
    expect(namesThroughVariable('include $(srctree)/arch/xen/i386/Makefile', 'arch/xen/i386')).toBe(false);
    expect(sw('include $(srctree)/arch/xen/$(XENARCH)/Makefile')).toEqual({ kind: 'left', why: THROUGH_VARIABLE });
    expect(sw('obj-y += arch/xen/i386/ arch/xen/${XENARCH}/mm/')).toEqual({ kind: 'left', why: THROUGH_VARIABLE });
  });

  it('rewrites <asm-xen/...> when the new path is under include/, and leaves it when it is not', () => {
    const inc = switchTerms('include/asm-xen', 'include/asm-i386/xen');
    expect(inc).toEqual([
      { old: 'include/asm-xen', new: 'include/asm-i386/xen' },
      { old: 'asm-xen', new: 'asm-i386/xen' },
    ]);
    expect(sw('#include <asm-xen/hypervisor.h>', inc, 'include/asm-i386/xen')).toEqual({ kind: 'switched', text: '#include <asm-i386/xen/hypervisor.h>' });
    expect(sw('CFLAGS += -Iinclude/asm-xen', inc, 'include/asm-i386/xen')).toEqual({ kind: 'switched', text: 'CFLAGS += -Iinclude/asm-i386/xen' });
    const out = switchTerms('include/asm-xen', 'arch/xen/headers');
    expect(sw('#include <asm-xen/hypervisor.h>', out, 'arch/xen/headers')).toMatchObject({ kind: 'left', why: expect.stringMatching(/not under an include\/ folder/) });
    // The full path is rewritten even so: it is not the short form.
    expect(sw('CFLAGS += -Iinclude/asm-xen', out, 'arch/xen/headers')).toEqual({ kind: 'switched', text: 'CFLAGS += -Iarch/xen/headers' });
  });

  it('does not rewrite twice where the new path is under the old one', () => {
    const nested = switchTerms('arch/xen', 'arch/xen/core');
    const once = sw('obj-y += arch/xen/', nested, 'arch/xen/core');
    expect(once).toEqual({ kind: 'switched', text: 'obj-y += arch/xen/core/' });
    expect(sw('obj-y += arch/xen/core/', nested, 'arch/xen/core')).toEqual({ kind: 'unchanged' });
  });
});
