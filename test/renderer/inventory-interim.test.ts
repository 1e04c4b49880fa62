/** Interim copies of rename rules in the inventory's totals and the cards' line counts: their sources count, they do not. */
import { describe, expect, it } from 'vitest';
import type { Inventory, InventoryFile } from '../../shared/model';
import { selectCardStats } from '../../renderer/src/store/selectors';
import type { SprintState } from '../../renderer/src/store/types';
import type { InventoryFilter } from '../../renderer/src/store/types';
import { filterFiles, totalsBy, totalsByStatus } from '../../renderer/src/views/inventory/inventoryModel';
import { boardPlan } from './fakeServer';
import { inventoryFile } from '../helpers/inventory';

const file = (path: string, status: InventoryFile['status'], added: number, marks: Partial<InventoryFile> = {}): InventoryFile => inventoryFile(path, status, added, 0, marks);

const files: InventoryFile[] = [
  file('arch/xen/kernel/evtchn.c', 'fork-only', 30, { interimCopyAt: 'drivers/xen/core/evtchn.c' }),
  file('drivers/xen/core/evtchn.c', 'fork-only', 30, { interimCopyOf: 'arch/xen/kernel/evtchn.c' }),
  file('drivers/xen/net/netfront.c', 'fork-only', 7),
];

describe('interim copies', () => {
  it('are left out of the totals per status and per group; their sources stay in', () => {
    expect(totalsByStatus(files)['fork-only']).toEqual({ files: 2, added: 37, removed: 0 });
    expect(totalsBy(files, (f) => f.path.split('/').slice(0, 2).join('/'))).toEqual([
      { key: 'arch/xen', files: 1, added: 30, removed: 0 },
      { key: 'drivers/xen', files: 1, added: 7, removed: 0 },
    ]);
  });

  it('belong with their source\'s subsystem when filtering by subsystem', () => {
    const owner = new Map([['arch/xen/kernel/evtchn.c', 'core']]);
    const filter: InventoryFilter = { status: 'all', text: '', subsystem: 'core', sort: 'path', descending: false };
    expect(filterFiles(files, filter, owner).map((f) => f.path)).toEqual(['arch/xen/kernel/evtchn.c', 'drivers/xen/core/evtchn.c']);
    expect(filterFiles(files, { ...filter, subsystem: 'none' }, owner).map((f) => f.path)).toEqual(['drivers/xen/net/netfront.c']);
  });

  it('add no lines to a card that holds them', () => {
    const plan = boardPlan();
    plan.subsystems.core!.files = ['arch/xen/kernel/evtchn.c', 'drivers/xen/core/evtchn.c'];
    const inventory: Inventory = { upstreamRef: 'v2.6.12', forkRef: 'xen', upstreamCommit: 'a', forkCommit: 'b', pairings: [], files };
    const stats = selectCardStats({ plan, inventory } as unknown as SprintState);
    // The copy is neither lines nor a file of work: its source is.
    expect(stats.core).toEqual({ files: 1, added: 30, removed: 0 });
  });
});
