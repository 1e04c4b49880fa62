import { describe, expect, test } from 'vitest';
import { parseConflictHunks } from '../../../shared/rename/conflicts';
import { classifyDrift, relativeFiles } from '../../../shared/rename/drift';
import { pathAfterRenames, rulesCovering } from '../../../shared/rename/board';
import type { FileVersion, RenameRule } from '../../../shared/rename/model';
import { classifyReference, namesPath, referenceSearchTerms, referenceTerms } from '../../../shared/rename/references';

const v = (oid: string, mode = '100644'): FileVersion => ({ mode, oid });

describe('drift classification', () => {
  const rule = { from: 'a/src', to: 'b/dst' };
  test('each kind, an identical change on both sides is none, unchanged files are none', () => {
    const base = new Map([['same', v('1')], ['src', v('1')], ['dst', v('1')], ['both', v('1')], ['twin', v('1')], ['gone', v('1')]]);
    const source = new Map([['same', v('1')], ['src', v('2')], ['dst', v('1')], ['both', v('2')], ['twin', v('9')], ['new', v('5')]]);
    const destination = new Map([['same', v('1')], ['src', v('1')], ['dst', v('3')], ['both', v('3')], ['twin', v('9')], ['gone', v('1')]]);
    expect(classifyDrift(rule, base, source, destination).map((f) => [f.rel, f.kind, f.sourcePath, f.destinationPath])).toEqual([
      ['both', 'both', 'a/src/both', 'b/dst/both'],
      ['dst', 'destination', 'a/src/dst', 'b/dst/dst'],
      ['gone', 'source', 'a/src/gone', 'b/dst/gone'],
      ['new', 'source', 'a/src/new', 'b/dst/new'],
      ['src', 'source', 'a/src/src', 'b/dst/src'],
    ]);
  });

  test('a mode change alone is a change', () => {
    const drift = classifyDrift(rule, new Map([['x', v('1')]]), new Map([['x', v('1', '100755')]]), new Map([['x', v('1')]]));
    expect(drift.map((f) => f.kind)).toEqual(['source']);
  });

  test('relative paths: a folder root strips its prefix, a file root is the empty path, a longer name is not inside', () => {
    const files = [
      { path: 'a/src/x', mode: '100644', oid: '1' },
      { path: 'a/src', mode: '100644', oid: '2' },
      { path: 'a/srcx/y', mode: '100644', oid: '3' },
    ];
    expect([...relativeFiles(files, 'a/src').keys()]).toEqual(['x', '']);
  });
});

describe('conflict hunks from git merge-file --diff3', () => {
  test('each hunk with its line and the three sides; ordinary lines are not hunks', () => {
    const text = [
      'keep',
      '<<<<<<< a/src/f.c',
      'ours 1',
      'ours 2',
      '||||||| interim copy',
      'base',
      '=======',
      'theirs',
      '>>>>>>> b/dst/f.c',
      'between',
      '<<<<<<< a/src/f.c',
      '||||||| interim copy',
      'gone',
      '=======',
      '>>>>>>> b/dst/f.c',
      '',
    ].join('\n');
    expect(parseConflictHunks(text)).toEqual([
      { line: 2, source: ['ours 1', 'ours 2'], base: ['base'], destination: ['theirs'] },
      { line: 11, source: [], base: ['gone'], destination: [] },
    ]);
  });

  test('lines that only start like markers stay content', () => {
    expect(parseConflictHunks('<<<<<<<<< not a marker\n=======x\n')).toEqual([]);
  });
});

describe('old-path references', () => {
  test('terms: the path, and for include/ folders the part #include uses', () => {
    expect(referenceTerms('arch/xen/kernel')).toEqual(['arch/xen/kernel']);
    expect(referenceTerms('include/asm-xen')).toEqual(['include/asm-xen', 'asm-xen']);
    expect(referenceTerms('arch/xen/include/asm')).toEqual(['arch/xen/include/asm', 'asm']);
    // "xinclude/" is not an include/ folder: only the path itself is a term.
    expect(referenceTerms('xinclude/asm')).toEqual(['xinclude/asm']);
  });

  test('a path is named only as a whole path or a path inside it', () => {
    expect(namesPath('obj-y += arch/xen/kernel/', 'arch/xen/kernel')).toBe(true);
    expect(namesPath('$(srctree)/arch/xen/kernel/Makefile', 'arch/xen/kernel')).toBe(true);
    expect(namesPath('obj-y += arch/xen/kernel2/', 'arch/xen/kernel')).toBe(false);
    expect(namesPath('obj-y += myarch/xen/kernel', 'arch/xen/kernel')).toBe(false);
  });

  test('#include lines anywhere, other lines only in Makefiles and Kconfig files', () => {
    const terms = referenceTerms('include/asm-xen');
    expect(classifyReference('kernel/a.c', '#include <asm-xen/hypervisor.h>', terms)).toBe('include');
    expect(classifyReference('kernel/a.c', '  #  include "include/asm-xen/x.h"', terms)).toBe('include');
    expect(classifyReference('kernel/a.c', '/* see include/asm-xen */', terms)).toBeNull();
    expect(classifyReference('arch/Makefile', 'CFLAGS += -Iinclude/asm-xen', terms)).toBe('makefile');
    expect(classifyReference('arch/Makefile', 'CFLAGS += -Iinclude/asm-xen2', terms)).toBeNull();
    expect(classifyReference('arch/Makefile', 'CFLAGS += -I include/asm-xen', terms)).toBe('makefile');
    expect(classifyReference('arch/Kbuild', 'obj-y += include/asm-xen/', terms)).toBe('makefile');
    expect(classifyReference('arch/x/Kconfig.debug', 'source "include/asm-xen/Kconfig"', terms)).toBe('kconfig');
    expect(classifyReference('docs/notes.txt', 'include/asm-xen', terms)).toBeNull();
  });
});


describe('the rename plan on the board', () => {
  const rule = (id: string, from: string, to: string, phase: RenameRule['phase']): RenameRule => ({ id, from, to, phase, copyCommit: null, moveCommit: null });
  const rules = [rule('k', 'arch/xen/kernel', 'drivers/xen/core', 'copied'), rule('i', 'arch/xen/i386', 'arch/i386/xen', 'planned'), rule('x', 'arch/xen/x86_64', 'arch/x86_64/xen', 'abandoned')];

  test('a subsystem is under the rules holding any of its files, on either side', () => {
    expect(rulesCovering(['arch/xen/kernel/evtchn.c', 'README'], rules).map((r) => r.id)).toEqual(['k']);
    expect(rulesCovering(['drivers/xen/core/evtchn.c'], rules).map((r) => r.id)).toEqual(['k']);
    expect(rulesCovering(['arch/xen/x86_64/setup.c', 'arch/xen/kernelx/a.c'], rules)).toEqual([]);
  });

  test('a file follows a copied or moved rule, not a planned one', () => {
    expect(pathAfterRenames('arch/xen/kernel/sub/a.c', rules)).toBe('drivers/xen/core/sub/a.c');
    expect(pathAfterRenames('arch/xen/i386/setup.c', rules)).toBe('arch/xen/i386/setup.c');
  });
});

describe('what still names the old path: every kind of line', () => {
  const terms = referenceTerms('arch/xen/i386');
  test('a make variable in a path stands for any single folder name, past the first', () => {
    expect(classifyReference('arch/xen/Makefile', 'include $(srctree)/arch/xen/$(XENARCH)/Makefile', terms)).toBe('makefile');
    expect(classifyReference('Makefile', 'core-y += arch/xen/${XENARCH}/kernel/', terms)).toBe('makefile');
    expect(classifyReference('Makefile', 'include $(srctree)/arch/xen/$(XENARCH)', referenceTerms('arch/xen/i386/kernel'))).toBeNull();
    expect(classifyReference('Makefile', 'include $(srctree)/xen/i386/Makefile', terms)).toBeNull();
  });
  test('.incbin lines in assembly, -I flags, obj- and subdir- lines, Kconfig source lines, Documentation links', () => {
    expect(classifyReference('arch/i386/boot/payload.S', '\t.incbin "arch/xen/i386/boot/vmlinux.bin"', terms)).toBe('incbin');
    expect(classifyReference('arch/i386/boot/payload.S', '\t.incbin "arch/xen/x86_64/vmlinux.bin"', terms)).toBeNull();
    expect(classifyReference('arch/i386/Makefile', 'CFLAGS += -Iarch/xen/i386/include', terms)).toBe('makefile');
    expect(classifyReference('arch/i386/Makefile', 'CFLAGS += -Iarch/xen/i3866/include', terms)).toBeNull();
    expect(classifyReference('arch/Kbuild', 'obj-$(CONFIG_XEN) += xen/i386/ ../arch/xen/i386/', terms)).toBe('makefile');
    expect(classifyReference('arch/Makefile', 'subdir-y += arch/xen/i386', terms)).toBe('makefile');
    expect(classifyReference('arch/Kconfig', 'source "arch/xen/i386/Kconfig"', terms)).toBe('kconfig');
    expect(classifyReference('Documentation/xen.txt', 'See arch/xen/i386/README for the boot protocol.', terms)).toBe('documentation');
    expect(classifyReference('drivers/notes.txt', 'See arch/xen/i386/README', terms)).toBeNull();
  });
  test('the search terms find a line that names the path through a variable', () => {
    const search = referenceSearchTerms(terms);
    expect(search).toContain('arch/xen/$(');
    expect(search.some((t) => 'include $(srctree)/arch/xen/$(XENARCH)/Makefile'.includes(t))).toBe(true);
  });
});
