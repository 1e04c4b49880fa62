import { describe, expect, it } from 'vitest';
import type { InventoryFile } from '../../shared/model';
import { buildTree, countsInWords, treeKey, visibleRows } from '../../renderer/src/views/inventory/fileTree';
import { STATUS_LABEL } from '../../renderer/src/views/common/format';
import { inventoryFile } from '../helpers/inventory';

const files: InventoryFile[] = [
  inventoryFile('arch/xen/i386/kernel/time.c', 'modified', 40, 12),
  inventoryFile('arch/xen/i386/kernel/irq.c', 'identical', 0, 0),
  inventoryFile('arch/xen/i386/mm/fault.c', 'modified', 3, 1),
  inventoryFile('arch/xen/kernel/evtchn.c', 'fork-only', 900, 0),
  inventoryFile('drivers/xen/core/evtchn.c', 'fork-only', 900, 0, { interimCopyOf: 'arch/xen/kernel/evtchn.c' }),
  inventoryFile('Makefile', 'modified', 2, 1),
];

const names = (rows: ReturnType<typeof visibleRows>) => rows.map((r) => (r.kind === 'folder' ? `${'  '.repeat(r.depth - 1)}${r.folder.name}/` : `${'  '.repeat(r.depth - 1)}${r.name}`));

describe('file tree', () => {
  const tree = buildTree(files);

  it('nests folders before files, each by name, with root files last', () => {
    expect(names(visibleRows(tree, new Set()))).toEqual([
      'arch/',
      '  xen/',
      '    i386/',
      '      kernel/',
      '        irq.c',
      '        time.c',
      '      mm/',
      '        fault.c',
      '    kernel/',
      '      evtchn.c',
      'drivers/',
      '  xen/',
      '    core/',
      '      evtchn.c',
      'Makefile',
    ]);
  });

  it('counts each status in a folder and every folder above it, interim copies left out as in the totals', () => {
    const arch = tree.folders.find((f) => f.name === 'arch');
    expect(arch?.counts).toEqual({ modified: 2, identical: 1, 'fork-only': 1, 'upstream-only': 0 });
    expect(tree.counts.modified).toBe(3);
    const drivers = tree.folders.find((f) => f.name === 'drivers');
    expect(drivers?.counts['fork-only']).toBe(0);
    expect(countsInWords(arch?.counts ?? tree.counts, STATUS_LABEL)).toBe('2 modified, 1 identical, 1 fork only');
  });

  it('hides what is under a collapsed folder and keeps its siblings', () => {
    expect(names(visibleRows(tree, new Set(['arch/xen/i386'])))).toEqual(['arch/', '  xen/', '    i386/', '    kernel/', '      evtchn.c', 'drivers/', '  xen/', '    core/', '      evtchn.c', 'Makefile']);
  });

  it('moves with the arrow keys as a tree view does', () => {
    const collapsed = new Set<string>(['drivers']);
    const rows = visibleRows(tree, collapsed);
    const at = (name: string) => names(rows).findIndex((n) => n.trim() === name);
    expect(treeKey(rows, at('irq.c'), 'ArrowDown', collapsed)).toEqual({ focus: at('time.c') });
    expect(treeKey(rows, at('irq.c'), 'ArrowLeft', collapsed)).toEqual({ focus: at('kernel/') });
    expect(treeKey(rows, at('kernel/'), 'ArrowLeft', collapsed)).toEqual({ toggle: 'arch/xen/i386/kernel' });
    expect(treeKey(rows, at('kernel/'), 'ArrowRight', collapsed)).toEqual({ focus: at('irq.c') });
    expect(treeKey(rows, at('drivers/'), 'ArrowRight', collapsed)).toEqual({ toggle: 'drivers' });
    expect(treeKey(rows, at('irq.c'), 'ArrowRight', collapsed)).toBeNull();
    expect(treeKey(rows, 0, 'ArrowUp', collapsed)).toEqual({ focus: 0 });
    expect(treeKey(rows, 0, 'End', collapsed)).toEqual({ focus: rows.length - 1 });
  });
});
