/** The step model: what exists after each patch, and which references break where. */
import { describe, expect, it } from 'vitest';
import type { ChangedFile } from '../../../shared/series/changes';
import { describeBreak, stepBreaks } from '../../../shared/series/consistency';
import { referencesOf } from '../../../shared/series/references';

const change = (path: string, status: ChangedFile['status']): ChangedFile => ({ path, status, mode: status === 'D' ? '000000' : '100644', oid: '0'.repeat(40) });

describe('stepBreaks', () => {
  const changes = [change('arch/xen/Makefile', 'A'), change('arch/xen/kernel/a.c', 'A'), change('arch/xen/gone.c', 'A')];
  const references = new Map([['arch/xen/Makefile', { base: [], target: referencesOf('arch/xen/Makefile', 'obj-y += kernel/ missing/ a.o\n') }]]);

  it('names a folder added by a later patch, and holds nothing that is dangling in the final tree too', () => {
    const patches = [{ files: ['arch/xen/Makefile', 'arch/xen/gone.c'] }, { files: ['arch/xen/kernel/a.c'] }];
    const breaks = stepBreaks({ patches, changes, baseFiles: ['Makefile'], references });
    expect(breaks.map((b) => describeBreak(b, 2))).toEqual(['patch 1 of 2: arch/xen/Makefile (line 1) names kernel/, added by patch 2']);
  });

  it('finds nothing when the Makefile comes with or after what it names', () => {
    expect(stepBreaks({ patches: [{ files: ['arch/xen/kernel/a.c'] }, { files: ['arch/xen/Makefile', 'arch/xen/gone.c'] }], changes, baseFiles: [], references })).toEqual([]);
    expect(stepBreaks({ patches: [{ files: ['arch/xen/kernel/a.c', 'arch/xen/Makefile', 'arch/xen/gone.c'] }], changes, baseFiles: [], references })).toEqual([]);
  });

  it('holds an upstream folder that a removal empties before a later patch fills it again', () => {
    const moved = [change('drivers/old/a.c', 'D'), change('drivers/old/b.c', 'A')];
    const refs = new Map([['drivers/Makefile', { base: referencesOf('drivers/Makefile', 'obj-y += old/\n'), target: referencesOf('drivers/Makefile', 'obj-y += old/\n') }]]);
    const all = [...moved, change('drivers/Makefile', 'M')];
    const breaks = stepBreaks({ patches: [{ files: ['drivers/old/a.c'] }, { files: ['drivers/old/b.c'] }, { files: ['drivers/Makefile'] }], changes: all, baseFiles: ['drivers/old/a.c', 'drivers/Makefile'], references: refs });
    expect(breaks.map((b) => describeBreak(b, 3))).toEqual(['patch 1 of 3: drivers/Makefile (line 1) still names old/, removed by patch 1, until patch 2 adds it again']);
  });
});
