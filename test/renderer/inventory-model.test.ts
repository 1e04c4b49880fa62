import { describe, expect, it } from 'vitest';
import type { InventoryFile } from '../../shared/model';
import { filterFiles, folderAt, sortFiles, subsystemOfFile, totalsBy, totalsByStatus } from '../../renderer/src/views/inventory/inventoryModel';
import { boardPlan } from './fakeServer';
import { inventoryFile } from '../helpers/inventory';

const file = (path: string, status: InventoryFile['status'], added: number, removed: number, upstreamPath = path): InventoryFile =>
  inventoryFile(path, status, added, removed, { upstreamPath });

const files = [
  file('drivers/xen/net/netfront.c', 'fork-only', 900, 0),
  file('arch/xen/i386/kernel/time.c', 'modified', 40, 12, 'arch/i386/kernel/time.c'),
  file('arch/xen/i386/kernel/irq.c', 'identical', 0, 0, 'arch/i386/kernel/irq.c'),
  file('arch/xen/i386/mm/fault.c', 'upstream-only', 0, 310, 'arch/i386/mm/fault.c'),
  file('Makefile', 'modified', 2, 1),
];
const noFilter = { status: 'all' as const, text: '', subsystem: 'all', sort: 'path' as const, descending: false };

describe('inventory model', () => {
  it('totals per status add up the files and lines of each status; an inherited file counts as a file, never as lines', () => {
    const t = totalsByStatus([...files, file('drivers/net/gone.c', 'upstream-only', 0, 80)]);
    expect(t.modified).toEqual({ files: 2, added: 42, removed: 13 });
    expect(t.inherited).toEqual({ files: 1, added: 0, removed: 0 });
    // Removed by the fork outside the pairings: a change, with its lines.
    expect(t['upstream-only']).toEqual({ files: 1, added: 0, removed: 80 });
    expect(t.identical.files).toBe(1);
  });

  it('folders at a depth, with root files under "."', () => {
    expect(folderAt('arch/xen/i386/kernel/time.c', 2)).toBe('arch/xen');
    expect(folderAt('arch/xen/i386/kernel/time.c', 9)).toBe('arch/xen/i386/kernel');
    expect(folderAt('Makefile', 2)).toBe('.');
    const byFolder = totalsBy(files, (f) => folderAt(f.path, 2));
    expect(byFolder[0]).toEqual({ key: 'drivers/xen', files: 1, added: 900, removed: 0 });
    // The inherited arch/xen/i386/mm/fault.c is no folder's work.
    expect(byFolder.find((g) => g.key === 'arch/xen')).toEqual({ key: 'arch/xen', files: 2, added: 40, removed: 12 });
  });

  it('filters by status, by text on either side, and by subsystem', () => {
    const owner = new Map([['drivers/xen/net/netfront.c', 'net']]);
    expect(filterFiles(files, { ...noFilter, status: 'modified' }, owner).map((f) => f.path)).toEqual(['arch/xen/i386/kernel/time.c', 'Makefile']);
    expect(filterFiles(files, { ...noFilter, text: 'ARCH/I386/MM' }, owner).map((f) => f.path)).toEqual(['arch/xen/i386/mm/fault.c']);
    expect(filterFiles(files, { ...noFilter, status: 'inherited' }, owner).map((f) => f.path)).toEqual(['arch/xen/i386/mm/fault.c']);
    expect(filterFiles(files, { ...noFilter, status: 'upstream-only' }, owner)).toEqual([]);
    expect(filterFiles(files, { ...noFilter, subsystem: 'net' }, owner)).toHaveLength(1);
    expect(filterFiles(files, { ...noFilter, subsystem: 'none' }, owner)).toHaveLength(4);
  });

  it('sorts by a column in either direction, ties by path', () => {
    expect(sortFiles(files, 'added', true).map((f) => f.added)).toEqual([900, 40, 2, 0, 0]);
    const byStatus = sortFiles(files, 'status', false).map((f) => f.path);
    expect(byStatus.slice(0, 2)).toEqual(['Makefile', 'arch/xen/i386/kernel/time.c']);
    expect(sortFiles(files, 'path', true)[0]?.path).toBe('drivers/xen/net/netfront.c');
  });

  it('maps each file to the subsystem that holds it', () => {
    const owner = subsystemOfFile(boardPlan());
    expect(owner.get('drivers/xen/net/netback.c')).toBe('net');
    expect(owner.get('arch/xen/kernel/evtchn.c')).toBe('core');
  });
});
