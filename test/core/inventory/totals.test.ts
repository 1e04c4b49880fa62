/** Inventory totals per status and per folder (shared/inventory.ts). */
import { describe, expect, it } from 'vitest';
import { folderOf, grandTotal, inventoryTotals } from '../../../shared/inventory';
import { inventoryFile } from '../../helpers/inventory';

const file = inventoryFile;
const files = [
  file('arch/xen/i386/kernel/setup.c', 'modified', 10, 2),
  file('arch/xen/i386/kernel/evtchn.c', 'fork-only', 50, 0),
  file('arch/xen/i386/mm/init.c', 'identical', 0, 0),
  file('arch/xen/i386/mm/fault.c', 'modified', 3, 3),
  file('README', 'modified', 1, 1),
  file('arch/xen/i386/boot/bootsect.S', 'upstream-only', 0, 40),
];

describe('inventoryTotals', () => {
  it('sums count, added and removed per status, in the statuses order', () => {
    expect(inventoryTotals(files, 'status')).toEqual([
      { key: 'modified', count: 3, added: 14, removed: 6 },
      { key: 'identical', count: 1, added: 0, removed: 0 },
      { key: 'fork-only', count: 1, added: 50, removed: 0 },
      { key: 'upstream-only', count: 1, added: 0, removed: 40 },
    ]);
  });

  it('sums per parent folder, or per folder cut at a depth, alphabetically', () => {
    expect(inventoryTotals(files, 'folder')).toEqual([
      { key: '', count: 1, added: 1, removed: 1 },
      { key: 'arch/xen/i386/boot', count: 1, added: 0, removed: 40 },
      { key: 'arch/xen/i386/kernel', count: 2, added: 60, removed: 2 },
      { key: 'arch/xen/i386/mm', count: 2, added: 3, removed: 3 },
    ]);
    expect(inventoryTotals(files, 'folder', { depth: 2 })).toEqual([
      { key: '', count: 1, added: 1, removed: 1 },
      { key: 'arch/xen', count: 5, added: 63, removed: 45 },
    ]);
  });

  it('adds up to the grand total, and is empty for no files', () => {
    expect(grandTotal(files)).toEqual({ count: 6, added: 64, removed: 46 });
    expect(inventoryTotals([], 'status')).toEqual([]);
    expect(folderOf('a/b/c.c')).toBe('a/b');
    expect(folderOf('a/b/c.c', 1)).toBe('a');
  });
});
